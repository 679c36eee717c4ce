package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every cell, the metadata, the section headings and the warnings of published reports nobody tuned the parser on
 * ({@code real/<case>/}: the input as published, SOURCE.md, a hand-read expected.json); it exists to hold the parser
 * to real documents rather than to the fixtures it was developed on.
 */
class RealReportsTest {

    static Stream<String> cases() {
        try (Stream<Path> dirs = Files.list(realDir())) {
            return dirs.filter(d -> Files.exists(d.resolve("expected.json")))
                    .map(d -> d.getFileName().toString()).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void theCorpusIsThere() {
        assertTrue(cases().count() >= 10, "real/ holds at least ten reports");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyCellIsRead(String name) {
        JsonNode exp = expected(name);
        ParsedReport report = parse(name);
        Set<String> flagged = ambiguousCells(report);
        List<String> wrong = TestResources.wrongCells(report, exp.get("cells"),
                key -> offeredAsAmbiguous(exp, report, flagged, key));
        assertEquals(List.of(), wrong, name);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void metadataIsRead(String name) {
        JsonNode exp = expected(name);
        ParsedReport report = parse(name);
        assertEquals(text(exp, "title").replace("年度", "年"), flat(report.title()).replace("年度", "年"), "title");
        assertEquals(text(exp, "agency"), flat(report.agency()), "agency");
        assertEquals(exp.get("agencyKind").asText(), report.agencyKind(), "agencyKind");
        assertEquals(exp.get("agencyLevel").asText(), report.agencyLevel(), "agencyLevel");
        assertEquals(exp.get("year").asInt(), report.year(), "year");
        assertEquals(nullable(exp, "publishedAt"), report.publishedAt(), "publishedAt");
        assertEquals(exp.get("formatVersion").asText(), report.formatVersion(), "formatVersion");
        assertEquals(nullable(exp, "province"), report.region().province(), "province");
        assertEquals(nullable(exp, "city"), report.region().city(), "city");
        assertEquals(nullable(exp, "county"), report.region().county(), "county");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void sectionHeadingsAreReadAsPrinted(String name) {
        JsonNode exp = expected(name);
        ParsedReport report = parse(name);
        List<String> want = new ArrayList<>();
        exp.get("sections").forEach(s -> want.add(flat(s.asText())));
        List<Section> numbered = report.sections().stream().filter(s -> s.number() > 0).toList();
        assertEquals(want, numbered.stream().map(s -> flat(s.heading())).toList(), name);
        for (int i = 0; i < numbered.size(); i++) {
            assertEquals(i + 1, numbered.get(i).number(), name + " section order");
            assertTrue(!numbered.get(i).text().isBlank(), name + " section " + (i + 1) + " has text");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void onlyJustifiedWarnings(String name) {
        JsonNode exp = expected(name);
        ParsedReport report = parse(name);
        List<String> want = new ArrayList<>();
        exp.get("warnings").forEach(w -> {
            List<String> cells = new ArrayList<>();
            w.path("cells").forEach(c -> cells.add(c.asText()));
            want.add(w.get("code").asText() + " " + cells);
        });
        List<String> got = report.warnings().stream().map(w -> w.code() + " " + w.cells()).sorted().toList();
        assertEquals(want.stream().sorted().toList(), got, name + ": " + report.warnings());
    }

    /**
     * A cell listed in {@code ambiguousInText} (the printed text has several valid readings) may differ from the
     * printed value only when the parser flagged its run and offered the printed split among the candidates.
     */
    private static boolean offeredAsAmbiguous(JsonNode exp, ParsedReport report, Set<String> flagged, String key) {
        Set<String> listed = new HashSet<>();
        exp.path("ambiguousInText").forEach(k -> listed.add(k.asText()));
        if (!listed.contains(key) || !flagged.contains(key)) {
            return false;
        }
        for (ParseWarning w : report.warnings()) {
            if (w.code().equals("PARSE.AMBIGUOUS_DIGITS") && w.cells().contains(key)) {
                String printed = w.cells().stream()
                        .map(k -> exp.get("cells").get(k).decimalValue().stripTrailingZeros().toPlainString())
                        .collect(Collectors.joining(", ", "[", "]"));
                return w.message().contains(printed);
            }
        }
        return false;
    }

    private static Set<String> ambiguousCells(ParsedReport report) {
        return report.warnings().stream().filter(w -> w.code().equals("PARSE.AMBIGUOUS_DIGITS"))
                .flatMap(w -> w.cells().stream()).collect(Collectors.toSet());
    }

    private static ParsedReport parse(String name) {
        String input = input(name);
        return TestResources.PARSER.parse(TestResources.bytes("real/" + name + "/" + input), input);
    }

    private static String input(String name) {
        try (Stream<Path> files = Files.list(realDir().resolve(name))) {
            return files.map(p -> p.getFileName().toString()).filter(f -> f.startsWith("page.")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(name + " has no page.* input"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode expected(String name) {
        return TestResources.json("real/" + name + "/expected.json");
    }

    private static Path realDir() {
        try {
            return Path.of(Objects.requireNonNull(RealReportsTest.class.getResource("/real/README.md")).toURI())
                    .getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode exp, String field) {
        return flat(exp.get(field).asText());
    }

    private static String nullable(JsonNode exp, String field) {
        JsonNode v = exp.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** Folded, whitespace-free: PDF text keeps spaces inside titles ("2024 年") that the printed title does not. */
    private static String flat(String s) {
        return s == null ? null : TextNormalizer.squeeze(TextNormalizer.fold(s));
    }
}
