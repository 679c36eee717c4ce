package org.nianbao.parse.parser.docgen;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/**
 * Turns a PDF into what a scanner makes of its printout: each page a greyscale JPEG filling the page, no text
 * layer; it exists to test that image-only reports are recognised ({@code PARSE.SCANNED_PDF}), not misread.
 */
public final class ScannedPdfWriter {

    private final float dpi;
    private final int maxPages;

    public ScannedPdfWriter(float dpi, int maxPages) {
        this.dpi = dpi;
        this.maxPages = maxPages;
    }

    public byte[] write(byte[] pdfWithText) {
        try (PDDocument source = Loader.loadPDF(pdfWithText); PDDocument scan = new PDDocument()) {
            PDFRenderer renderer = new PDFRenderer(source);
            for (int i = 0; i < Math.min(maxPages, source.getNumberOfPages()); i++) {
                BufferedImage image = renderer.renderImageWithDPI(i, dpi, ImageType.GRAY);
                PDRectangle size = source.getPage(i).getMediaBox();
                PDPage page = new PDPage(size);
                scan.addPage(page);
                PDImageXObject jpeg = JPEGFactory.createFromImage(scan, image, 0.6f);
                try (PDPageContentStream cs = new PDPageContentStream(scan, page)) {
                    cs.drawImage(jpeg, 0, 0, size.getWidth(), size.getHeight());
                }
            }
            scan.getDocumentInformation().setProducer("Scanner");
            StableBytes.fixPdfId(scan, "scan/" + dpi + "/" + maxPages);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            scan.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
