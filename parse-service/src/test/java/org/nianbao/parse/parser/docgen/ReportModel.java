package org.nianbao.parse.parser.docgen;

import java.util.ArrayList;
import java.util.List;

/**
 * A report as a writer lays it out: paragraphs and grid tables in reading order; it exists so one known report
 * (a fixture with hand-read cells) can be written as PDF, DOCX and DOC without each writer re-reading the fixture.
 *
 * @param title the document title (PDF info / Word core property)
 * @param blocks paragraphs and tables in reading order
 */
public record ReportModel(String title, List<Block> blocks) {

    /** A paragraph or a table. */
    public sealed interface Block permits Paragraph, GridTable {
    }

    /** How a paragraph is set. */
    public enum Style { TITLE, CENTERED, HEADING, BODY, SIGNATURE }

    /** One paragraph; the writer wraps it to the page width. */
    public record Paragraph(String text, Style style) implements Block {
    }

    /**
     * A table as Word holds it: rows of cells with column and row spans.
     *
     * @param rows the cells of each row, merged cells only where they start (HTML rowspan/colspan semantics)
     * @param headerRows leading rows repeated at the top of each page the table continues on
     * @param columnWeights relative column widths, or null to size columns from their text
     */
    public record GridTable(List<List<GridCell>> rows, int headerRows, double[] columnWeights) implements Block {
    }

    /** One cell; {@code text} may hold '\n' for a printed line break. */
    public record GridCell(String text, int colSpan, int rowSpan) {

        public static GridCell of(String text) {
            return new GridCell(text, 1, 1);
        }

        /** One plain cell per text, e.g. a header row. */
        public static List<GridCell> row(String... texts) {
            List<GridCell> row = new ArrayList<>();
            for (String t : texts) {
                row.add(of(t));
            }
            return row;
        }

        /**
         * The three header rows of table 四 as the national template prints them (same in 2019 and 2021):
         * 行政复议 (5 columns) and 行政诉讼 (2 × 5 columns), the result words spanning two rows under 行政复议.
         */
        public static List<List<GridCell>> table4Header() {
            List<GridCell> second = new ArrayList<>();
            for (String h : List.of("结果维持", "结果纠正", "其他结果", "尚未审结", "总计")) {
                second.add(new GridCell(h, 1, 2));
            }
            second.add(new GridCell("未经复议直接起诉", 5, 1));
            second.add(new GridCell("复议后起诉", 5, 1));
            List<GridCell> third = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                third.addAll(row("结果维持", "结果纠正", "其他结果", "尚未审结", "总计"));
            }
            return new ArrayList<>(List.of(List.of(new GridCell("行政复议", 5, 1), new GridCell("行政诉讼", 10, 1)),
                    second, third));
        }
    }
}
