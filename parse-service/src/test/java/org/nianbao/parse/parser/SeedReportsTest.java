package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The five extracted-text seeds (one cell per line, | markers, tab-indented, 2016 pre-format): every cell and all
 * metadata against expected values read by hand.
 */
class SeedReportsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"000_2dbaea1c02efd4ef", "001_dd34f4ba02cce112", "002_c50ec127ad28e6ef",
        "003_07cf9df04860348c", "004_40ef9cce17cf73fc"})
    void everyCellAndMetadataMatch(String seed) {
        JsonNode expected = TestResources.json("seeds/" + seed + "/expected.json");
        ParsedReport report = TestResources.PARSER.parse(TestResources.bytes("seeds/" + seed + "/input.txt"), seed);

        List<String> keys = new ArrayList<>();
        expected.get("cells").fieldNames().forEachRemaining(keys::add);
        assertEquals(new TreeSet<>(keys), new TreeSet<>(report.cells().keySet()), "key set");
        assertEquals(List.of(), TestResources.wrongCells(report, expected.get("cells")));
        assertEquals(expected.get("title").asText(), report.title());
        assertEquals(expected.get("agency").asText(), report.agency());
        assertEquals(expected.get("agencyKind").asText(), report.agencyKind());
        assertEquals(expected.get("agencyLevel").asText(), report.agencyLevel());
        assertEquals(expected.get("year").asInt(), report.year());
        assertEquals(text(expected.get("publishedAt")), report.publishedAt());
        assertEquals(expected.get("formatVersion").asText(), report.formatVersion());
        assertEquals(expected.get("inputType").asText(), report.inputType());
        assertEquals(text(expected.get("region").get("province")), report.region().province());
        assertEquals(text(expected.get("region").get("city")), report.region().city());
        assertEquals(text(expected.get("region").get("county")), report.region().county());
        List<String> sections = new ArrayList<>();
        expected.get("sections").forEach(s -> sections.add(s.get(0).asInt() + " " + s.get(1).asText()));
        assertEquals(sections, report.sections().stream().filter(s -> s.number() > 0)
                .map(s -> s.number() + " " + s.heading()).toList());
        List<String> warnings = new ArrayList<>();
        expected.get("warnings").forEach(w -> warnings.add(w.asText()));
        assertEquals(warnings, report.warnings().stream().map(ParseWarning::code).distinct().sorted().toList());
    }

    private static String text(JsonNode n) {
        return n == null || n.isNull() ? null : n.asText();
    }
}
