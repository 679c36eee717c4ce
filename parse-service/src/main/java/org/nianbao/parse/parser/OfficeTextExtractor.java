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
import org.apache.tika.sax.ContentHandlerDecorator;
import org.apache.tika.sax.ToXMLContentHandler;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.xml.sax.Attributes;
import org.xml.sax.SAXException;

/**
 * Reads DOCX (OOXML) and DOC/WPS (OLE2) files through Apache Tika's XHTML output, so their tables go through the
 * same cell-by-cell reader as web pages; it exists because many agencies publish the report as a Word file.
 */
public final class OfficeTextExtractor {

    private OfficeTextExtractor() {
    }

    public static DocumentText extract(byte[] bytes, String inputType) {
        return extract(bytes, inputType, ParseBudget.standalone());
    }

    /**
     * Reads a Word document while {@code budget} has time left: past its deadline the part read so far is kept and
     * the text carries {@code PARSE.BUDGET_EXCEEDED}.
     */
    public static DocumentText extract(byte[] bytes, String inputType, ParseBudget budget) {
        Parser parser = inputType.equals("docx") ? new OOXMLParser() : new OfficeParser();
        ToXMLContentHandler xml = new ToXMLContentHandler();
        DeadlineContentHandler handler = new DeadlineContentHandler(xml, budget);
        Metadata metadata = new Metadata();
        List<ParseWarning> warnings = new ArrayList<>();
        try {
            parser.parse(new ByteArrayInputStream(bytes), handler, metadata, new ParseContext());
        } catch (EncryptedDocumentException e) {
            throw new UnparseableDocumentException("encrypted " + inputType + " document", e);
        } catch (IOException | SAXException | TikaException | RuntimeException e) {
            if (!handler.stopped()) {
                throw new UnparseableDocumentException("corrupt " + inputType + " document: " + e.getMessage(), e);
            }
            warnings.add(ParseWarning.of(ReportParser.BUDGET_EXCEEDED, "文档超出解析时间预算，只读取了前 "
                    + handler.elements() + " 个元素 / parse time budget spent; only the first part of the document"
                    + " was read"));
        }
        Document xhtml = Jsoup.parse(xml.toString());
        dropMergedCellRests(xhtml);
        DocumentText html = HtmlTextExtractor.extract(xhtml, inputType, warnings);
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

    /**
     * Passes Tika's XHTML events on, counting elements against the budget and stopping the parse at the first
     * element after the deadline, so a pathological document (thousands of nested tables) cannot run unbounded.
     */
    private static final class DeadlineContentHandler extends ContentHandlerDecorator {
        private static final int CHECK_EVERY = 256;

        private final ParseBudget budget;
        private long elements;
        private boolean stopped;

        DeadlineContentHandler(ToXMLContentHandler target, ParseBudget budget) {
            super(target);
            this.budget = budget;
        }

        @Override
        public void startElement(String uri, String localName, String name, Attributes atts) throws SAXException {
            if (++elements % CHECK_EVERY == 0 && budget.pastDeadline()) {
                stopped = true;
                throw new SAXException("parse deadline passed after " + elements + " elements");
            }
            super.startElement(uri, localName, name, atts);
        }

        boolean stopped() {
            return stopped;
        }

        long elements() {
            return elements;
        }
    }
}
