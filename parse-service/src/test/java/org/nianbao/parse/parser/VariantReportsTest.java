package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Realistic unseen layouts derived from the real reports (same numbers, other markup, chrome, page breaks,
 * punctuation, truncation, metadata forms); it exists so the parser is held to general rules, not the fixtures.
 * Each {@code variants/<name>/expected.json} names its input and only the fields it checks.
 */
class VariantReportsTest {

    static Stream<String> variants() {
        JsonNode index = TestResources.json("variants/index.json");
        return StreamSupport.stream(index.spliterator(), false).map(JsonNode::asText);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("variants")
    void variantParsesAsExpected(String name) {
        JsonNode exp = TestResources.json("variants/" + name + "/expected.json");
        String input = exp.get("input").asText();
        ParsedReport report = TestResources.PARSER.parse(TestResources.bytes("variants/" + name + "/" + input), input);

        List<String> wrong = new ArrayList<>();
        if (exp.has("cells")) {
            wrong.addAll(TestResources.wrongCells(report, exp.get("cells")));
        }
        if (exp.has("nullCells")) {
            exp.get("nullCells").forEach(k -> {
                if (report.cells().get(k.asText()) != null) {
                    wrong.add(k.asText() + "=" + report.cells().get(k.asText()) + " expected null");
                }
            });
        }
        check(wrong, exp, "year", report.year() == null ? null : String.valueOf(report.year()));
        check(wrong, exp, "formatVersion", report.formatVersion());
        check(wrong, exp, "publishedAt", report.publishedAt());
        check(wrong, exp, "agency", report.agency());
        check(wrong, exp, "agencyKind", report.agencyKind());
        check(wrong, exp, "agencyLevel", report.agencyLevel());
        check(wrong, exp, "title", report.title());
        check(wrong, exp, "province", report.region() == null ? null : report.region().province());
        check(wrong, exp, "city", report.region() == null ? null : report.region().city());
        check(wrong, exp, "county", report.region() == null ? null : report.region().county());
        List<String> codes = report.warnings().stream().map(ParseWarning::code).sorted().toList();
        if (exp.has("warnings")) {
            List<String> want = new ArrayList<>();
            exp.get("warnings").forEach(w -> want.add(w.asText()));
            if (!want.stream().sorted().toList().equals(codes)) {
                wrong.add("warnings " + report.warnings() + " expected " + want);
            }
        }
        if (exp.has("warningsInclude")) {
            exp.get("warningsInclude").forEach(w -> {
                if (!codes.contains(w.asText())) {
                    wrong.add("warning " + w.asText() + " missing from " + codes);
                }
            });
        }
        assertEquals(List.of(), wrong, name);
        assertTrue(report.cells().size() > 0 || !exp.has("cells"), name + " has no cells");
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
}
