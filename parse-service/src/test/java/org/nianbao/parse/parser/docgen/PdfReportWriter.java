package org.nianbao.parse.parser.docgen;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.util.Matrix;
import org.nianbao.parse.parser.docgen.GridLayout.Placed;
import org.nianbao.parse.parser.docgen.ReportModel.Block;
import org.nianbao.parse.parser.docgen.ReportModel.GridTable;
import org.nianbao.parse.parser.docgen.ReportModel.Paragraph;
import org.nianbao.parse.parser.docgen.ReportModel.Style;

/**
 * Writes a {@link ReportModel} as a PDF laid out the way Word/WPS export one: a Chinese text layer (subset of an
 * embedded TrueType font), wrapped paragraphs, tables drawn as ruled grids with text placed in the cells, tables
 * continued over page breaks with their header rows repeated, and "- n -" page numbers; it exists to test the
 * parser on real PDF bytes rather than on text that merely looks like extracted PDF text.
 */
public final class PdfReportWriter {

    /** A CJK TrueType font every Debian/Ubuntu machine with fonts-wqy-microhei has. */
    public static final String FONT_FILE = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc";

    /**
     * Layout choices a real exporter varies.
     *
     * @param landscapeTables each table on its own A4 landscape pages (a Word section break around it)
     * @param borders how cell borders are drawn
     * @param topAligned cell text at the top of the cell instead of centred vertically
     * @param bodySize font size of paragraphs
     * @param tableSize font size in tables
     * @param runningHeader text printed above a rule at the top of every page, or null
     * @param pageOfPages page numbers as "第 n 页 共 N 页" instead of "- n -"
     * @param rotatedLandscape landscape pages as portrait pages with /Rotate 90 and the content turned (as print
     *     drivers write them) instead of a landscape media box
     */
    public record Options(boolean landscapeTables, Borders borders, boolean topAligned, float bodySize,
                          float tableSize, String runningHeader, boolean pageOfPages, boolean rotatedLandscape) {

        public static Options plain(boolean landscapeTables, Borders borders, boolean topAligned, float bodySize,
                                    float tableSize) {
            return new Options(landscapeTables, borders, topAligned, bodySize, tableSize, null, false, false);
        }
    }

    /** Stroked lines (WPS), thin filled rectangles (Word), or none (a table whose borders were switched off). */
    public enum Borders { STROKED, FILLED, NONE }

    private static final float MARGIN_TOP = 72;
    private static final float MARGIN_BOTTOM = 72;
    private static final float MARGIN_SIDE = 72;
    private static final float PAD_X = 2.5f;
    private static final float PAD_Y = 3f;
    private static final String NO_LINE_START = "，。、；：？！）》”’」%";

    private final Options options;
    private PDDocument pdf;
    private PDType0Font font;
    private final List<PDPageContentStream> streams = new ArrayList<>();
    private final List<PDRectangle> layouts = new ArrayList<>();
    private PDRectangle layout;
    private PDPageContentStream cs;
    private float y;

    public PdfReportWriter(Options options) {
        this.options = options;
    }

    public byte[] write(ReportModel model) {
        try (PDDocument doc = new PDDocument(); TrueTypeCollection ttc = new TrueTypeCollection(new File(FONT_FILE))) {
            pdf = doc;
            TrueTypeFont ttf = ttc.getFontByName("WenQuanYiMicroHei");
            font = PDType0Font.load(doc, ttf, true);
            newPage(PDRectangle.A4);
            for (Block block : model.blocks()) {
                if (block instanceof Paragraph p) {
                    paragraph(p);
                } else if (block instanceof GridTable t) {
                    if (options.landscapeTables()) {
                        newPage(new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth()));
                    }
                    table(t);
                    if (options.landscapeTables()) {
                        newPage(PDRectangle.A4);
                    } else {
                        y -= options.bodySize();
                    }
                }
            }
            for (int i = 0; i < streams.size(); i++) {
                pageChrome(layouts.get(i), streams.get(i), i + 1, streams.size());
                streams.get(i).close();
            }
            doc.getDocumentInformation().setTitle(model.title());
            doc.getDocumentInformation().setCreator("Microsoft Word");
            StableBytes.fixPdfId(doc, model.title().hashCode() + "/" + options.toString().hashCode());
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- pages --------------------------------------------------------------------------------------------------

    private void newPage(PDRectangle size) throws IOException {
        boolean rotate = options.rotatedLandscape() && size.getWidth() > size.getHeight();
        PDPage page = new PDPage(rotate ? new PDRectangle(size.getHeight(), size.getWidth()) : size);
        pdf.addPage(page);
        cs = new PDPageContentStream(pdf, page);
        if (rotate) {
            page.setRotation(90);
            cs.transform(new Matrix(0, 1, -1, 0, size.getHeight(), 0));
        }
        streams.add(cs);
        layouts.add(size);
        layout = size;
        y = size.getHeight() - MARGIN_TOP;
    }

    /** The page number at the bottom and the running header (text over a full-width rule) at the top. */
    private void pageChrome(PDRectangle size, PDPageContentStream s, int number, int pages) throws IOException {
        String label = options.pageOfPages() ? "第 " + number + " 页 共 " + pages + " 页" : "- " + number + " -";
        text(s, label, (size.getWidth() - width(label, 10.5f)) / 2, MARGIN_BOTTOM / 2, 10.5f);
        if (options.runningHeader() != null) {
            float top = size.getHeight() - MARGIN_TOP / 2;
            text(s, options.runningHeader(), (size.getWidth() - width(options.runningHeader(), 9)) / 2, top, 9);
            s.setLineWidth(0.75f);
            s.moveTo(MARGIN_SIDE, top - 4);
            s.lineTo(size.getWidth() - MARGIN_SIDE, top - 4);
            s.stroke();
        }
    }

    private float contentWidth() {
        return layout.getWidth() - 2 * MARGIN_SIDE;
    }

    // ---- paragraphs ---------------------------------------------------------------------------------------------

    private void paragraph(Paragraph p) throws IOException {
        float size = switch (p.style()) {
            case TITLE -> options.bodySize() + 6;
            case HEADING -> options.bodySize() + 1;
            default -> options.bodySize();
        };
        float lineHeight = size * 1.6f;
        float indent = p.style() == Style.BODY || p.style() == Style.HEADING ? 2 * size : 0;
        List<String> lines = wrap(p.text(), contentWidth(), indent, size);
        if (p.style() == Style.TITLE) {
            y -= size;
        }
        for (int i = 0; i < lines.size(); i++) {
            if (y - lineHeight < MARGIN_BOTTOM) {
                newPage(layout);
            }
            String line = lines.get(i);
            float w = width(line, size);
            float x = switch (p.style()) {
                case TITLE, CENTERED -> MARGIN_SIDE + (contentWidth() - w) / 2;
                case SIGNATURE -> MARGIN_SIDE + contentWidth() - w - 2 * size;
                default -> MARGIN_SIDE + (i == 0 ? indent : 0);
            };
            y -= lineHeight;
            text(cs, line, x, y + (lineHeight - size) / 2, size);
        }
        if (p.style() == Style.TITLE) {
            y -= size;
        }
    }

    /** Greedy line breaking as Word does for Chinese: any character may end a line, but not before "，。）". */
    List<String> wrap(String text, float width, float firstIndent, float size) throws IOException {
        List<String> lines = new ArrayList<>();
        for (String para : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            float avail = lines.isEmpty() ? width - firstIndent : width;
            int i = 0;
            while (i < para.length()) {
                int end = i + 1;
                if (isWordChar(para.charAt(i))) {
                    while (end < para.length() && isWordChar(para.charAt(end))) {
                        end++;
                    }
                }
                String piece = para.substring(i, end);
                boolean fits = width(line + piece, size) <= avail;
                boolean hangs = piece.length() == 1 && NO_LINE_START.indexOf(piece.charAt(0)) >= 0;
                if (!fits && !hangs && line.length() > 0) {
                    if (piece.length() > 1 && width(piece, size) > width) {
                        end = i + 1;
                        piece = para.substring(i, end);
                    }
                    lines.add(line.toString());
                    line.setLength(0);
                    avail = width;
                }
                line.append(piece);
                i = end;
            }
            lines.add(line.toString());
        }
        return lines;
    }

    private static boolean isWordChar(char c) {
        return (c < 0x80 && Character.isLetterOrDigit(c)) || c == '.';
    }

    // ---- tables -------------------------------------------------------------------------------------------------

    /** Where a grid row went: its page, content stream and top edge. */
    private record RowPlace(PDPageContentStream cs, float top) {
    }

    private void table(GridTable table) throws IOException {
        GridLayout grid = new GridLayout(table);
        float size = options.tableSize();
        float lineHeight = size * 1.3f;
        float[] colX = columns(table, grid, size);
        List<List<String>> lines = new ArrayList<>();
        for (Placed p : grid.cells()) {
            lines.add(wrap(p.cell().text(), colX[p.lastCol() + 1] - colX[p.col()] - 2 * PAD_X, 0, size));
        }
        float[] heights = new float[grid.rows()];
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < grid.cells().size(); k++) {
                Placed p = grid.cells().get(k);
                boolean single = p.row() == p.lastRow();
                if (single != (pass == 0)) {
                    continue;
                }
                float need = lines.get(k).size() * lineHeight + 2 * PAD_Y;
                float have = 0;
                for (int r = p.row(); r <= p.lastRow(); r++) {
                    have += heights[r];
                }
                if (need > have) {
                    heights[p.lastRow()] += need - have;
                }
            }
        }
        RowPlace[] places = new RowPlace[grid.rows()];
        List<RowPlace[]> repeats = new ArrayList<>();
        for (int r = 0; r < grid.rows(); r++) {
            float need = heights[r];
            if (r < table.headerRows()) {
                for (int k = r + 1; k <= table.headerRows(); k++) {
                    need += heights[k];
                }
            }
            boolean atPageTop = y >= layout.getHeight() - MARGIN_TOP - 1;
            if (y - need < MARGIN_BOTTOM && !atPageTop) {
                newPage(layout);
                if (r >= table.headerRows() && table.headerRows() > 0) {
                    RowPlace[] copy = new RowPlace[table.headerRows()];
                    for (int h = 0; h < table.headerRows(); h++) {
                        copy[h] = new RowPlace(cs, y);
                        y -= heights[h];
                    }
                    repeats.add(copy);
                }
            }
            places[r] = new RowPlace(cs, y);
            y -= heights[r];
        }
        for (int k = 0; k < grid.cells().size(); k++) {
            Placed p = grid.cells().get(k);
            drawCell(p, lines.get(k), places, heights, colX, size, lineHeight, table.headerRows());
            if (p.lastRow() < table.headerRows()) {
                for (RowPlace[] copy : repeats) {
                    drawCell(p, lines.get(k), copy, heights, colX, size, lineHeight, table.headerRows());
                }
            }
        }
    }

    /** Column edges: the model's weights, or widths from the text (long labels wide, numbers narrow). */
    private float[] columns(GridTable table, GridLayout grid, float size) throws IOException {
        double[] weights = table.columnWeights();
        if (weights == null) {
            weights = new double[grid.cols()];
            for (int c = 0; c < grid.cols(); c++) {
                weights[c] = 2 * size;
            }
            for (Placed p : grid.cells()) {
                if (p.cell().colSpan() == 1 && p.cell().rowSpan() <= 3) {
                    double longest = 0;
                    for (String part : p.cell().text().split("\n")) {
                        longest = Math.max(longest, width(part, size));
                    }
                    weights[p.col()] = Math.max(weights[p.col()], Math.min(longest, 14 * size) + 2 * PAD_X);
                }
            }
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        float[] x = new float[weights.length + 1];
        x[0] = MARGIN_SIDE;
        for (int c = 0; c < weights.length; c++) {
            x[c + 1] = x[c] + (float) (weights[c] / sum * contentWidth());
        }
        return x;
    }

    private void drawCell(Placed p, List<String> lines, RowPlace[] places, float[] heights, float[] colX, float size,
                          float lineHeight, int headerRows) throws IOException {
        float x0 = colX[p.col()];
        float x1 = colX[p.lastCol() + 1];
        int first = p.row();
        float spanHeight = 0;
        for (int r = p.row(); r <= p.lastRow(); r++) {
            spanHeight += heights[r];
            boolean pageEnds = r == p.lastRow() || places[r + 1].cs() != places[r].cs();
            if (pageEnds) {
                float top = places[first].top();
                float bottom = places[r].top() - heights[r];
                border(places[first].cs(), x0, x1, top, bottom);
                first = r + 1;
            }
        }
        float textHeight = lines.size() * lineHeight;
        float offset = options.topAligned() ? PAD_Y : (spanHeight - textHeight) / 2;
        boolean centered = p.row() < headerRows || p.cell().text().matches("[\\d.,元/—-]*")
                || (lines.size() == 1 && p.cell().colSpan() == 1 && p.cell().rowSpan() > 1);
        for (int i = 0; i < lines.size(); i++) {
            float v = offset + i * lineHeight + lineHeight / 2;
            int r = p.row();
            float start = 0;
            while (r < p.lastRow() && v > start + heights[r]) {
                start += heights[r];
                r++;
            }
            float baseline = places[r].top() - (v - start) - size * 0.35f;
            String line = lines.get(i);
            float w = width(line, size);
            float x = centered ? (x0 + x1 - w) / 2 : x0 + PAD_X;
            text(places[r].cs(), line, x, baseline, size);
        }
    }

    private void border(PDPageContentStream s, float x0, float x1, float top, float bottom) throws IOException {
        if (options.borders() == Borders.NONE) {
            return;
        }
        if (options.borders() == Borders.FILLED) {
            float t = 0.5f;
            s.addRect(x0 - t / 2, top - t / 2, x1 - x0 + t, t);
            s.addRect(x0 - t / 2, bottom - t / 2, x1 - x0 + t, t);
            s.addRect(x0 - t / 2, bottom - t / 2, t, top - bottom + t);
            s.addRect(x1 - t / 2, bottom - t / 2, t, top - bottom + t);
            s.fill();
        } else {
            s.setLineWidth(0.5f);
            s.moveTo(x0, top);
            s.lineTo(x1, top);
            s.lineTo(x1, bottom);
            s.lineTo(x0, bottom);
            s.closePath();
            s.stroke();
        }
    }

    // ---- text ---------------------------------------------------------------------------------------------------

    private void text(PDPageContentStream s, String text, float x, float baseline, float size) throws IOException {
        if (text.isEmpty()) {
            return;
        }
        s.beginText();
        s.setFont(font, size);
        s.newLineAtOffset(x, baseline);
        s.showText(text);
        s.endText();
    }

    private float width(String s, float size) throws IOException {
        return font.getStringWidth(s) / 1000 * size;
    }
}
