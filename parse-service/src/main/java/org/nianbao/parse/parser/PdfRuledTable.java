package org.nianbao.parse.parser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.apache.pdfbox.text.TextPosition;

/**
 * A table found from the ruled lines of one PDF page: the lines' positions give a grid, a missing border between
 * two grid cells merges them (a row or column span), and each character goes to the cell it is printed in; it
 * exists because a PDF text layer alone loses blank cells and puts wrapped or vertically centred cells on other
 * lines than their row.
 */
final class PdfRuledTable {

    /** Line ends this close meet; characters this far outside the frame still belong to it. */
    private static final float TOL = 2f;
    /**
     * Parallel lines closer than this are one grid line: double borders, and cell boxes drawn with a small gap
     * between them (HTML cell spacing), make no sliver cells. No cell text fits in less.
     */
    private static final float SAME_LINE = 4f;
    /** More distinct lines than this on one page is a drawing, not a table. */
    private static final int MAX_LINES = 3000;

    /** One table row as text: its top edge and its cells (those starting in this row) separated by tabs. */
    record Row(float top, String text) {
    }

    private final float[] xs;
    private final float[] ys;
    private final int[] cellOf;
    private final List<List<TextPosition>> chars = new ArrayList<>();

    private PdfRuledTable(float[] xs, float[] ys, int[] cellOf, int cells) {
        this.xs = xs;
        this.ys = ys;
        this.cellOf = cellOf;
        for (int i = 0; i < cells; i++) {
            chars.add(new ArrayList<>());
        }
    }

    /**
     * The tables formed by the rulings: groups of crossing lines making at least two columns (a page frame with a
     * rule across it is not a table), smallest first so a character in a table inside a frame goes to the table.
     */
    static List<PdfRuledTable> find(List<PdfRuling> rulings) {
        List<PdfRuling> lines = merge(rulings);
        int n = lines.size();
        if (n > MAX_LINES) {
            return List.of();
        }
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                PdfRuling a = lines.get(i);
                PdfRuling b = lines.get(j);
                if (a.horizontal() != b.horizontal()
                        && PdfRuling.meet(a.horizontal() ? a : b, a.horizontal() ? b : a, SAME_LINE)) {
                    parent[root(parent, i)] = root(parent, j);
                }
            }
        }
        List<PdfRuledTable> tables = new ArrayList<>();
        boolean[] done = new boolean[n];
        for (int i = 0; i < n; i++) {
            int r = root(parent, i);
            if (done[r]) {
                continue;
            }
            done[r] = true;
            List<PdfRuling> group = new ArrayList<>();
            for (int j = 0; j < n; j++) {
                if (root(parent, j) == r) {
                    group.add(lines.get(j));
                }
            }
            PdfRuledTable t = of(group);
            if (t != null) {
                tables.add(t);
            }
        }
        tables.sort(Comparator.comparingDouble(PdfRuledTable::area));
        return tables;
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** Joins pieces of one line (Word draws each cell's border separately). */
    private static List<PdfRuling> merge(List<PdfRuling> rulings) {
        List<PdfRuling> sorted = new ArrayList<>(rulings);
        sorted.sort(Comparator.comparing(PdfRuling::horizontal).thenComparingDouble(PdfRuling::pos)
                .thenComparingDouble(PdfRuling::from));
        List<PdfRuling> out = new ArrayList<>();
        for (PdfRuling r : sorted) {
            boolean joined = false;
            for (int k = out.size() - 1; k >= 0 && k >= out.size() - 8; k--) {
                PdfRuling o = out.get(k);
                if (o.horizontal() == r.horizontal() && Math.abs(o.pos() - r.pos()) <= TOL / 2
                        && r.from() <= o.to() + TOL && o.from() <= r.to() + TOL) {
                    out.set(k, new PdfRuling(o.horizontal(), o.pos(), Math.min(o.from(), r.from()),
                            Math.max(o.to(), r.to())));
                    joined = true;
                    break;
                }
            }
            if (!joined) {
                out.add(r);
            }
        }
        return out;
    }

    private static PdfRuledTable of(List<PdfRuling> group) {
        List<PdfRuling> hs = new ArrayList<>();
        List<PdfRuling> vs = new ArrayList<>();
        for (PdfRuling r : group) {
            (r.horizontal() ? hs : vs).add(r);
        }
        float[] xs = withOuterEdges(positions(vs), hs);
        float[] ys = withOuterEdges(positions(hs), vs);
        if (xs.length < 3 || ys.length < 2) {
            return null;
        }
        int rows = ys.length - 1;
        int cols = xs.length - 1;
        int[] parent = new int[rows * cols];
        for (int i = 0; i < parent.length; i++) {
            parent[i] = i;
        }
        for (int r = 0; r < rows; r++) {
            float midY = (ys[r] + ys[r + 1]) / 2;
            for (int c = 0; c < cols; c++) {
                float midX = (xs[c] + xs[c + 1]) / 2;
                if (c + 1 < cols && !anyCovers(vs, midY, xs[c + 1])) {
                    parent[root(parent, r * cols + c)] = root(parent, r * cols + c + 1);
                }
                if (r + 1 < rows && !anyCovers(hs, midX, ys[r + 1])) {
                    parent[root(parent, r * cols + c)] = root(parent, (r + 1) * cols + c);
                }
            }
        }
        int[] cellOf = new int[rows * cols];
        int[] id = new int[rows * cols];
        Arrays.fill(id, -1);
        int cells = 0;
        for (int i = 0; i < cellOf.length; i++) {
            int root = root(parent, i);
            if (id[root] < 0) {
                id[root] = cells++;
            }
            cellOf[i] = id[root];
        }
        return new PdfRuledTable(xs, ys, cellOf, cells);
    }

    private static boolean anyCovers(List<PdfRuling> lines, float along, float across) {
        for (PdfRuling l : lines) {
            if (Math.abs(l.pos() - across) <= SAME_LINE && l.from() - TOL <= along && along <= l.to() + TOL) {
                return true;
            }
        }
        return false;
    }

    /**
     * Adds the ends of the crossing lines as outer edges where no line is drawn there: a table without left/right
     * borders, or a table continued on a new page without a top border, still has its outer cells.
     */
    private static float[] withOuterEdges(float[] positions, List<PdfRuling> crossing) {
        if (positions.length == 0 || crossing.isEmpty()) {
            return positions;
        }
        float min = Float.MAX_VALUE;
        float max = -Float.MAX_VALUE;
        for (PdfRuling r : crossing) {
            min = Math.min(min, r.from());
            max = Math.max(max, r.to());
        }
        float[] out = positions;
        if (min < out[0] - SAME_LINE) {
            out = concat(new float[] {min}, out);
        }
        if (max > out[out.length - 1] + SAME_LINE) {
            out = concat(out, new float[] {max});
        }
        return out;
    }

    private static float[] concat(float[] a, float[] b) {
        float[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    /** Distinct line positions, sorted; positions closer than {@link #SAME_LINE} are one. */
    private static float[] positions(List<PdfRuling> lines) {
        float[] p = new float[lines.size()];
        for (int i = 0; i < p.length; i++) {
            p[i] = lines.get(i).pos();
        }
        Arrays.sort(p);
        int n = 0;
        for (int i = 0; i < p.length; i++) {
            if (n == 0 || p[i] - p[n - 1] > SAME_LINE) {
                p[n++] = p[i];
            }
        }
        return Arrays.copyOf(p, n);
    }

    private double area() {
        return (double) (xs[xs.length - 1] - xs[0]) * (ys[ys.length - 1] - ys[0]);
    }

    /** Whether a character printed at (x, baseline) lies in this table's frame. */
    boolean contains(TextPosition t) {
        float x = centreX(t);
        float y = centreY(t);
        return x >= xs[0] - TOL && x <= xs[xs.length - 1] + TOL && y >= ys[0] - TOL && y <= ys[ys.length - 1] + TOL;
    }

    void add(TextPosition t) {
        int c = index(xs, centreX(t));
        int r = index(ys, centreY(t));
        chars.get(cellOf[r * (xs.length - 1) + c]).add(t);
    }

    private static float centreX(TextPosition t) {
        return t.getXDirAdj() + t.getWidthDirAdj() / 2;
    }

    private static float centreY(TextPosition t) {
        return t.getYDirAdj() - Math.max(t.getHeightDir(), 1f) / 2;
    }

    private static int index(float[] edges, float v) {
        int i = Arrays.binarySearch(edges, v);
        i = i >= 0 ? i : -i - 2;
        return Math.max(0, Math.min(edges.length - 2, i));
    }

    /**
     * The rows as text, a cell in the row where it starts (like HTML rowspan). Empty cells before a row's label
     * are left out: they are the rest of a merged cell cut by a page break, not values.
     */
    List<Row> rows() {
        int cols = xs.length - 1;
        boolean[] started = new boolean[chars.size()];
        List<Row> out = new ArrayList<>();
        for (int r = 0; r < ys.length - 1; r++) {
            List<String> cells = new ArrayList<>();
            for (int c = 0; c < cols; c++) {
                int cell = cellOf[r * cols + c];
                if (!started[cell]) {
                    started[cell] = true;
                    cells.add(PdfCellText.of(chars.get(cell)));
                }
            }
            int first = 0;
            while (first < cells.size() && cells.get(first).isEmpty()) {
                first++;
            }
            if (first < cells.size() && first > 0 && TextNormalizer.hasHan(cells.get(first))) {
                cells = cells.subList(first, cells.size());
            }
            if (cells.isEmpty()) {
                continue;
            }
            StringBuilder line = new StringBuilder();
            for (String cell : cells) {
                if (line.length() > 0) {
                    line.append('\t');
                }
                line.append(cell.isEmpty() ? String.valueOf(DocumentText.BLANK) : cell);
            }
            out.add(new Row(ys[r], line.toString()));
        }
        return out;
    }
}
