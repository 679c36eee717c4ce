package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Real binary reports — PDFs with a Chinese text layer and ruled tables over page breaks, an image-only PDF, DOCX
 * and Word 97 files with merged cells — holding fixtures whose cells are known (written by
 * {@code docgen.BinaryDocsGenerator}); it exists because the PDF and Office paths were only tested with text.
 * Every cell, the metadata, the section headings and the exact warning codes of {@code binary/<name>/expected.json}
 * are checked.
 */
class BinaryReportsTest {

    static Stream<String> reports() {
        JsonNode index = TestResources.json("binary/index.json");
        return StreamSupport.stream(index.spliterator(), false).map(JsonNode::asText);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void binaryReportParsesAsExpected(String name) {
        JsonNode exp = TestResources.json("binary/" + name + "/expected.json");
        String input = exp.get("input").asText();
        ParsedReport report = TestResources.PARSER.parse(TestResources.bytes("binary/" + name + "/" + input), input);
        List<String> wrong = new ArrayList<>();

        String type = input.substring(input.lastIndexOf('.') + 1);
        if (!type.equals(report.inputType())) {
            wrong.add("inputType=" + report.inputType() + " expected " + type);
        }
        JsonNode cells = exp.get("cells");
        TreeSet<String> expectedKeys = new TreeSet<>();
        cells.fieldNames().forEachRemaining(expectedKeys::add);
        if (!expectedKeys.equals(new TreeSet<>(report.cells().keySet()))) {
            wrong.add("cell keys " + report.cells().keySet() + " expected " + expectedKeys);
        }
        wrong.addAll(TestResources.wrongCells(report, cells));
        check(wrong, exp, "title", report.title());
        check(wrong, exp, "agency", report.agency());
        check(wrong, exp, "year", report.year() == null ? null : String.valueOf(report.year()));
        check(wrong, exp, "publishedAt", report.publishedAt());
        check(wrong, exp, "province", report.region() == null ? null : report.region().province());
        check(wrong, exp, "formatVersion", report.formatVersion());
        if (exp.has("sections")) {
            List<String> want = new ArrayList<>();
            exp.get("sections").forEach(s -> want.add(s.asText()));
            List<String> got = report.sections().stream().filter(s -> s.number() > 0).map(Section::heading).toList();
            if (!want.equals(got)) {
                wrong.add("sections " + got + " expected " + want);
            }
        }
        List<String> want = new ArrayList<>();
        exp.get("warnings").forEach(w -> want.add(w.asText()));
        List<String> codes = report.warnings().stream().map(ParseWarning::code).sorted().toList();
        if (!want.stream().sorted().toList().equals(codes)) {
            wrong.add("warnings " + report.warnings() + " expected " + want);
        }
        assertEquals(List.of(), wrong, name);
    }

    /** A field absent from expected.json is not checked; JSON null means the parser must give null. */
    private static void check(List<String> wrong, JsonNode exp, String field, String actual) {
        if (!exp.has(field)) {
            return;
        }
        JsonNode want = exp.get(field);
        String w = want.isNull() ? null : want.asText();
        if (w == null ? actual != null : !w.equals(actual)) {
            wrong.add(field + "=" + actual + " expected " + w);
        }
    }

    /** A Word 97 file saved by Microsoft Word with Chinese text, a header and a 3×3 table (Apache POI test data). */
    @Test
    void wordSavedChineseDocIsReadWithItsTableRows() {
        DocumentText doc = new DocumentReader(ReportParser.DEFAULT_MAX_BYTES)
                .read(TestResources.bytes("binary/word97-chinese-poi-61490/61490.doc"), "61490.doc");
        assertEquals("doc", doc.inputType());
        assertTrue(doc.body().contains("居中的大标题\n"), doc.body());
        assertTrue(doc.body().contains("章节1.1的内容，有点长"), doc.body());
        assertTrue(doc.body().contains("11\t12\t13\n21\t22\t23\n31\t32\t33\n"), doc.body());
        assertEquals(List.of(), doc.warnings());
    }

    @Test
    void everyBinaryReportIsSmallEnoughToKeepInTheRepository() {
        reports().forEach(name -> {
            JsonNode exp = TestResources.json("binary/" + name + "/expected.json");
            int size = TestResources.bytes("binary/" + name + "/" + exp.get("input").asText()).length;
            assertTrue(size < 300 * 1024, name + " is " + size + " bytes");
        });
    }
}
