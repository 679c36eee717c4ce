package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every report we hold (fixtures, seeds, real reports, variants, binary documents) costs a small part of the default
 * parse budget; it exists so the budget that stops hostile input can never take a value from a real report: a real
 * report that came near its limit would fail here long before it lost a cell in production.
 */
class BudgetHeadroomTest {

    /** A real report may spend at most this share of any limit. */
    private static final double HEADROOM = 0.1;
    private static final ParseBudget.Limits LIMITS = ParseBudget.Limits.defaults();
    private static final ReportParser PARSER = new ReportParser(ReportParser.DEFAULT_MAX_BYTES, LIMITS);
    private static long mostWork;
    private static String mostWorkReport;

    static Stream<String> documents() throws IOException, URISyntaxException {
        Path root = Path.of(BudgetHeadroomTest.class.getResource("/fixtures").toURI()).getParent();
        try (Stream<Path> files = Stream.of("fixtures", "seeds", "real", "variants", "binary")
                .flatMap(corpus -> walk(root.resolve(corpus)))) {
            return files.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().matches("(page|report|input)\\..+|.+\\.(txt|html?|pdf|docx?)"))
                    .filter(f -> !f.getFileName().toString().endsWith(".md"))
                    .map(f -> root.relativize(f).toString())
                    .sorted()
                    .toList()
                    .stream();
        }
    }

    private static Stream<Path> walk(Path dir) {
        try {
            return Files.walk(dir).toList().stream();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("documents")
    void aRealReportCostsAFractionOfTheBudget(String path) {
        byte[] doc = TestResources.bytes(path);
        ParseBudget budget = ParseBudget.forInput(LIMITS, doc.length, () -> 0L);
        ParsedReport report;
        try {
            report = PARSER.parse(doc, path, null, budget);
        } catch (UnparseableDocumentException refused) {
            return; // the hazard documents that are refused on purpose (empty, corrupt) cost nothing to search
        }
        assertTrue(budget.used() <= HEADROOM * budget.workLimit(), path + ": work " + budget.used() + " of "
                + budget.workLimit());
        assertFalse(budget.spent(), path);
        assertEquals(List.of(), report.warnings().stream().map(ParseWarning::code)
                .filter(c -> c.equals("PARSE.DIGITS_UNSPLIT") || c.equals(ReportParser.BUDGET_EXCEEDED)).toList(), path);
        synchronized (BudgetHeadroomTest.class) {
            if (budget.used() > mostWork) {
                mostWork = budget.used();
                mostWorkReport = path;
            }
        }
    }

    @AfterAll
    static void printMostWork() {
        System.out.println("BudgetHeadroomTest most work of a real report: " + mostWork + " units (" + mostWorkReport
                + "), row allowance " + LIMITS.rowWork());
    }
}
