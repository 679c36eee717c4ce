package org.nianbao.parse.parser;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.tika.exception.EncryptedDocumentException;
import org.apache.tika.exception.TikaException;
import org.apache.tika.metadata.Metadata;
import org.apache.tika.metadata.TikaCoreProperties;
import org.apache.tika.parser.Parser;
import org.apache.tika.parser.ParseContext;
import org.apache.tika.parser.microsoft.OfficeParser;
import org.apache.tika.parser.microsoft.ooxml.OOXMLParser;
import org.apache.tika.sax.ToXMLContentHandler;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
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
        Document xhtml = Jsoup.parse(handler.toString());
        dropMergedCellRests(xhtml);
        DocumentText html = HtmlTextExtractor.extract(xhtml, inputType, new ArrayList<>());
        String title = metadata.get(TikaCoreProperties.TITLE);
        return new DocumentText(inputType, html.body(), html.page(),
                title == null || title.isBlank() ? null : title.trim(), html.warnings(), false);
    }

    /**
     * Word keeps a vertically merged cell (vMerge) as one cell per row, the rows below the first empty, and Tika
     * writes those as empty cells; before a row's label they would be read as the previous row's values. Empty
     * cells at the start of a row whose first filled cell is text (a label, a header) are therefore dropped, as
     * an HTML rowspan would have left them out; rows starting with a value keep their blank cells.
     */
    static void dropMergedCellRests(Document xhtml) {
        for (Element tr : xhtml.getElementsByTag("tr")) {
            List<Element> leading = new ArrayList<>();
            for (Element cell : tr.children()) {
                if (!cell.normalName().equals("td") && !cell.normalName().equals("th")) {
                    continue;
                }
                String text = cell.text().replace('\u00a0', ' ').strip();
                if (text.isEmpty()) {
                    leading.add(cell);
                    continue;
                }
                if (!leading.isEmpty() && TextNormalizer.hasHan(text)) {
                    leading.forEach(Element::remove);
                }
                break;
            }
        }
    }
}
