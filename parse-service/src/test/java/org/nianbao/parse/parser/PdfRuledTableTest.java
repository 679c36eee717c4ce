package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.junit.jupiter.api.Test;

/** Ruled tables in a PDF page: what is a table, how cells become a row line, what is left as running text. */
class PdfRuledTableTest {

    private static final PDType1Font FONT = new PDType1Font(Standard14Fonts.FontName.HELVETICA);

    @Test
    void ruledGridIsReadRowByRowWithBlankCellsMarkedAndWrappedCellsJoined() throws IOException {
        String body = extract(cs -> {
            text(cs, "Before the table", 72, 760);
            float[] xs = {72, 200, 300, 400};
            float[] ys = {740, 710, 670};
            grid(cs, xs, ys);
            text(cs, "Label", 76, 722);
            text(cs, "12", 205, 722);
            text(cs, "34", 305, 722);
            text(cs, "wrapped", 76, 695);
            text(cs, "label", 76, 680);
            text(cs, "7", 305, 688);
            text(cs, "After the table", 72, 640);
        });
        assertEquals("Before the table\nLabel\t12\t34\nwrapped label\t\u2205\t7\nAfter the table\n", body);
    }

    @Test
    void frameWithRuleAcrossItIsNotATable() throws IOException {
        String body = extract(cs -> {
            cs.addRect(40, 40, 515, 760);
            cs.moveTo(40, 700);
            cs.lineTo(555, 700);
            cs.stroke();
            text(cs, "Header line", 72, 720);
            text(cs, "First body line", 72, 660);
            text(cs, "Second body line", 72, 640);
        });
        assertEquals("Header line\nFirst body line\nSecond body line\n", body);
    }

    @Test
    void bordersDrawnAsThinFilledRectanglesMakeATable() throws IOException {
        String body = extract(cs -> {
            for (float y : new float[] {700, 680}) {
                cs.addRect(72, y - 0.25f, 228, 0.5f);
            }
            for (float x : new float[] {72, 150, 300}) {
                cs.addRect(x - 0.25f, 680, 0.5f, 20);
            }
            cs.fill();
            text(cs, "a", 80, 686);
            text(cs, "b", 160, 686);
        });
        assertEquals("a\tb\n", body);
    }

    @Test
    void cellBoxesDrawnWithAGapOrDoubleLinesMakeNoSliverCells() throws IOException {
        String body = extract(cs -> {
            float[][] boxes = {{72, 700, 100, 20}, {175, 700, 60, 20}, {238, 700, 60, 20},
                {72, 677, 100, 20}, {175, 677, 60, 20}, {238, 677, 60, 20}};
            for (float[] b : boxes) {
                cs.addRect(b[0], b[1], b[2], b[3]);
            }
            cs.stroke();
            text(cs, "row one", 76, 706);
            text(cs, "1", 180, 706);
            text(cs, "2", 243, 706);
            text(cs, "row two", 76, 683);
            text(cs, "4", 243, 683);
        });
        assertEquals("row one\t1\t2\nrow two\t\u2205\t4\n", body);
    }

    @Test
    void tableWithoutOuterBordersOrTopLineKeepsItsOuterCells() throws IOException {
        String body = extract(cs -> {
            for (float y : new float[] {700, 680}) {
                cs.moveTo(72, y);
                cs.lineTo(300, y);
            }
            for (float x : new float[] {150, 220}) {
                cs.moveTo(x, 720);
                cs.lineTo(x, 660);
            }
            cs.stroke();
            text(cs, "first", 80, 706);
            text(cs, "8", 160, 706);
            text(cs, "second", 80, 686);
            text(cs, "9", 230, 686);
            text(cs, "third", 80, 666);
        });
        assertEquals("first\t8\t\u2205\nsecond\t\u2205\t9\nthird\t\u2205\t\u2205\n", body);
    }

    private interface Drawing {
        void draw(PDPageContentStream cs) throws IOException;
    }

    private static String extract(Drawing drawing) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            pdf.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                drawing.draw(cs);
            }
            pdf.save(out);
        }
        DocumentText doc = PdfTextExtractor.extract(out.toByteArray());
        assertTrue(doc.warnings().isEmpty(), doc.warnings().toString());
        return doc.body();
    }

    private static void grid(PDPageContentStream cs, float[] xs, float[] ys) throws IOException {
        for (float y : ys) {
            cs.moveTo(xs[0], y);
            cs.lineTo(xs[xs.length - 1], y);
        }
        for (float x : xs) {
            cs.moveTo(x, ys[0]);
            cs.lineTo(x, ys[ys.length - 1]);
        }
        cs.stroke();
    }

    private static void text(PDPageContentStream cs, String s, float x, float y) throws IOException {
        cs.beginText();
        cs.setFont(FONT, 10);
        cs.newLineAtOffset(x, y);
        cs.showText(s);
        cs.endText();
    }
}
