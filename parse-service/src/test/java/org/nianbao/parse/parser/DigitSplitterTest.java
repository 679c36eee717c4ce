package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Splitting glued digit runs with the row arithmetic (table 三 rows, table 四 groups). */
class DigitSplitterTest {

    /** Fits with the shared identity (checked on longs) and asserts a fresh one (checked on BigDecimals) agrees. */
    private static RowFit fit(String text, int columns, int group) {
        List<ValueAtom> atoms = ValueScanner.scan(text, 0, text.length());
        RowFit fast = DigitSplitter.fit(atoms, columns, group, DigitSplitter.LAST_IS_SUM, Plausibility::smallCounts);
        Predicate<List<BigDecimal>> plain = DigitSplitter::lastIsSum;
        assertEquals(DigitSplitter.fit(atoms, columns, group, plain, Plausibility::smallCounts), fast);
        return fast;
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {
        "640020470; 64 0 0 2 0 4 70; SPLIT",
        "230 000023; 23 0 0 0 0 0 23; SPLIT",
        "0 0 0 0 0 00; 0 0 0 0 0 0 0; SPLIT",
        "310000031; 31 0 0 0 0 0 31; SPLIT",
        "1 0 0 0 0 0 1; 1 0 0 0 0 0 1; DIRECT",
        "100010011; 1 0 0 0 10 0 11; AMBIGUOUS"})
    void table3Rows(String text, String expected, RowFit.Status status) {
        RowFit f = fit(text, 7, 7);
        assertEquals(expected, String.join(" ", f.values().stream().map(BigDecimal::toPlainString).toList()));
        assertEquals(status, f.status());
    }

    @Test
    void table4RunOfSeventeenDigitsIntoFifteenValues() {
        RowFit f = fit("10203120001200000", 15, 5);
        assertEquals("1 0 2 0 3 12 0 0 0 12 0 0 0 0 0",
                String.join(" ", f.values().stream().map(BigDecimal::toPlainString).toList()));
        assertEquals(RowFit.Status.SPLIT, f.status());
    }

    @Test
    void blankMarkersStayNullAndCountAsColumns() {
        String text = "821\t35\t∅\t∅\t2\t1\t859";
        RowFit f = fit(text, 7, 7);
        assertEquals(java.util.Arrays.asList(new BigDecimal("821"), new BigDecimal("35"), null, null,
                new BigDecimal("2"), new BigDecimal("1"), new BigDecimal("859")), f.values());
        assertEquals(RowFit.Status.DIRECT, f.status());
    }

    /** A run longer than 15 values of at most 9 digits can hold is refused before any search: no work, no guess. */
    @Test
    void aRunTheColumnsCannotHoldIsRefusedWithoutSearching() {
        String run = "1234567890".repeat(300);
        ParseBudget budget = ParseBudget.standalone();
        RowFit f = DigitSplitter.fit(ValueScanner.scan(run, 0, run.length()), 15, 5, DigitSplitter.LAST_IS_SUM,
                Plausibility::smallCounts, budget);
        assertEquals(RowFit.Status.TOO_LONG, f.status());
        assertTrue(f.values().stream().allMatch(v -> v == null));
        assertEquals(0, budget.used());
    }

    /** A value printed on its own with more digits than any cell has (a 40-digit "number") is no value. */
    @Test
    void anOverlongValueInItsOwnCellIsNotRead() {
        String row = "1 2 " + "9".repeat(40) + " 4 5 6 7";
        assertEquals(RowFit.Status.TOO_LONG, fit(row, 7, 7).status());
    }

    /**
     * A run that fits only just, but whose splits are many (table 三: one identity for seven values): past the row's
     * allowance the search stops and the row stays null instead of taking the best split seen so far.
     */
    @Test
    void aSearchPastItsAllowanceLeavesTheRowUnsplit() {
        String run = "123456789".repeat(6) + "1";
        ParseBudget tight = ParseBudget.forInput(new ParseBudget.Limits(1_000, 1_000_000, 0, Duration.ofHours(1),
                Duration.ZERO, 10), 0);
        RowFit f = DigitSplitter.fit(ValueScanner.scan(run, 0, run.length()), 7, 7, DigitSplitter.LAST_IS_SUM,
                Plausibility::smallCounts, tight);
        assertEquals(RowFit.Status.OVER_BUDGET, f.status());
        assertTrue(f.values().stream().allMatch(v -> v == null));
        assertTrue(tight.used() > 1_000 && tight.used() <= 1_001, "charged what it spent: " + tight.used());
    }

    /**
     * Table 四 groups: what follows a completed group does not depend on how it was split, so a dead end is searched
     * once. Fifteen values from 120 digits used to mean up to 9^14 branches; the work now stays in the thousands.
     */
    @Test
    void deadEndsAtGroupBoundariesAreSearchedOnce() {
        String run = "98765432".repeat(15);
        ParseBudget budget = ParseBudget.standalone();
        RowFit f = DigitSplitter.fit(ValueScanner.scan(run, 0, run.length()), 15, 5, DigitSplitter.LAST_IS_SUM,
                Plausibility::smallCounts, budget);
        assertTrue(f.status() == RowFit.Status.INCONSISTENT || f.status() == RowFit.Status.OVER_BUDGET, f.status()
                + " " + f.values());
        assertTrue(budget.used() < ParseBudget.DEFAULT_ROW_WORK * 2, "work " + budget.used());
    }

    /** Once the document's budget is spent no row searches any more; rows read directly are still read. */
    @Test
    void aSpentDocumentBudgetRefusesFurtherSearchesOnly() {
        ParseBudget spent = ParseBudget.forInput(new ParseBudget.Limits(10, 10, 0, Duration.ofHours(1),
                Duration.ZERO, 10), 0);
        spent.charge(11);
        assertTrue(spent.spent());
        assertEquals("work", spent.spentOn());
        String glued = "640020470";
        assertEquals(RowFit.Status.OVER_BUDGET, DigitSplitter.fit(ValueScanner.scan(glued, 0, glued.length()), 7, 7,
                DigitSplitter.LAST_IS_SUM, Plausibility::smallCounts, spent).status());
        String direct = "1 0 0 0 0 0 1";
        assertEquals(RowFit.Status.DIRECT, DigitSplitter.fit(ValueScanner.scan(direct, 0, direct.length()), 7, 7,
                DigitSplitter.LAST_IS_SUM, Plausibility::smallCounts, spent).status());
    }

    /** The clock is the last resort: a budget whose deadline has passed is spent on time. */
    @Test
    void aPassedDeadlineSpendsTheBudget() {
        long[] now = {0};
        ParseBudget budget = ParseBudget.forInput(ParseBudget.Limits.defaults(), 2 * 1024 * 1024, () -> now[0]);
        now[0] = Duration.ofSeconds(6).toNanos();
        assertFalse(budget.spent(), "5 s + 1 s per MiB: 7 s for 2 MiB");
        now[0] = Duration.ofSeconds(8).toNanos();
        assertTrue(budget.spent());
        assertEquals("time", budget.spentOn());
    }

    @Test
    void inconsistentRunIsFlagged() {
        assertEquals(RowFit.Status.INCONSISTENT, fit("1111119", 7, 7).status());
    }

    @Test
    void tooFewDigitsIsShort() {
        RowFit f = fit("1 2", 7, 7);
        assertEquals(RowFit.Status.SHORT, f.status());
        assertEquals(7, f.values().size());
    }

    @Test
    void scannerStopsAtTheNextLabelAndKeepsUnits() {
        String s = "（区分处理的）13575394432.52元三、收到和处理";
        List<ValueAtom> atoms = ValueScanner.scan(TextNormalizer.fold(s), 0, s.length());
        assertEquals(List.of(new ValueAtom("13575394432.52", "元", false)), atoms);
        String slash = "规章 / — 5 本年增/减";
        assertEquals(3, ValueScanner.scan(slash, 2, slash.length()).size());
    }

    @Test
    void identityOnLongsAgreesWithBigDecimalsOnRandomGluedRows() {
        java.util.Random random = new java.util.Random(11);
        int splits = 0;
        for (int i = 0; i < 600; i++) {
            int group = random.nextBoolean() ? 7 : 5;
            int groups = 1 + random.nextInt(2);
            List<String> cells = new java.util.ArrayList<>();
            for (int g = 0; g < groups; g++) {
                BigDecimal sum = BigDecimal.ZERO;
                for (int c = 0; c < group - 1; c++) {
                    int kind = random.nextInt(10);
                    String cell = kind == 0 ? "∅" : kind == 1 ? "1.5" : kind == 2 ? "٣" : kind == 3 ? "-2"
                            : String.valueOf(random.nextInt(kind < 7 ? 3 : 120));
                    cells.add(cell);
                    sum = cell.equals("∅") ? sum : sum.add(new BigDecimal(cell));
                }
                int total = random.nextInt(12);
                cells.add(total == 0 ? String.valueOf(random.nextInt(50)) : total == 1 ? "∅" : sum.toPlainString());
            }
            StringBuilder text = new StringBuilder(cells.get(0));
            for (int c = 1; c < cells.size(); c++) {
                text.append(random.nextInt(3) == 0 ? " " : "").append(cells.get(c));
            }
            RowFit f = fit(text.toString(), group * groups, group);
            splits += f.status() == RowFit.Status.SPLIT || f.status() == RowFit.Status.AMBIGUOUS ? 1 : 0;
        }
        org.junit.jupiter.api.Assertions.assertTrue(splits > 100, "rows split: " + splits);
    }
}
