package org.nianbao.search.catalogue;

import java.util.List;

/**
 * One official table (or sub-table of section 二) with its Chinese column and row labels, so cells stored
 * under canonical keys can be laid out again the way the report printed them.
 *
 * @param section the section numeral the table belongs to: 二, 三 or 四
 */
public record CellTable(String section, String title, List<String> columns, List<CellRow> rows) {

    public CellTable {
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** Every key of the table, row by row. */
    public List<String> keys() {
        return rows.stream().flatMap(row -> row.keys().stream()).toList();
    }
}
