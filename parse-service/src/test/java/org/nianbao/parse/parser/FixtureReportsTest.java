package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every cell and the metadata of the six hand-read fixture reports (copied from the shared fixtures). */
class FixtureReportsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "pingtan-syq-2012, page.txt", "pingtan-syq-2018, page.txt", "pingtan-syq-2019, page.txt",
        "pingtan-syq-2021, page.txt", "pingtan-syq-2023, page.txt", "shanghai-bgt-2019, page.html"})
    void everyCellAndMetadataMatch(String name, String input) {
        JsonNode expected = TestResources.json("fixtures/" + name + "/expected.json");
        ParsedReport report = TestResources.PARSER.parse(TestResources.bytes("fixtures/" + name + "/" + input), input);

        assertEquals(List.of(), TestResources.wrongCells(report, expected.get("cells")), name);
        assertEquals(expected.get("year").asInt(), report.year());
        assertEquals(expected.get("formatVersion").asText(), report.formatVersion());
        assertEquals(expected.get("publishedAt").asText(), report.publishedAt());
        assertNotNull(report.agency());
        assertTrue(report.agency().contains(expected.get("agency").asText()), report.agency());
        assertEquals(expected.get("province").asText(), report.region().province());
        assertEquals(expected.get("title").asText().replace("年度", "年"), report.title().replace("年度", "年"));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pingtan-syq-2019, page.txt", "pingtan-syq-2021, page.txt", "pingtan-syq-2023, page.txt",
        "shanghai-bgt-2019, page.html"})
    void nationalReportsHaveAllSixSectionsInOrder(String name, String input) {
        JsonNode expected = TestResources.json("fixtures/" + name + "/expected.json");
        ParsedReport report = TestResources.PARSER.parse(TestResources.bytes("fixtures/" + name + "/" + input), input);
        List<String> headings = report.sections().stream().filter(s -> s.number() > 0).map(Section::heading).toList();
        List<String> want = new ArrayList<>();
        expected.get("sections").forEach(s -> want.add(TextNormalizer.squeeze(TextNormalizer.fold(s.asText()))));
        assertEquals(want, headings.stream().map(h -> TextNormalizer.squeeze(TextNormalizer.fold(h))).toList());
        assertEquals(List.of(1, 2, 3, 4, 5, 6),
                report.sections().stream().filter(s -> s.number() > 0).map(Section::number).toList());
        assertTrue(report.sections().stream().allMatch(s -> !s.text().isBlank()), "every section has text");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"pingtan-syq-2012, 739, 4359", "pingtan-syq-2018, 2069, 12106"})
    void preFormatReportsKeepTheirStatisticsAsLegacyCells(String name, int active, int cumulative) {
        ParsedReport report = TestResources.PARSER.parse(TestResources.bytes("fixtures/" + name + "/page.txt"), "page.txt");
        assertEquals("pre2019", report.formatVersion());
        assertEquals(active, report.cells().get("legacy.active.total").intValue());
        assertEquals(cumulative, report.cells().get("legacy.active.total.cumulative").intValue());
        assertEquals(active, report.cells().get("legacy.active.website").intValue());
        assertEquals(0, report.cells().get("legacy.applications.total").intValue());
        assertEquals(0, report.cells().get("legacy.replies.total").intValue());
        assertEquals(0, report.cells().get("legacy.review.total").intValue());
        assertEquals(0, report.cells().get("legacy.suit.total").intValue());
        assertTrue(report.cells().keySet().stream().noneMatch(k -> k.startsWith("s2.") || k.startsWith("s3.")));
        assertTrue(report.warnings().isEmpty(), report.warnings().toString());
    }

    @org.junit.jupiter.api.Test
    void cleanHtmlReportHasNoWarningsAndKeepsRawCellText() {
        ParsedReport report = TestResources.PARSER.parse(
                TestResources.bytes("fixtures/shanghai-bgt-2019/page.html"), "page.html");
        assertEquals(List.of(), report.warnings());
        assertEquals("html", report.inputType());
        assertEquals("251000元", report.cellDetails().get("s2.procurement.amount").raw());
        assertEquals("元", report.cellDetails().get("s2.procurement.amount").unit());
        assertEquals("department", report.agencyKind());
        assertEquals("province", report.agencyLevel());
    }

    @org.junit.jupiter.api.Test
    void gluedDigitRunsAreSplitByRowArithmetic() {
        ParsedReport report = TestResources.PARSER.parse(
                TestResources.bytes("fixtures/pingtan-syq-2021/page.txt"), "page.txt");
        assertEquals(List.of("64", "0", "0", "2", "0", "4", "70"), CellKeys.S3_COLUMNS.stream()
                .map(c -> report.cells().get("s3.new." + c).toPlainString()).toList());
        assertEquals("24252.311082", report.cells().get("s2.fees.amount").toPlainString());
        List<String> ambiguous = report.warnings().stream().filter(w -> w.code().equals("PARSE.AMBIGUOUS_DIGITS"))
                .flatMap(w -> w.cells().stream()).toList();
        assertEquals(List.of("s2.normative.issued", "s2.normative.repealed", "s2.normative.in_force"), ambiguous,
                "only the identity-free 行政规范性文件 run 693665 is ambiguous");
    }
}
