package org.nianbao.parse.parser.tables;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Table 三 as a rows × columns grid of trial values (null = blank or missing) for counting the column identities
 * that hold: 一 + 二 = （七）+ 四 and the outcome rows adding up to （七）总计. It exists because that count runs
 * for every combination of ambiguous splits; with small integers only it runs on longs.
 */
final class Table3Grid {

    private static final Set<String> NOT_OUTCOMES = Set.of(
            "new", "carried_in", "processed_total", "carried_out");
    private static final long SMALL = 1_000_000_000_000_000L;

    private final BigDecimal[][] values;
    private final long[][] longs;
    private final boolean[] outcome;
    private final int newRow;
    private final int carriedIn;
    private final int processedTotal;
    private final int carriedOut;

    Table3Grid(List<RowSpec> rows, Map<String, BigDecimal> cells) {
        int columns = CellKeys.S3_COLUMNS.size();
        values = new BigDecimal[rows.size()][columns];
        longs = new long[rows.size()][columns];
        outcome = new boolean[rows.size()];
        int[] special = {-1, -1, -1, -1};
        List<String> specialRows = List.of("new", "carried_in", "processed_total", "carried_out");
        for (int r = 0; r < rows.size(); r++) {
            String key = rows.get(r).keys().get(0);
            String row = key.substring("s3.".length(), key.length() - CellKeys.S3_COLUMNS.get(0).length() - 1);
            outcome[r] = !NOT_OUTCOMES.contains(row);
            if (specialRows.contains(row)) {
                special[specialRows.indexOf(row)] = r;
            }
            for (int c = 0; c < columns; c++) {
                values[r][c] = cells.get(rows.get(r).keys().get(c));
            }
        }
        newRow = special[0];
        carriedIn = special[1];
        processedTotal = special[2];
        carriedOut = special[3];
    }

    /** True when every value now in the grid and in every alternative is an integer well inside a long. */
    boolean allSmallIntegers(List<List<List<BigDecimal>>> alternatives) {
        for (int r = 0; r < values.length; r++) {
            for (int c = 0; c < values[r].length; c++) {
                if (!small(values[r][c])) {
                    return false;
                }
                longs[r][c] = values[r][c] == null ? 0 : values[r][c].longValueExact();
            }
        }
        for (List<List<BigDecimal>> rowAlternatives : alternatives) {
            for (List<BigDecimal> alternative : rowAlternatives) {
                for (BigDecimal v : alternative) {
                    if (!small(v)) {
                        return false;
                    }
                }
            }
        }
        return true;
    }

    private static boolean small(BigDecimal v) {
        if (v == null) {
            return true;
        }
        try {
            long l = v.longValueExact();
            return l > -SMALL && l < SMALL;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    void set(int row, List<BigDecimal> rowValues, boolean onLongs) {
        for (int c = 0; c < rowValues.size(); c++) {
            BigDecimal v = rowValues.get(c);
            values[row][c] = v;
            if (onLongs) {
                longs[row][c] = v == null ? 0 : v.longValueExact();
            }
        }
    }

    int identitiesHolding() {
        int holding = 0;
        for (int c = 0; c < CellKeys.S3_COLUMNS.size(); c++) {
            BigDecimal in = sum(at(newRow, c), at(carriedIn, c));
            BigDecimal out = sum(at(processedTotal, c), at(carriedOut, c));
            if (in.compareTo(out) == 0) {
                holding++;
            }
            BigDecimal outcomes = BigDecimal.ZERO;
            for (int r = 0; r < values.length; r++) {
                if (outcome[r] && values[r][c] != null) {
                    outcomes = outcomes.add(values[r][c]);
                }
            }
            if (outcomes.compareTo(sum(at(processedTotal, c), null)) == 0) {
                holding++;
            }
        }
        return holding;
    }

    /** {@link #identitiesHolding()} on longs (blanks as 0), for grids of small integers. */
    int identitiesHoldingOnLongs() {
        int holding = 0;
        for (int c = 0; c < CellKeys.S3_COLUMNS.size(); c++) {
            long total = longAt(processedTotal, c);
            if (longAt(newRow, c) + longAt(carriedIn, c) == total + longAt(carriedOut, c)) {
                holding++;
            }
            long outcomes = 0;
            for (int r = 0; r < longs.length; r++) {
                if (outcome[r]) {
                    outcomes += longs[r][c];
                }
            }
            if (outcomes == total) {
                holding++;
            }
        }
        return holding;
    }

    private BigDecimal at(int row, int column) {
        return row < 0 ? null : values[row][column];
    }

    private long longAt(int row, int column) {
        return row < 0 ? 0 : longs[row][column];
    }

    private static BigDecimal sum(BigDecimal a, BigDecimal b) {
        BigDecimal s = BigDecimal.ZERO;
        if (a != null) {
            s = s.add(a);
        }
        if (b != null) {
            s = s.add(b);
        }
        return s;
    }
}
