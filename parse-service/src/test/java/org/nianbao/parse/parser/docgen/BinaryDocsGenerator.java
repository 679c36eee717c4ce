package org.nianbao.parse.parser.docgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes the binary test reports under {@code src/test/resources/binary/}: PDFs in two layouts, an image-only
 * PDF, DOCX files of fixtures whose cells are known, each with its expected.json (the fixture's metadata, section
 * headings and cells, plus the exact warning codes); it exists so the binary inputs can be regenerated after a
 * layout change. Needs the WenQuanYi Micro Hei font ({@link PdfReportWriter#FONT_FILE}); see the README there
 * for the command and for the DOC made from a generated DOCX.
 */
public final class BinaryDocsGenerator {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final List<String> WRITTEN = new java.util.ArrayList<>();

    private BinaryDocsGenerator() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length > 0 ? args[0] : "src/test/resources/binary");
        ReportModel pingtan = FixtureModels.pingtan2021();
        ReportModel shanghai = FixtureModels.shanghai2019();
        List<String> signatureDate = List.of("PARSE.DATE_FROM_SIGNATURE");

        byte[] portrait = new PdfReportWriter(
                PdfReportWriter.Options.plain(false, PdfReportWriter.Borders.STROKED, false, 12, 10.5f))
                .write(pingtan);
        write(out, "pingtan-syq-2021-pdf", "report.pdf", portrait, "pingtan-syq-2021", signatureDate,
                "A4 portrait, 12pt body, tables ruled with stroked lines, cells centred vertically; table 二 and 三 "
                        + "continue on the next page, table 三 with its three header rows repeated");
        write(out, "pingtan-syq-2021-pdf-large-type", "report.pdf",
                new PdfReportWriter(new PdfReportWriter.Options(false, PdfReportWriter.Borders.STROKED, false, 16, 12,
                        pingtan.title(), true, false))
                        .write(pingtan),
                "pingtan-syq-2021", signatureDate,
                "A4 portrait, 16pt body (公文 三号), 12pt tables: more wrapped labels and other page breaks, the "
                        + "merged 三、本年度办理结果 cell cut by a break; the title over a rule on every page, "
                        + "'第 n 页 共 N 页' footers");
        write(out, "shanghai-bgt-2019-pdf-landscape", "report.pdf",
                new PdfReportWriter(PdfReportWriter.Options.plain(true, PdfReportWriter.Borders.FILLED, true, 12,
                        10.5f)).write(shanghai),
                "shanghai-bgt-2019", List.of(),
                "tables on A4 landscape pages (section breaks), borders as thin filled rectangles, cell text "
                        + "top-aligned, blank cells printed empty; table 三 continues on a second page");
        write(out, "shanghai-bgt-2019-pdf-rotated", "report.pdf",
                new PdfReportWriter(new PdfReportWriter.Options(true, PdfReportWriter.Borders.STROKED, false, 12, 10.5f,
                        null, false, true))
                        .write(shanghai),
                "shanghai-bgt-2019", List.of(),
                "tables on landscape pages stored as portrait pages with /Rotate 90 and the content turned (as print "
                        + "drivers write them), stroked borders, cells centred vertically");
        write(out, "pingtan-syq-2021-pdf-borderless", "report.pdf",
                new PdfReportWriter(PdfReportWriter.Options.plain(false, PdfReportWriter.Borders.NONE, false, 12,
                        10.5f)).write(pingtan),
                "pingtan-syq-2021", signatureDate,
                "tables without borders: read from the text layer by row labels (every cell of this report is "
                        + "printed, so no blank cell is lost)");
        write(out, "pingtan-syq-2021-scanned", "report.pdf", new ScannedPdfWriter(72, 2).write(portrait), null,
                List.of("PARSE.SCANNED_PDF"), "the first two pages of pingtan-syq-2021-pdf as greyscale JPEGs");
        DocxReportWriter docx = new DocxReportWriter();
        write(out, "pingtan-syq-2021-docx", "report.docx", docx.write(pingtan), "pingtan-syq-2021", signatureDate,
                "Word tables with gridSpan and vMerge (三、本年度办理结果 and the row groups merged down)");
        write(out, "shanghai-bgt-2019-docx", "report.docx", docx.write(shanghai), "shanghai-bgt-2019", List.of(),
                "page.html's tables as Word tables, rowspan as vMerge, colspan as gridSpan, blank cells empty");
        wordDoc(out, "pingtan-syq-2021", signatureDate);
        wordDoc(out, "shanghai-bgt-2019", List.of());
        JSON.writeValue(out.resolve("index.json").toFile(), WRITTEN);
    }

    /**
     * POI cannot write a Word 97 file with tables, so the DOC is the DOCX saved as "MS Word 97" by LibreOffice
     * (as a WPS/LibreOffice user would publish it): done here when {@code soffice} is installed, else printed;
     * kept as it is while {@code made-from.docx.sha256} says it was made from the same DOCX.
     */
    private static void wordDoc(Path out, String fixture, List<String> warnings) throws IOException {
        Path docx = out.resolve(fixture + "-docx").resolve("report.docx").toAbsolutePath();
        Path dir = out.resolve(fixture + "-doc").toAbsolutePath();
        Files.createDirectories(dir);
        Path made = dir.resolve("made-from.docx.sha256");
        String sha = sha256(Files.readAllBytes(docx));
        boolean current = Files.exists(made) && Files.readString(made).strip().equals(sha);
        if (current && Files.exists(dir.resolve("report.doc"))) {
            write(out, fixture + "-doc", "report.doc", Files.readAllBytes(dir.resolve("report.doc")), fixture, warnings,
                    "the " + fixture + "-docx file saved as Word 97 (OLE2) by LibreOffice; merged cells as vMerge");
            return;
        }
        List<String> command = List.of("soffice", "-env:UserInstallation=file:///tmp/nianbao-docgen-lo", "--headless",
                "--convert-to", "doc:MS Word 97", "--outdir", dir.toString(), docx.toString());
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("soffice exited with " + p.exitValue());
            }
            byte[] bytes = Files.readAllBytes(dir.resolve("report.doc"));
            Files.writeString(made, sha + "\n");
            write(out, fixture + "-doc", "report.doc", bytes, fixture, warnings,
                    "the " + fixture + "-docx file saved as Word 97 (OLE2) by LibreOffice; merged cells as vMerge");
        } catch (IOException e) {
            System.out.println("DOC not written (" + e.getMessage() + "); run: " + String.join(" ", command));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void write(Path out, String name, String file, byte[] bytes, String fixture, List<String> warnings,
                              String layout) throws IOException {
        Path dir = out.resolve(name);
        Files.createDirectories(dir);
        Files.write(dir.resolve(file), bytes);
        ObjectNode e = JSON.createObjectNode();
        e.put("input", file);
        e.put("source", fixture == null ? "generated" : "fixtures/" + fixture + " (cells and metadata)");
        e.put("layout", layout);
        ArrayNode w = e.putArray("warnings");
        warnings.forEach(w::add);
        if (fixture == null) {
            e.putNull("formatVersion");
            e.putObject("cells");
        } else {
            JsonNode exp = FixtureModels.expected(fixture);
            for (String field : List.of("title", "agency", "year", "publishedAt", "province", "formatVersion",
                    "sections", "cells")) {
                e.set(field, exp.get(field));
            }
        }
        JSON.writeValue(dir.resolve("expected.json").toFile(), e);
        System.out.println(dir.resolve(file) + " " + bytes.length + " bytes");
        if (!WRITTEN.contains(name)) {
            WRITTEN.add(name);
        }
    }
}
