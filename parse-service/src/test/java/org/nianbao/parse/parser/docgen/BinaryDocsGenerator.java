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
 * Writes the binary test reports under {@code src/test/resources/binary/} from fixtures whose cells are known:
 * PDFs in several layouts, an image-only PDF, DOCX, and (with LibreOffice) DOC and an office-exported PDF, each
 * with its expected.json (the fixture's metadata, section headings and cells, plus the exact warning codes); it
 * exists so the binary inputs can be regenerated after a layout change. Needs the WenQuanYi Micro Hei font
 * ({@link PdfReportWriter#FONT_FILE}); the command is in parse-service/README.md ("Tests").
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
        String asDoc = "the %s-docx file saved as Word 97 (OLE2) by LibreOffice; merged cells as vMerge";
        saveWithLibreOffice(out, "pingtan-syq-2021", "doc", "MS Word 97", signatureDate,
                asDoc.formatted("pingtan-syq-2021"));
        saveWithLibreOffice(out, "shanghai-bgt-2019", "doc", "MS Word 97", List.of(),
                asDoc.formatted("shanghai-bgt-2019"));
        saveWithLibreOffice(out, "shanghai-bgt-2019", "pdf", "writer_pdf_Export", List.of(),
                "the shanghai-bgt-2019-docx file exported to PDF by LibreOffice Writer: its own text runs and border "
                        + "drawing; numbers wrapped inside the narrow 自然人/总计 columns (82|1, 85|9)");
        JSON.writeValue(out.resolve("index.json").toFile(), WRITTEN);
    }

    /**
     * Saves a generated DOCX with LibreOffice ({@code soffice}, as a WPS/LibreOffice user would publish it): as
     * "MS Word 97" because POI cannot write a Word 97 file with tables, and as PDF for a PDF made by an office
     * suite's own exporter rather than by {@link PdfReportWriter}. Done when {@code soffice} is installed, else the
     * command is printed; a file is kept as it is while its {@code made-from.docx.sha256} names the same DOCX.
     */
    private static void saveWithLibreOffice(Path out, String fixture, String ext, String filter, List<String> warnings,
                                            String layout) throws IOException {
        Path docx = out.resolve(fixture + "-docx").resolve("report.docx").toAbsolutePath();
        String name = fixture + "-" + ext + (ext.equals("pdf") ? "-libreoffice" : "");
        Path dir = out.resolve(name).toAbsolutePath();
        Path target = dir.resolve("report." + ext);
        Files.createDirectories(dir);
        Path made = dir.resolve("made-from.docx.sha256");
        String sha = sha256(Files.readAllBytes(docx));
        if (Files.exists(target) && Files.exists(made) && Files.readString(made).strip().equals(sha)) {
            write(out, name, target.getFileName().toString(), Files.readAllBytes(target), fixture, warnings, layout);
            return;
        }
        List<String> command = List.of("soffice", "-env:UserInstallation=file:///tmp/nianbao-docgen-lo", "--headless",
                "--convert-to", ext + ":" + filter, "--outdir", dir.toString(), docx.toString());
        try {
            Process p = new ProcessBuilder(command).inheritIO().start();
            if (p.waitFor() != 0) {
                throw new IOException("soffice exited with " + p.exitValue());
            }
            Files.writeString(made, sha + "\n");
            write(out, name, target.getFileName().toString(), Files.readAllBytes(target), fixture, warnings, layout);
        } catch (IOException e) {
            System.out.println(name + " not written (" + e.getMessage() + "); run: " + String.join(" ", command));
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
