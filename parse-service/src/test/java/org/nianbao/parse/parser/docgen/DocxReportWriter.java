package org.nianbao.parse.parser.docgen;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import org.apache.poi.wp.usermodel.HeaderFooterType;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFFooter;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.nianbao.parse.parser.docgen.GridLayout.Placed;
import org.nianbao.parse.parser.docgen.ReportModel.Block;
import org.nianbao.parse.parser.docgen.ReportModel.GridTable;
import org.nianbao.parse.parser.docgen.ReportModel.Paragraph;
import org.nianbao.parse.parser.docgen.ReportModel.Style;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTblGrid;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTTcPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STMerge;

/**
 * Writes a {@link ReportModel} as a Word 2007+ document the way Word stores a report: tables on a column grid
 * with merged cells as {@code gridSpan} (across) and {@code vMerge} restart/continue cells (down), header rows
 * marked to repeat, cell text in paragraphs, a "- PAGE -" footer; it exists to test the DOCX path on real OOXML.
 */
public final class DocxReportWriter {

    private static final String FONT = "仿宋_GB2312";
    private static final int TABLE_TWIPS = 8800;

    public byte[] write(ReportModel model) {
        try (XWPFDocument doc = new XWPFDocument()) {
            doc.getProperties().getCoreProperties().setTitle(model.title());
            doc.getProperties().getCoreProperties().setCreator("Administrator");
            doc.getProperties().getCoreProperties().setCreated(Optional.of(new Date(StableBytes.FIXED_TIME)));
            for (Block block : model.blocks()) {
                if (block instanceof Paragraph p) {
                    paragraph(doc.createParagraph(), p);
                } else if (block instanceof GridTable t) {
                    table(doc, t);
                }
            }
            XWPFFooter footer = doc.createFooter(HeaderFooterType.DEFAULT);
            XWPFParagraph number = footer.createParagraph();
            number.setAlignment(ParagraphAlignment.CENTER);
            number.createRun().setText("- ");
            number.getCTP().addNewFldSimple().setInstr("PAGE");
            number.createRun().setText(" -");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            doc.write(out);
            return StableBytes.fixZipTimes(out.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void paragraph(XWPFParagraph para, Paragraph p) {
        switch (p.style()) {
            case TITLE, CENTERED -> para.setAlignment(ParagraphAlignment.CENTER);
            case SIGNATURE -> para.setAlignment(ParagraphAlignment.RIGHT);
            default -> para.setFirstLineIndent(640);
        }
        XWPFRun run = para.createRun();
        run.setFontFamily(p.style() == Style.TITLE ? "方正小标宋简体" : p.style() == Style.HEADING ? "黑体" : FONT);
        run.setFontSize(p.style() == Style.TITLE ? 22 : 16);
        run.setText(p.text());
    }

    private static void table(XWPFDocument doc, GridTable table) {
        GridLayout grid = new GridLayout(table);
        XWPFTable t = doc.createTable();
        t.setWidth(TABLE_TWIPS);
        CTTblGrid tblGrid = t.getCTTbl().getTblGrid() != null ? t.getCTTbl().getTblGrid()
                : t.getCTTbl().addNewTblGrid();
        while (tblGrid.sizeOfGridColArray() > 0) {
            tblGrid.removeGridCol(0);
        }
        int[] widths = widths(table, grid);
        for (int w : widths) {
            tblGrid.addNewGridCol().setW(BigInteger.valueOf(w));
        }
        for (int r = 0; r < grid.rows(); r++) {
            XWPFTableRow row = t.insertNewTableRow(r + 1);
            if (r < table.headerRows()) {
                row.setRepeatHeader(true);
            }
            int c = 0;
            while (c < grid.cols()) {
                Placed p = grid.at(r, c);
                if (p == null) {
                    break;
                }
                XWPFTableCell cell = row.addNewTableCell();
                CTTcPr pr = cell.getCTTc().isSetTcPr() ? cell.getCTTc().getTcPr() : cell.getCTTc().addNewTcPr();
                int span = p.cell().colSpan();
                int w = 0;
                for (int k = p.col(); k <= p.lastCol(); k++) {
                    w += widths[k];
                }
                pr.addNewTcW().setW(BigInteger.valueOf(w));
                if (span > 1) {
                    pr.addNewGridSpan().setVal(BigInteger.valueOf(span));
                }
                if (p.cell().rowSpan() > 1) {
                    pr.addNewVMerge().setVal(p.row() == r ? STMerge.RESTART : STMerge.CONTINUE);
                }
                cell.setVerticalAlignment(XWPFTableCell.XWPFVertAlign.CENTER);
                XWPFParagraph para = cell.getParagraphs().get(0);
                if (p.row() == r) {
                    String[] lines = p.cell().text().split("\n");
                    for (int i = 0; i < lines.length; i++) {
                        XWPFParagraph target = i == 0 ? para : cell.addParagraph();
                        target.setAlignment(ParagraphAlignment.CENTER);
                        XWPFRun run = target.createRun();
                        run.setFontFamily(FONT);
                        run.setFontSize(10.5);
                        run.setText(lines[i]);
                    }
                }
                c = p.lastCol() + 1;
            }
        }
        t.removeRow(0);
        doc.createParagraph();
    }

    private static int[] widths(GridTable table, GridLayout grid) {
        double[] weights = table.columnWeights();
        if (weights == null) {
            weights = new double[grid.cols()];
            Arrays.fill(weights, 1);
            for (Placed p : grid.cells()) {
                if (p.cell().colSpan() == 1 && p.cell().rowSpan() <= 3) {
                    weights[p.col()] = Math.max(weights[p.col()], Math.min(p.cell().text().length(), 14) / 2.0);
                }
            }
        }
        double sum = 0;
        for (double w : weights) {
            sum += w;
        }
        int[] twips = new int[weights.length];
        for (int i = 0; i < weights.length; i++) {
            twips[i] = (int) Math.round(weights[i] / sum * TABLE_TWIPS);
        }
        return twips;
    }
}
