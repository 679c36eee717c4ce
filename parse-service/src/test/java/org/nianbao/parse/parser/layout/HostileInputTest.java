package org.nianbao.parse.parser.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nianbao.parse.parser.CellKeys;
import org.nianbao.parse.parser.ParseBudget;
import org.nianbao.parse.parser.ParseWarning;
import org.nianbao.parse.parser.ParsedReport;
import org.nianbao.parse.parser.ReportParser;
import org.nianbao.parse.parser.docgen.ReportModel.GridCell;
import org.nianbao.parse.parser.docgen.ReportModel.GridTable;

/**
 * Hostile inputs generated from known reports: for every table row pattern of every layout (and a glued text layer
 * with no separators at all), digit runs of growing length put into the cells; labels repeated hundreds of times;
 * thousands of extra rows; deeply nested HTML. It exists because one upload must never stop the pipeline: each
 * input must parse with work (the parser's own counter, never the clock) bounded in proportion to its size, and no
 * cell may come back as a wrong number unflagged — a value is the printed one, or null, or named by a warning.
 *
 * <p>The class timeout is only a hang guard so a regression cannot stall CI for an hour; nothing is timed.
 */
@Timeout(value = 10, unit = TimeUnit.MINUTES)
class HostileInputTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ParseBudget.Limits LIMITS = ParseBudget.Limits.defaults();
    private static final ReportParser PARSER = new ReportParser(ReportParser.DEFAULT_MAX_BYTES, LIMITS);
    private static final int[] RUN_LENGTHS = {10, 14, 20, 40, 100, 300, 1000, 5000};
    private static final int POISON_EVERY = 5;
    private static final List<String> SECTIONS = List.of("一、总体情况", "二、主动公开政府信息情况",
            "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
            "六、其他需要报告的事项");
    /**
     * What any input may cost: the national tables have at most {@value #MAX_ROWS} rows, each search at most
     * the row allowance, plus the column-identity combinations (at most 50 000 × rows) and a constant number of
     * units per character scanned. Past it a parse would be super-linear in its input.
     */
    private static final int MAX_ROWS = 60;
    private static final long WORK_PER_CHAR = 8;
    private static final long WORK_BASE = MAX_ROWS * LIMITS.rowWork() + 50_000L * MAX_ROWS;

    private static final List<String> WORST = new ArrayList<>();
    private static double worstPerKb;
    private static long worstWork;
    private static double slowestMs;
    private static String slowest;
    private static double totalMs;
    private static int inputs;
    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** The two hand-read reports the mutations start from: one of each national format. */
    private static Stream<JsonNode> sources() {
        return Stream.of("fixtures/pingtan-syq-2021", "real/pingtan-syq-2020").map(HostileInputTest::expected);
    }

    private static JsonNode expected(String dir) {
        try (var in = HostileInputTest.class.getResourceAsStream("/" + dir + "/expected.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException(dir, e);
        }
    }

    static Stream<Arguments> poisonedRuns() {
        List<Arguments> args = new ArrayList<>();
        sources().forEach(exp -> {
            for (Layout layout : Layout.usable(exp)) {
                for (int length : RUN_LENGTHS) {
                    for (int offset = 0; offset < POISON_EVERY; offset++) {
                        args.add(Arguments.of(exp.get("formatVersion").asText(), layout, length, offset, exp));
                    }
                }
            }
        });
        return args.stream();
    }

    /** Every POISON_EVERY-th value cell (shifted by {@code offset}) printed as a digit run of {@code length}. */
    @ParameterizedTest(name = "{0} {1} run {2} offset {3}")
    @MethodSource("poisonedRuns")
    void longDigitRunsAreBoundedAndNeverGuessed(String format, Layout layout, int length, int offset,
                                                JsonNode expected) {
        Set<String> poisoned = new HashSet<>();
        ValueStyle style = (value, index) -> {
            if (index % POISON_EVERY == offset) {
                return run(length);
            }
            return layout.style().print(value, index);
        };
        List<GridTable> tables = NationalTables.of(format, expected.get("cells"), style);
        for (String key : poisonedKeys(format, offset)) {
            poisoned.add(layout == Layout.GLUED ? rowOf(key) : key);
        }
        byte[] doc = layout.render(title(expected), tables);
        ParsedReport report = parse(layout + " run " + length, doc, layout.fileName());
        assertHonest(report, expected.get("cells"), poisoned, length);
    }

    static Stream<Arguments> layouts() {
        List<Arguments> args = new ArrayList<>();
        sources().forEach(exp -> {
            for (Layout layout : Layout.usable(exp)) {
                args.add(Arguments.of(exp.get("formatVersion").asText(), layout, exp));
            }
        });
        return args.stream();
    }

    /** Each table printed 300 times over: every label repeated, the parse still bounded and honest. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("layouts")
    void repeatedLabels(String format, Layout layout, JsonNode expected) {
        List<GridTable> tables = NationalTables.of(format, expected.get("cells"), layout.style());
        List<GridTable> repeated = new ArrayList<>();
        for (GridTable t : tables) {
            List<List<GridCell>> rows = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                rows.addAll(t.rows());
            }
            repeated.add(new GridTable(rows, t.headerRows(), t.columnWeights()));
        }
        ParsedReport report = parse(layout + " repeated labels", layout.render(title(expected), repeated),
                layout.fileName());
        assertHonest(report, expected.get("cells"), Set.of(), 0);
    }

    /** Five thousand extra rows of values inside table 三 (before its last row), the parse bounded and honest. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("layouts")
    void thousandsOfRows(String format, Layout layout, JsonNode expected) {
        List<GridTable> tables = new ArrayList<>(NationalTables.of(format, expected.get("cells"), layout.style()));
        GridTable t3 = tables.get(1);
        List<List<GridCell>> rows = new ArrayList<>(t3.rows());
        List<GridCell> model = rows.get(rows.size() - 1);
        for (int i = 0; i < 5000; i++) {
            List<GridCell> extra = new ArrayList<>();
            for (int c = 0; c < model.size(); c++) {
                String text = c == 0 ? "其他事项" + i : run(7 + i % 5);
                extra.add(new GridCell(text, model.get(c).colSpan(), 1));
            }
            rows.add(rows.size() - 1, extra); // before 四、结转下年度继续办理, after （七）总计: no rowspan open there
        }
        tables.set(1, new GridTable(rows, t3.headerRows(), t3.columnWeights()));
        ParsedReport report = parse(layout + " 5000 rows", layout.render(title(expected), tables),
                layout.fileName());
        assertHonest(report, expected.get("cells"), Set.of(), 0);
    }

    static Stream<Arguments> nestings() {
        return Stream.of(Arguments.of("div", 5_000), Arguments.of("table", 400), Arguments.of("span", 20_000));
    }

    /** The report inside thousands of nested elements: parsed (or refused with a reason), never unbounded. */
    @ParameterizedTest(name = "{0} × {1}")
    @MethodSource("nestings")
    void deepNesting(String element, int depth) {
        JsonNode expected = expected("fixtures/pingtan-syq-2021");
        String page = new String(Layout.HTML_MERGED.render(title(expected),
                NationalTables.of("2021", expected.get("cells"), ValueStyle.PLAIN)), StandardCharsets.UTF_8);
        String open = element.equals("table") ? "<table><tr><td>" : "<" + element + ">";
        String close = element.equals("table") ? "</td></tr></table>" : "</" + element + ">";
        String nested = page.replace("<body>\n", "<body>\n" + open.repeat(depth))
                .replace("</body>", close.repeat(depth) + "</body>");
        ParsedReport report = parse(element + " nested " + depth, nested.getBytes(StandardCharsets.UTF_8),
                "report.html");
        assertHonest(report, expected.get("cells"), Set.of(), 0);
    }

    // ---- checks ---------------------------------------------------------------------------------------------

    private static ParsedReport parse(String what, byte[] doc, String fileName) {
        ParseBudget budget = ParseBudget.forInput(LIMITS, doc.length, () -> 0L); // work only: the clock never moves
        long cpu = THREADS.getCurrentThreadCpuTime();
        ParsedReport report = PARSER.parse(doc, fileName, null, budget);
        double cpuMs = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6; // printed for BENCHMARKS.md, never asserted
        long bound = WORK_BASE + WORK_PER_CHAR * doc.length;
        assertTrue(budget.used() <= bound, what + ": work " + budget.used() + " over the bound " + bound
                + " for " + doc.length + " bytes");
        double perKb = budget.used() / Math.max(1.0, doc.length / 1024.0);
        synchronized (WORST) {
            if (perKb > worstPerKb) {
                worstPerKb = perKb;
                WORST.add(String.format(Locale.ROOT, "%s: %d units for %d bytes (%.0f units/KB), %.1f ms CPU", what,
                        budget.used(), doc.length, perKb, cpuMs));
            }
            worstWork = Math.max(worstWork, budget.used());
            if (cpuMs > slowestMs) {
                slowestMs = cpuMs;
                slowest = String.format(Locale.ROOT, "%s: %.1f ms CPU for %d bytes (%.2f ms/KB), %d units", what,
                        cpuMs, doc.length, cpuMs / Math.max(1.0, doc.length / 1024.0), budget.used());
            }
            totalMs += cpuMs;
            inputs++;
        }
        return report;
    }

    /**
     * Every expected cell reads its value, or null, or is named by a warning; a poisoned cell (a run of digits that
     * is no cell of the report) reads null, or the run itself when it is short enough to be a number printed alone.
     */
    private static void assertHonest(ParsedReport report, JsonNode cells, Set<String> poisoned, int runLength) {
        Set<String> flagged = new HashSet<>();
        for (ParseWarning w : report.warnings()) {
            flagged.addAll(w.cells());
        }
        List<String> wrong = new ArrayList<>();
        cells.fields().forEachRemaining(cell -> {
            String key = cell.getKey();
            BigDecimal got = report.cells().get(key);
            if (got == null || flagged.contains(key)) {
                return;
            }
            if (poisoned.contains(rowOf(key))) {
                return; // a glued row with a run in it is other text than the report's: any split of it may be right
            }
            if (poisoned.contains(key)) {
                if (runLength > 12 || got.compareTo(new BigDecimal(run(runLength))) != 0) {
                    wrong.add(key + "=" + got + " (poisoned with a " + runLength + "-digit run), unflagged");
                }
                return;
            }
            JsonNode want = cell.getValue();
            if (want.isNull() || got.compareTo(want.decimalValue()) != 0) {
                wrong.add(key + "=" + got + " expected " + want + ", unflagged");
            }
        });
        assertEquals(List.of(), wrong);
    }

    /** The keys of the value cells the style poisons: NationalTables fills cells in table order. */
    private static Set<String> poisonedKeys(String format, int offset) {
        List<String> order = fillOrder(format);
        Set<String> keys = new HashSet<>();
        for (int i = 0; i < order.size(); i++) {
            if (i % POISON_EVERY == offset) {
                keys.add(order.get(i));
            }
        }
        return keys;
    }

    /** The keys in the order NationalTables fills them (its Filler asks for each cell once, in table order). */
    private static List<String> fillOrder(String format) {
        var cells = JSON.createObjectNode();
        for (String key : CellKeys.forFormat(format)) {
            cells.put(key, 0);
        }
        RecordingCells recording = new RecordingCells(cells);
        NationalTables.of(format, recording, (value, index) -> "");
        return recording.asked;
    }

    /** The row a cell belongs to (table 四 is one row of fifteen values). */
    private static String rowOf(String key) {
        return key.startsWith("s4.") ? "s4" : key.substring(0, key.lastIndexOf('.'));
    }

    private static String run(int length) {
        return "1234567890".repeat(length / 10 + 1).substring(0, length);
    }

    private static String title(JsonNode expected) {
        return expected.get("title").asText();
    }

    @AfterAll
    static void printWorstCase() {
        System.out.println("HostileInputTest worst work per KB (rising): ");
        WORST.forEach(w -> System.out.println("  " + w));
        System.out.println("HostileInputTest most work on one input: " + worstWork + " units");
        System.out.println("HostileInputTest most CPU on one input: " + slowest);
        System.out.printf(Locale.ROOT, "HostileInputTest %d inputs, %.0f ms CPU in all%n", inputs, totalMs);
    }

    /** A JSON object that records the keys NationalTables asks for, in order. */
    private static final class RecordingCells extends com.fasterxml.jackson.databind.node.ObjectNode {
        final List<String> asked = new ArrayList<>();

        RecordingCells(com.fasterxml.jackson.databind.node.ObjectNode source) {
            super(JSON.getNodeFactory());
            setAll(source);
        }

        @Override
        public JsonNode get(String fieldName) {
            asked.add(fieldName);
            return super.get(fieldName);
        }
    }

    /** The layouts of {@link TableLayout}, plus the glued text layer of the demo's hostile upload. */
    enum Layout {
        MARKDOWN(TableLayout.MARKDOWN), MARKDOWN_SPAN_COPIED(TableLayout.MARKDOWN_SPAN_COPIED),
        TAB_SEPARATED(TableLayout.TAB_SEPARATED), ONE_CELL_PER_LINE(TableLayout.ONE_CELL_PER_LINE),
        HTML_MERGED(TableLayout.HTML_MERGED), HTML_MESSY(TableLayout.HTML_MESSY), CSV(TableLayout.CSV),
        /** A PDF or web page text layer that lost every separator: each table is one line of glued text. */
        GLUED(null);

        private final TableLayout layout;

        Layout(TableLayout layout) {
            this.layout = layout;
        }

        /** The layouts that can carry the report's cells at all (see {@link TableLayout#loses}). */
        static List<Layout> usable(JsonNode expected) {
            boolean blanks = false;
            for (JsonNode v : expected.get("cells")) {
                blanks |= v.isNull();
            }
            List<Layout> usable = new ArrayList<>();
            for (Layout l : values()) {
                if (l.layout == null || !l.layout.loses(blanks)) {
                    usable.add(l);
                }
            }
            return usable;
        }

        ValueStyle style() {
            return layout == null ? ValueStyle.PLAIN : layout.values;
        }

        String fileName() {
            return layout != null && layout.html ? "report.html" : "report.txt";
        }

        byte[] render(String title, List<GridTable> tables) {
            if (layout != null) {
                return layout.render(title, SECTIONS, tables);
            }
            StringBuilder b = new StringBuilder(title).append("\n\n");
            for (int i = 0; i < SECTIONS.size(); i++) {
                b.append(SECTIONS.get(i)).append('\n');
                if (i >= 1 && i <= 3) {
                    for (List<GridCell> row : tables.get(i - 1).rows()) {
                        for (GridCell c : row) {
                            b.append(c.text());
                        }
                    }
                    b.append('\n');
                } else {
                    b.append("本机关按照有关规定做好本项工作，具体情况见下文所述。\n");
                }
            }
            return b.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
