package org.nianbao.parse.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.nianbao.parse.schema.ReportFetchedEvent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ParsedEventMapperTest {

    private final ParsedEventMapper mapper = new ParsedEventMapper(new ObjectMapper());

    @Test
    void readsAValidEventAndIgnoresFieldsAddedLater() {
        ReportFetchedEvent event = mapper.readFetched("""
                {"schemaVersion":1,"reportId":"0123456789abcdef0123","version":2,"sha256":"%s","fileName":"a.pdf",
                 "sourceKind":"crawl","hints":{"siteName":"平潭综合实验区"},"someFutureField":true}""".formatted("a".repeat(64)));
        assertEquals(2, event.version());
        assertEquals("平潭综合实验区", mapper.hints(event).siteName());
    }

    @Test
    void rejectsWhatCannotBeProcessedSayingWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> mapper.readFetched("{oops"))
                .getMessage().contains("not valid JSON"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> mapper.readFetched(""))
                .getMessage().contains("empty"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> mapper.readFetched("{\"schemaVersion\":2}"))
                .getMessage().contains("schemaVersion 2"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> mapper.readFetched("{\"schemaVersion\":1,\"reportId\":\"x\",\"sha256\":\"nothex\"}"))
                .getMessage().contains("sha256"));
    }
}
