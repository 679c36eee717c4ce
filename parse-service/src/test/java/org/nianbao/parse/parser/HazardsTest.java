package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** Inputs real crawls produce: other encodings, site chrome, broken markup, binary junk, truncation, PDF, DOCX. */
class HazardsTest {

    private static final String SHANGHAI = "fixtures/shanghai-bgt-2019/page.html";
    private static final ParsedReport SHANGHAI_REPORT =
            TestResources.PARSER.parse(TestResources.bytes(SHANGHAI), "page.html");

    @Test
    void gbkPageWithoutCharsetIsDecodedLikeTheUtf8One() {
        byte[] gbk = TestResources.text(SHANGHAI).getBytes(Charset.forName("GB18030"));
        ParsedReport report = TestResources.PARSER.parse(gbk, "page.html");
        assertEquals(SHANGHAI_REPORT.cells(), report.cells());
        assertEquals(SHANGHAI_REPORT.agency(), report.agency());
        assertEquals(List.of("PARSE.ENCODING"), report.warnings().stream().map(ParseWarning::code).toList());
    }

    @Test
    void gbkPageWithDeclaredCharsetHasNoEncodingWarning() {
        String html = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head><body>"
                + TestResources.text(SHANGHAI) + "</body></html>";
        ParsedReport report = TestResources.PARSER.parse(html.getBytes(Charset.forName("GBK")), "x.htm");
        assertEquals(SHANGHAI_REPORT.cells(), report.cells());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void utf8PageKeepingAStaleGbkCharsetIsReadAsUtf8() {
        String real = TestResources.text("real/pingtan-syq-2024-html/page.html");
        ParsedReport asPublished = TestResources.PARSER.parse(real.getBytes(StandardCharsets.UTF_8), "page.html");
        String relabelled = real.replace("<meta charset=\"utf-8\"", "<meta charset=\"gb2312\"");
        assertFalse(relabelled.equals(real), "the page declares its charset in a meta");
        ParsedReport report = TestResources.PARSER.parse(relabelled.getBytes(StandardCharsets.UTF_8), "page.html");
        assertEquals(asPublished.cells(), report.cells());
        assertEquals("平潭综合实验区2024年度政府信息公开工作年度报告", report.title());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void shortGbkTextUnderAGbkCharsetStaysGbk() {
        String html = "<html><head><meta charset=\"gbk\"></head><body>年报</body></html>";
        DecodedText decoded = CharsetSniffer.decode(html.getBytes(Charset.forName("GBK")), true);
        assertEquals("GB18030", decoded.charset());
        assertTrue(decoded.text().contains("年报"));
    }

    @Test
    void pageWrappedInSiteChromeFindsTheArticleAndPageMetadata() {
        String html = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>2019年上海市人民政府办公厅政府信息公开工作年度报告_上海市人民政府</title>"
                + "<meta name=\"PubDate\" content=\"2020-01-31 09:00\"></head><body>"
                + "<div class=\"nav\"><a href=\"/\">首页</a> <a href=\"/a\">政务公开</a> <a>政府信息公开年报</a></div>"
                + "<table width=\"100%\"><tr><td><ul>" + "<li><a href=\"#\">关于印发某某通知的通知</a></li>".repeat(30)
                + "</ul></td><td><div class=\"Article_content\"><div class=\"TRS_Editor\">" + TestResources.text(SHANGHAI)
                + "</div></div></td></tr></table><div class=\"footer\">主办：上海市人民政府办公厅 阅读次数：123 分享到：微信 微博</div>"
                + "<script>var x = '一、本年新收 999';</script></body></html>";
        ParsedReport report = TestResources.PARSER.parse(html.getBytes(StandardCharsets.UTF_8), "index.html");
        assertEquals(SHANGHAI_REPORT.cells(), report.cells());
        assertEquals("2020-01-31", report.publishedAt());
        assertEquals("上海市人民政府办公厅", report.agency());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void brokenUnclosedHtmlStillReadsEveryCell() {
        String broken = TestResources.text(SHANGHAI).replace("</td>", "").replace("</tr>", "").replace("</p>", "")
                .replace("</span>", "");
        ParsedReport report = TestResources.PARSER.parse(broken.getBytes(StandardCharsets.UTF_8), "page.html");
        assertEquals(SHANGHAI_REPORT.cells(), report.cells());
    }

    @Test
    void garbageBytesAreUnparseable() {
        byte[] junk = new byte[4096];
        new Random(42).nextBytes(junk);
        UnparseableDocumentException e = assertThrows(UnparseableDocumentException.class,
                () -> TestResources.PARSER.parse(junk, "junk.bin"));
        assertTrue(e.getMessage().contains("binary"), e.getMessage());
    }

    @Test
    void emptyAndBlankInputsAreUnparseable() {
        assertTrue(assertThrows(UnparseableDocumentException.class,
                () -> TestResources.PARSER.parse(new byte[0], "empty.txt")).getMessage().contains("empty"));
        assertThrows(UnparseableDocumentException.class,
                () -> TestResources.PARSER.parse(" \n\t \r\n".getBytes(StandardCharsets.UTF_8), "blank.txt"));
    }

    @Test
    void inputOverTheSizeLimitIsUnparseable() {
        ReportParser small = new ReportParser(1000);
        assertTrue(assertThrows(UnparseableDocumentException.class,
                () -> small.parse(new byte[2000], "big.pdf")).getMessage().contains("size limit"));
    }

    @Test
    void corruptPdfAndCorruptDocAreUnparseable() {
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage".getBytes(StandardCharsets.ISO_8859_1);
        assertTrue(assertThrows(UnparseableDocumentException.class,
                () -> TestResources.PARSER.parse(pdf, "a.pdf")).getMessage().contains("PDF"));
        byte[] ole = new byte[1024];
        int[] magic = {0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1};
        for (int i = 0; i < magic.length; i++) {
            ole[i] = (byte) magic[i];
        }
        assertTrue(assertThrows(UnparseableDocumentException.class,
                () -> TestResources.PARSER.parse(ole, "a.doc")).getMessage().contains("doc"));
    }

    @Test
    void truncatedTableKeepsWhatWasReadAndNamesTheMissingCells() {
        String page = TestResources.text("fixtures/pingtan-syq-2021/page.txt");
        String cut = page.substring(0, page.indexOf("（五）不予处理"));
        ParsedReport report = TestResources.PARSER.parse(cut.getBytes(StandardCharsets.UTF_8), "cut.txt");
        assertEquals(70, report.cells().get("s3.new.total").intValue());
        assertEquals(25, report.cells().get("s3.unavailable_1.total").intValue());
        assertTrue(report.cells().containsKey("s3.rejected_1.total"));
        assertNull(report.cells().get("s3.rejected_1.total"));
        assertNull(report.cells().get("s4.review.total"));
        ParseWarning truncated = report.warnings().stream().filter(w -> w.code().equals("PARSE.TABLE_TRUNCATED"))
                .findFirst().orElseThrow();
        assertTrue(truncated.cells().contains("s3.carried_out.total"), truncated.toString());
        assertFalse(truncated.cells().contains("s3.new.total"));
    }

    @Test
    void ambiguousDigitRunInTable3IsWarnedWithItsCells() {
        String page = TestResources.text("fixtures/pingtan-syq-2023/page.txt");
        String changed = page.replace("1.属于国家秘密0000000", "1.属于国家秘密100010011");
        ParsedReport report = TestResources.PARSER.parse(changed.getBytes(StandardCharsets.UTF_8), "x.txt");
        ParseWarning w = report.warnings().stream()
                .filter(x -> x.code().equals("PARSE.AMBIGUOUS_DIGITS") && x.cells().contains("s3.withheld_1.natural"))
                .findFirst().orElseThrow(() -> new AssertionError(report.warnings().toString()));
        assertEquals(7, w.cells().size());
        assertTrue(w.message().contains("国家秘密"), w.message());
        assertEquals(11, report.cells().get("s3.withheld_1.total").intValue());
    }

    @Test
    void imageOnlyPdfIsReportedAsScannedWithoutCells() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            for (int p = 0; p < 2; p++) {
                PDPage page = new PDPage();
                pdf.addPage(page);
                BufferedImage img = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
                PDImageXObject image = LosslessFactory.createFromImage(pdf, img);
                try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                    cs.drawImage(image, 50, 500, 400, 200);
                }
            }
            pdf.save(out);
        }
        ParsedReport report = TestResources.PARSER.parse(out.toByteArray(), "scan.pdf");
        assertEquals("pdf", report.inputType());
        assertTrue(report.hasWarning("PARSE.SCANNED_PDF"), report.warnings().toString());
        assertTrue(report.cells().values().stream().allMatch(v -> v == null));
    }

    @Test
    void textPdfIsReadFromItsTextLayer() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (PDDocument pdf = new PDDocument()) {
            PDPage page = new PDPage();
            pdf.addPage(page);
            try (PDPageContentStream cs = new PDPageContentStream(pdf, page)) {
                cs.beginText();
                cs.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                cs.newLineAtOffset(50, 700);
                cs.showText("Annual report 2020, published 2021-01-15");
                cs.endText();
            }
            pdf.getDocumentInformation().setTitle("2020 report");
            pdf.save(out);
        }
        ParsedReport report = TestResources.PARSER.parse(out.toByteArray(), "r.pdf");
        assertEquals("pdf", report.inputType());
        assertFalse(report.hasWarning("PARSE.SCANNED_PDF"));
        assertTrue(report.hasWarning("PARSE.TABLE_NOT_FOUND"), report.warnings().toString());
    }

    @Test
    void docxWithTheReportsTablesIsReadLikeTheWebPage() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XWPFDocument doc = new XWPFDocument()) {
            for (Element e : Jsoup.parse(TestResources.text(SHANGHAI)).body().children()) {
                if (e.normalName().equals("table")) {
                    XWPFTable table = doc.createTable();
                    int r = 1;
                    for (Element tr : e.select("tr")) {
                        XWPFTableRow row = table.insertNewTableRow(r++);
                        for (Element td : tr.select("td, th")) {
                            row.createCell().setText(td.text());
                        }
                    }
                    table.removeRow(0);
                } else {
                    doc.createParagraph().createRun().setText(e.text());
                }
            }
            doc.write(out);
        }
        ParsedReport report = TestResources.PARSER.parse(out.toByteArray(), "report.docx");
        assertEquals("docx", report.inputType());
        assertEquals(SHANGHAI_REPORT.formatVersion(), report.formatVersion());
        assertEquals(SHANGHAI_REPORT.cells(), report.cells());
        assertEquals(SHANGHAI_REPORT.publishedAt(), report.publishedAt());
        assertEquals(List.of(), report.warnings());
    }

    @Test
    void pdfStyleLayoutWithPageBreaksVerticalLabelsAndWrappedLabelsReadsEveryCell() {
        ParsedReport report = TestResources.PARSER.parse(
                TestResources.bytes("synthetic/pdf-layout-2021.txt"), "layout.txt");
        com.fasterxml.jackson.databind.JsonNode expected =
                TestResources.json("fixtures/pingtan-syq-2021/expected.json").get("cells");
        assertEquals(List.of(), TestResources.wrongCells(report, expected));
        assertEquals(List.of(), report.warnings());
        assertEquals("五、政府信息公开工作存在的主要问题及改进情况", report.sections().stream()
                .filter(s -> s.number() == 5).findFirst().orElseThrow().heading());
        assertEquals("2022-01-28", report.publishedAt());
        assertNull(report.region().province(), "a placeholder name resolves to no region");
    }
}
