package org.nianbao.search.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class ProjectionHistoryTest {

    private static ObjectNode entry(long version, String sha, String validatedAt) {
        ObjectNode e = JsonNodeFactory.instance.objectNode();
        e.put("version", version);
        e.put("sha256", sha);
        e.put("validatedAt", validatedAt);
        return e;
    }

    @Test
    void keepsOneEntryPerVersionSortedAndLatestValidation() {
        ArrayNode h = ProjectionService.mergeHistory(null, entry(2, "b", "2024-01-02T00:00:00Z"));
        h = ProjectionService.mergeHistory(h, entry(1, "a", "2024-01-01T00:00:00Z"));
        h = ProjectionService.mergeHistory(h, entry(2, "b", "2024-01-01T00:00:00Z"));
        assertEquals(2, h.size());
        assertEquals("a", h.get(0).get("sha256").asText());
        assertEquals("2024-01-02T00:00:00Z", h.get(1).get("validatedAt").asText());
        h = ProjectionService.mergeHistory(h, entry(2, "b", "2024-03-01T00:00:00Z"));
        assertEquals("2024-03-01T00:00:00Z", h.get(1).get("validatedAt").asText());
        assertEquals(h, ProjectionService.mergeHistory(h, entry(2, "b", "2024-03-01T00:00:00Z")));
    }
}
