package org.nianbao.parse.parser;

import java.util.List;
import java.util.Set;

/**
 * A document reduced to lines of text, table rows as tab-separated cells with {@link #BLANK} for an empty cell;
 * it exists so every input type (HTML, PDF, Office, text) feeds one table and metadata reader.
 *
 * @param inputType html|pdf|docx|doc|text
 * @param body the report's own text (article body for web pages)
 * @param page the whole page including chrome (发布时间, 来源, breadcrumbs), for metadata; may equal body
 * @param declaredTitle a title the container declared (HTML title, PDF info, 标题: line), or null
 * @param warnings what the extraction was unsure about
 * @param scanned true when the document has pages but no text layer (image-only PDF)
 * @param pageNumbers numbers of the page-number lines ("-3-", "第 3 页") dropped from {@code body}, so a bare page
 *     number left inside a table row can be recognised as one
 */
public record DocumentText(String inputType, String body, String page, String declaredTitle,
                           List<ParseWarning> warnings, boolean scanned, Set<Integer> pageNumbers) {

    public DocumentText(String inputType, String body, String page, String declaredTitle, List<ParseWarning> warnings,
                        boolean scanned) {
        this(inputType, body, page, declaredTitle, warnings, scanned, Set.of());
    }

    /** Marks a table cell that is printed empty. */
    public static final char BLANK = '\u2205';
}
