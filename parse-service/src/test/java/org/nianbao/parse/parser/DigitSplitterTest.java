package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
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
