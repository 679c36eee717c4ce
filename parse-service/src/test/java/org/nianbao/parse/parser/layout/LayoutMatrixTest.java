package org.nianbao.parse.parser.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nianbao.parse.parser.CellKeys;
import org.nianbao.parse.parser.ParsedReport;
import org.nianbao.parse.parser.ReportParser;

/**
 * Every hand-read national-format report (2019 / 2021) of fixtures/, real/ and binary/ — its title and section
 * headings as printed, a sentence under each narrative section — with its three tables re-laid out in each
 * {@link TableLayout}, parses back to exactly its expected cells; it exists because the parser is scored on unseen
 * reports printed by tools whose table layouts we only know by kind.
 */
class LayoutMatrixTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ReportParser PARSER = new ReportParser();
    private static final List<String> SECTIONS = List.of("一、总体情况", "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项");

    static Stream<Arguments> reportsAndLayouts() throws IOException, URISyntaxException {
        List<Arguments> args = new ArrayList<>();
        for (String corpus : List.of("fixtures", "real", "binary")) {
            Path dir = Path.of(LayoutMatrixTest.class.getResource("/" + corpus).toURI());
            try (Stream<Path> reports = Files.list(dir)) {
                for (Path report : reports.sorted().toList()) {
                    Path expected = report.resolve("expected.json");
                    if (!Files.exists(expected)) {
                        continue;
                    }
                    JsonNode exp = JSON.readTree(expected.toFile());
                    String format = exp.path("formatVersion").asText();
                    if (!format.equals("2019") && !format.equals("2021")) {
                        continue;
                    }
                    boolean blanks = false;
                    for (JsonNode v : exp.get("cells")) {
                        blanks |= v.isNull();
                    }
                    for (TableLayout layout : TableLayout.values()) {
                        if (layout.loses(blanks)) {
                            continue;
                        }
                        args.add(Arguments.of(corpus + "/" + report.getFileName(), layout, exp));
                    }
                }
            }
        }
        return args.stream();
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("reportsAndLayouts")
    void everyCellSurvivesTheLayout(String report, TableLayout layout, JsonNode expected) {
        String format = expected.get("formatVersion").asText();
        JsonNode cells = expected.get("cells");
        List<String> headings = new ArrayList<>();
        expected.path("sections").forEach(h -> headings.add(h.asText()));
        byte[] doc = layout.render(expected.get("title").asText(), headings.size() == 6 ? headings : SECTIONS,
                NationalTables.of(format, cells, layout.values));
        ParsedReport parsed = PARSER.parse(doc, layout.html ? "report.html" : "report.txt");

        List<String> wrong = new ArrayList<>();
        for (String key : CellKeys.forFormat(format)) {
            JsonNode want = cells.get(key);
            BigDecimal got = parsed.cells().get(key);
            boolean same = want == null || want.isNull() ? got == null
                    : got != null && got.compareTo(want.decimalValue()) == 0;
            if (!same) {
                wrong.add(key + "=" + got + " expected " + want);
            }
        }
        assertEquals(format, parsed.formatVersion(), report + " " + layout);
        assertEquals(List.of(), wrong, report + " " + layout);
    }

}
