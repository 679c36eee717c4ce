package org.nianbao.parse.parser.docgen;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.parse.parser.docgen.ReportModel.GridCell;
import org.nianbao.parse.parser.docgen.ReportModel.GridTable;

/**
 * Places the cells of a {@link GridTable} on its column grid (the HTML table algorithm: a cell takes the first
 * column not covered by a span from above); it exists because PDF, DOCX and DOC writers all need grid positions.
 */
public final class GridLayout {

    /** A cell at its grid position. */
    public record Placed(GridCell cell, int row, int col) {

        public int lastRow() {
            return row + cell.rowSpan() - 1;
        }

        public int lastCol() {
            return col + cell.colSpan() - 1;
        }
    }

    private final List<Placed> cells = new ArrayList<>();
    private final int rows;
    private final int cols;

    public GridLayout(GridTable table) {
        List<boolean[]> taken = new ArrayList<>();
        int width = 0;
        for (int r = 0; r < table.rows().size(); r++) {
            int c = 0;
            for (GridCell cell : table.rows().get(r)) {
                while (isTaken(taken, r, c)) {
                    c++;
                }
                cells.add(new Placed(cell, r, c));
                for (int rr = r; rr < r + cell.rowSpan(); rr++) {
                    for (int cc = c; cc < c + cell.colSpan(); cc++) {
                        take(taken, rr, cc);
                    }
                }
                c += cell.colSpan();
                width = Math.max(width, c);
            }
        }
        this.rows = table.rows().size();
        this.cols = width;
    }

    private static boolean isTaken(List<boolean[]> taken, int r, int c) {
        return r < taken.size() && c < taken.get(r).length && taken.get(r)[c];
    }

    private static void take(List<boolean[]> taken, int r, int c) {
        while (taken.size() <= r) {
            taken.add(new boolean[64]);
        }
        taken.get(r)[c] = true;
    }

    public List<Placed> cells() {
        return cells;
    }

    public int rows() {
        return rows;
    }

    public int cols() {
        return cols;
    }

    /** The cell covering grid position (r, c), or null where the row is shorter than the grid. */
    public Placed at(int r, int c) {
        for (Placed p : cells) {
            if (r >= p.row() && r <= p.lastRow() && c >= p.col() && c <= p.lastCol()) {
                return p;
            }
        }
        return null;
    }
}
