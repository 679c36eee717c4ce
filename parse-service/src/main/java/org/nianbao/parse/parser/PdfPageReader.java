package org.nianbao.parse.parser;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.apache.pdfbox.contentstream.operator.Operator;
import org.apache.pdfbox.cos.COSBase;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * Reads each PDF page as lines in reading order: text outside tables as PDFBox lays it out, and every ruled table
 * row as one line of tab-separated cells (blank cells marked), placed where the row is printed; it exists because
 * the plain text layer of a Word/WPS-exported PDF loses blank cells and scatters wrapped cells over other lines.
 */
final class PdfPageReader extends PDFTextStripper {

    /** A line of page text; {@code tableRow} lines come from ruled tables and are never page chrome. */
    record Line(float y, String text, boolean tableRow) {
    }

    private final PdfRulingCollector rulings = new PdfRulingCollector();
    private final List<List<Line>> pages = new ArrayList<>();
    private List<Line> lines;
    private StringBuilder current;
    private float currentY;

    private final ParseBudget budget;

    PdfPageReader(ParseBudget budget) {
        this.budget = budget;
        setSortByPosition(true);
        setAddMoreFormatting(false);
    }

    /** Every page's lines, top to bottom, up to the end page set and the first page begun past the deadline. */
    List<List<Line>> read(PDDocument pdf) throws IOException {
        pages.clear();
        try {
            writeText(pdf, Writer.nullWriter());
        } catch (OutOfTime stop) {
            // the pages read so far are kept; the caller says how many
        }
        return pages;
    }

    @Override
    protected void startPage(PDPage page) throws IOException {
        if (budget.pastDeadline()) {
            throw new OutOfTime();
        }
        super.startPage(page);
        rulings.startPage(page.getCropBox(), page.getRotation());
        lines = new ArrayList<>();
        current = null;
    }

    @Override
    protected void processOperator(Operator operator, List<COSBase> operands) throws IOException {
        if (!rulings.handle(operator.getName(), operands, getGraphicsState().getCurrentTransformationMatrix())) {
            super.processOperator(operator, operands);
        }
    }

    /** Takes the characters printed inside ruled tables out of the text flow, then writes the rest. */
    @Override
    protected void writePage() throws IOException {
        PDPage page = getCurrentPage();
        List<PdfRuledTable> tables = page.getRotation() % 90 == 0 ? PdfRuledTable.find(rulings.rulings()) : List.of();
        if (!tables.isEmpty()) {
            for (List<TextPosition> article : charactersByArticle) {
                Iterator<TextPosition> it = article.iterator();
                while (it.hasNext()) {
                    TextPosition t = it.next();
                    for (PdfRuledTable table : tables) {
                        if (table.contains(t)) {
                            table.add(t);
                            it.remove();
                            break;
                        }
                    }
                }
            }
        }
        super.writePage();
        endLine();
        for (PdfRuledTable table : tables) {
            for (PdfRuledTable.Row row : table.rows()) {
                lines.add(new Line(row.top(), row.text(), true));
            }
        }
        lines.sort(Comparator.comparingDouble(Line::y));
        pages.add(lines);
    }

    @Override
    protected void writeString(String text, List<TextPosition> positions) {
        if (current == null) {
            current = new StringBuilder();
            currentY = positions.isEmpty() ? 0 : positions.get(0).getYDirAdj();
        }
        current.append(text);
    }

    @Override
    protected void writeWordSeparator() {
        if (current != null) {
            current.append(' ');
        }
    }

    @Override
    protected void writeLineSeparator() {
        endLine();
    }

    private void endLine() {
        if (current != null) {
            lines.add(new Line(currentY, current.toString(), false));
            current = null;
        }
    }

    /** Thrown at the start of a page once the parse's deadline has passed, to stop PDFBox's page loop. */
    private static final class OutOfTime extends RuntimeException {
        OutOfTime() {
            super("parse deadline passed", null, false, false);
        }
    }
}
