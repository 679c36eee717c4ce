package org.nianbao.parse.parser.docgen;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.pdmodel.PDDocument;

/**
 * Removes what would make regenerated files differ from run to run (the PDF file identifier PDFBox derives from
 * the clock, ZIP entry times); it exists so re-running the generator changes the committed binaries only when
 * their content changes.
 */
final class StableBytes {

    /** 2022-02-08 00:00 UTC, the date the test reports carry. */
    static final long FIXED_TIME = 1_644_278_400_000L;

    private StableBytes() {
    }

    /** Gives the PDF a file identifier derived from {@code seed} instead of the time of saving. */
    static void fixPdfId(PDDocument pdf, String seed) {
        COSArray id = new COSArray();
        byte[] bytes = String.format("%-16s", seed).substring(0, 16).getBytes(StandardCharsets.ISO_8859_1);
        id.add(new COSString(bytes));
        id.add(new COSString(bytes));
        pdf.getDocument().getTrailer().setItem(COSName.ID, id);
    }

    /** The same ZIP with every entry dated {@link #FIXED_TIME}. */
    static byte[] fixZipTimes(byte[] zip) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip));
                ZipOutputStream z = new ZipOutputStream(out)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                ZipEntry copy = new ZipEntry(e.getName());
                copy.setTime(FIXED_TIME);
                z.putNextEntry(copy);
                in.transferTo(z);
                z.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
