package org.nianbao.parse.parser.layout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.nianbao.parse.parser.docgen.ReportModel.GridCell;
import org.nianbao.parse.parser.docgen.ReportModel.GridTable;

/**
 * The ways real extraction tools print a report's tables — markdown pipes, tab rows, one cell per line, Word-style
 * HTML with merged headers — around the report's title and section headings; it exists so the parser is tested on
 * layouts of unseen reports, not only on the bytes of the reports we have.
 */
enum TableLayout {

    /** PDF-to-markdown tools: {@code | a | b |} rows, a {@code |---|} separator under the first row. */
    MARKDOWN(ValueStyle.PLAIN, false) {
        @Override
        String table(GridTable t) {
            List<String[]> m = matrix(t);
            StringBuilder b = new StringBuilder();
            for (int r = 0; r < m.size(); r++) {
                b.append("| ").append(String.join(" | ", m.get(r))).append(" |\n");
                if (r == 0) {
                    b.append("|").append("---|".repeat(m.get(0).length)).append('\n');
                }
            }
            return b.toString();
        }
    },
    /**
     * Table extractors that copy a merged cell's text into every position it spans, with messy numbers (thousands
     * separators, full-width digits, "/" and "—" blanks).
     */
    MARKDOWN_SPAN_COPIED(ValueStyle.MESSY, false) {
        @Override
        String table(GridTable t) {
            StringBuilder b = new StringBuilder();
            List<String[]> m = matrix(t, true);
            for (int r = 0; r < m.size(); r++) {
                b.append("| ").append(String.join(" | ", m.get(r))).append(" |\n");
                if (r == 0) {
                    b.append("|").append(":---:|".repeat(m.get(0).length)).append('\n');
                }
            }
            return b.toString();
        }
    },
    /** Excel / WPS copy: one line per row, cells separated by tabs, merged cells empty after their first. */
    TAB_SEPARATED(ValueStyle.PLAIN, false) {
        @Override
        String table(GridTable t) {
            return joined(t, "\t", s -> s);
        }
    },
    /**
     * A PDF text layer in reading order: each printed cell on its own line; a blank cell prints nothing, so the
     * layout is only tried on reports without blank cells (see {@link #loses}).
     */
    ONE_CELL_PER_LINE(ValueStyle.PLAIN, false) {
        @Override
        String table(GridTable t) {
            StringBuilder b = new StringBuilder();
            for (List<GridCell> row : t.rows()) {
                for (GridCell c : row) {
                    if (!c.text().isEmpty()) {
                        b.append(c.text()).append('\n');
                    }
                }
            }
            return b.toString();
        }
    },
    /** Portal HTML: the national template's rowspan/colspan headers, each cell's text inside {@code <p><span>}. */
    HTML_MERGED(ValueStyle.PLAIN, true) {
        @Override
        String table(GridTable t) {
            return html(t, c -> "<p><span>" + c.text() + "</span></p>");
        }
    },
    /**
     * Word-exported HTML at its messiest: label cells split over two spans and a line break, numbers with
     * thousands separators or full-width digits, blank cells as "", "/" or "—".
     */
    HTML_MESSY(ValueStyle.MESSY, true) {
        @Override
        String table(GridTable t) {
            return html(t, c -> {
                String s = c.text();
                if (s.length() < 4 || s.codePoints().noneMatch(
                        cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN)) {
                    return "<p><span>" + s + "</span></p>";
                }
                int half = s.length() / 2;
                return "<p><span>" + s.substring(0, half) + "</span><br/><span>" + s.substring(half) + "</span></p>";
            });
        }
    },
    /** Portal CSV export: comma-separated rows, a cell holding a comma quoted. */
    CSV(ValueStyle.PLAIN, false) {
        @Override
        String table(GridTable t) {
            return joined(t, ",", s -> s.contains(",") ? "\"" + s + "\"" : s);
        }
    };

    final ValueStyle values;
    final boolean html;

    TableLayout(ValueStyle values, boolean html) {
        this.values = values;
        this.html = html;
    }

    abstract String table(GridTable t);

    /**
     * True when this layout cannot carry a report's cells at all: a text layer drops blank cells without a trace,
     * so which column each remaining number belongs to is unknowable (README Limits).
     */
    boolean loses(boolean hasBlankCells) {
        return this == ONE_CELL_PER_LINE && hasBlankCells;
    }

    /** The whole report: title, the six section headings with a sentence or a table under each. */
    byte[] render(String title, List<String> headings, List<GridTable> tables) {
        StringBuilder b = new StringBuilder();
        String open = html ? "<p>" : "";
        String close = html ? "</p>\n" : "\n";
        b.append(html ? "<html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>\n" : "");
        b.append(html ? "<h1>" + title + "</h1>\n" : title + "\n\n");
        for (int i = 0; i < headings.size(); i++) {
            b.append(open).append(headings.get(i)).append(close);
            if (i >= 1 && i <= 3) {
                b.append(table(tables.get(i - 1))).append(html ? "" : "\n");
            } else {
                b.append(open).append("本机关按照有关规定做好本项工作，具体情况见下文所述。").append(close);
            }
        }
        b.append(html ? "</body></html>\n" : "");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The grid as a full matrix: a merged cell's text at its top-left position, empty where it spans. */
    static List<String[]> matrix(GridTable t) {
        return matrix(t, false);
    }

    /** The grid as a full matrix; {@code copied}: a merged cell's text in every position it spans. */
    static List<String[]> matrix(GridTable t, boolean copied) {
        List<String[]> m = new ArrayList<>();
        int width = 0;
        for (GridCell c : t.rows().get(0)) {
            width += c.colSpan();
        }
        for (int r = 0; r < t.rows().size(); r++) {
            while (m.size() <= r) {
                m.add(new String[width]);
            }
            String[] line = m.get(r);
            int col = 0;
            for (GridCell c : t.rows().get(r)) {
                while (line[col] != null) {
                    col++;
                }
                for (int dr = 0; dr < c.rowSpan(); dr++) {
                    while (m.size() <= r + dr) {
                        m.add(new String[width]);
                    }
                    for (int dc = 0; dc < c.colSpan(); dc++) {
                        m.get(r + dr)[col + dc] = copied || dr == 0 && dc == 0 ? c.text() : "";
                    }
                }
                col += c.colSpan();
            }
        }
        return m;
    }

    private static String joined(GridTable t, String separator, Function<String, String> quote) {
        StringBuilder b = new StringBuilder();
        for (String[] row : matrix(t)) {
            List<String> cells = new ArrayList<>();
            for (String s : row) {
                cells.add(quote.apply(s));
            }
            b.append(String.join(separator, cells)).append('\n');
        }
        return b.toString();
    }

    private static String html(GridTable t, Function<GridCell, String> content) {
        StringBuilder b = new StringBuilder("<table border=\"1\" cellspacing=\"0\">\n");
        for (List<GridCell> row : t.rows()) {
            b.append("<tr>");
            for (GridCell c : row) {
                b.append("<td");
                if (c.colSpan() > 1) {
                    b.append(" colspan=\"").append(c.colSpan()).append('"');
                }
                if (c.rowSpan() > 1) {
                    b.append(" rowspan=\"").append(c.rowSpan()).append('"');
                }
                b.append('>').append(content.apply(c)).append("</td>");
            }
            b.append("</tr>\n");
        }
        return b.append("</table>\n").toString();
    }
}
