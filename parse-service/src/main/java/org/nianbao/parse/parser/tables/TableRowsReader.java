package org.nianbao.parse.parser.tables;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.parse.parser.warnings.ParseWarnings;

/**
 * Reads the rows of one table in order: each row's values are what follows its label up to the next row found,
 * split to the row's columns by {@link DigitSplitter} and written to the shared {@link TableAccumulator}; it exists
 * because tables 二 and 三 are read the same way, row by row, and differ only in their rows.
 */
final class TableRowsReader {

    private final TableAccumulator acc;

    TableRowsReader(TableAccumulator acc) {
        this.acc = acc;
    }

    /**
     * Reads {@code rows} of table {@code table} inside {@code span}; {@code pages} (table 二 only, else null) lets
     * rows be found by their label variants and a page number between a label and its values be skipped.
     *
     * @return each row's fit, by the key of its first cell
     */
    Map<String, RowFit> read(TableSpan span, String table, List<RowSpec> rows, StrayPageNumber pages) {
        String norm = span.norm();
        RowLocator found = new RowLocator(span, rows);
        found.findReworded();
        if (pages != null) {
            found.findVariants(table, acc);
        }
        Map<String, RowFit> fits = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            RowSpec row = rows.get(i);
            if (!found.found(i)) {
                acc.putNulls(row);
                missing.addAll(row.keys());
                continue;
            }
            int labelEnd = found.labelEnd(i);
            int end = found.valuesEnd(i);
            acc.budget().charge(end - labelEnd);
            List<ValueAtom> atoms = ValueScanner.scan(norm, labelEnd, end);
            int valuesFrom = pages != null && atoms.size() > row.keys().size() ? pages.valuesAfter(labelEnd, end) : -1;
            List<ValueAtom> rest = valuesFrom < 0 ? List.of() : ValueScanner.scan(norm, valuesFrom, end);
            if (rest.size() == row.keys().size()) {
                atoms = rest;
                acc.warn(ParseWarnings.pageNumberSkipped(ParseWarnings.where(table, row.name()),
                        norm.substring(labelEnd, valuesFrom).strip(), row.keys()));
            }
            RowFit fit = fit(row, atoms);
            fits.put(row.keys().get(0), fit);
            acc.put(row, fit);
            RowFitWarnings.report(table, row, fit, atoms).ifPresent(acc::warn);
        }
        if (!missing.isEmpty()) {
            acc.warn(ParseWarnings.rowsNotFound(table, missing));
        }
        return fits;
    }

    private RowFit fit(RowSpec row, List<ValueAtom> printed) {
        int n = row.keys().size();
        List<ValueAtom> atoms = withoutSpareEmptyCells(printed, n);
        boolean s3 = row.keys().get(0).startsWith("s3.");
        if (row.keys().get(0).equals("s2.procurement.items") && !atoms.isEmpty()) {
            String unit = atoms.get(atoms.size() - 1).unit();
            boolean yuan = "元".equals(unit);
            return DigitSplitter.fit(atoms, n, 0, g -> true, v -> Plausibility.procurement(
                    v.size() == 2 && v.get(1) != null && yuan
                            ? List.of(v.get(0) == null ? BigDecimal.ZERO : v.get(0), TableAccumulator.toWan(v.get(1)))
                            : v), acc.budget());
        }
        return DigitSplitter.fit(atoms, n, s3 ? n : 0, DigitSplitter.LAST_IS_SUM, row.cost(), acc.budget());
    }

    /**
     * More atoms than columns, the spare ones empty cells at either end: the empty cells a merged label or value cell
     * leaves in a flat row (markdown, tab or CSV export), dropped from the start first (they follow a label spanning
     * two columns), then from the end (they follow a value spanning several columns).
     */
    static List<ValueAtom> withoutSpareEmptyCells(List<ValueAtom> atoms, int columns) {
        int from = 0;
        int to = atoms.size();
        while (to - from > columns && isEmptyCell(atoms.get(from))) {
            from++;
        }
        while (to - from > columns && isEmptyCell(atoms.get(to - 1))) {
            to--;
        }
        return from == 0 && to == atoms.size() ? atoms : atoms.subList(from, to);
    }

    private static boolean isEmptyCell(ValueAtom a) {
        return a.blank() && a.raw().isEmpty();
    }
}
