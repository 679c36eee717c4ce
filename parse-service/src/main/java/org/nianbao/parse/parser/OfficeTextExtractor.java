package org.nianbao.parse.parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.sax.ToXMLContentHandler;
import org.xml.sax.SAXException;

/**
 * Reads DOCX (OOXML) and DOC/WPS (OLE2) files through Apache Tika's XHTML output, so their tables go through the
 * same cell-by-cell reader as web pages; it exists because many agencies publish the report as a Word file.
 */
public final class OfficeTextExtractor {

    private OfficeTextExtractor() {
    }

    public static DocumentText extract(byte[] bytes, String inputType) {
        Parser parser = inputType.equals("docx") ? new OOXMLParser() : new OfficeParser();
        ToXMLContentHandler handler = new ToXMLContentHandler();
        Metadata metadata = new Metadata();
        try {
            parser.parse(new ByteArrayInputStream(bytes), handler, metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            throw new UnparseableDocumentException("encrypted " + inputType + " document", e);
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            throw new UnparseableDocumentException("corrupt " + inputType + " document: " + e.getMessage(), e);
        }
        DocumentText html = HtmlTextExtractor.extract(handler.toString(), inputType, new ArrayList<>());
        String title = metadata.get(TikaCoreProperties.TITLE);
        return new DocumentText(inputType, html.body(), html.page(),
                title == null || title.isBlank() ? null : title.trim(), html.warnings(), false);
    }
}
