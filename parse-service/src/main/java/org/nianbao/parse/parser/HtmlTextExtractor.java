package org.nianbao.parse.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.Evaluator;
import org.jsoup.select.Selector;

/**
 * Turns an HTML page or fragment into {@link DocumentText}: finds the article body among site chrome and writes
 * data tables as one line per row with tab-separated cells; it exists because report tables are only reliable when
 * read cell by cell from the markup.
 */
public final class HtmlTextExtractor {

    private static final List<String> BODY_SELECTORS = List.of(
            ".TRS_Editor", "#zoom", ".xxgk_content", ".xxgk-content", "#UCAP-CONTENT", ".TRS_UEDITOR",
            ".article-content", ".article_content", ".art_con", "#art_content", ".news_content", ".content_text",
            "#content", ".content", "article");
    // A selector here is "#id", ".class" (first class only) or a tag name; split once into kind and name.
    private static final char[] SELECTOR_KINDS = new char[BODY_SELECTORS.size()];
    private static final String[] SELECTORS = new String[BODY_SELECTORS.size()];
    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "iframe", "button", "select",
            "input", "svg", "head", "template", "textarea", "object", "embed");
    private static final Set<String> BLOCK = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "section", "article", "header", "footer", "center", "blockquote", "pre", "tr", "td", "th", "dl", "dt", "dd",
            "form", "nav", "aside", "main", "address", "hr", "caption", "tbody", "thead", "table", "body");

    /** Parsed once: a tag and attribute-value evaluator keeps no state between matches. */
    private static final Evaluator ARTICLE_TITLE = Selector.evaluatorOf("meta[name=ArticleTitle]");

    static {
        for (int i = 0; i < BODY_SELECTORS.size(); i++) {
            String selector = BODY_SELECTORS.get(i);
            char kind = selector.charAt(0);
            SELECTOR_KINDS[i] = kind == '#' || kind == '.' ? kind : 't';
            SELECTORS[i] = kind == '#' || kind == '.' ? selector.substring(1) : selector;
        }
    }

    private HtmlTextExtractor() {
    }

    public static DocumentText extract(String html, String inputType, List<ParseWarning> warnings) {
        return extract(Jsoup.parse(html), inputType, warnings);
    }

    static DocumentText extract(Document doc, String inputType, List<ParseWarning> warnings) {
        Element body = doc.body();
        List<Element> all = allElements(doc);
        List<Element> metas = new ArrayList<>();
        for (Element e : all) {
            if (e.nameIs("meta")) {
                metas.add(e);
            }
        }
        Element article = findArticle(doc, all);
        Linearizer page = new Linearizer(article == body ? null : article);
        page.walk(body);
        StringBuilder pageText = new StringBuilder(page.raw.length() + 256);
        metaLines(metas, pageText);
        cleanup(page.raw, 0, page.raw.length(), pageText);
        String pageString = pageText.toString();
        String bodyText;
        if (article == body) {
            bodyText = pageString;
        } else if (page.targetEnd >= 0) {
            StringBuilder b = new StringBuilder(page.targetEnd - page.targetStart);
            cleanup(page.raw, page.targetStart, page.targetEnd, b);
            bodyText = b.toString();
        } else {
            bodyText = linearize(article);
        }
        if (!bodyText.contains("本年新收") && pageString.contains("本年新收")) {
            bodyText = pageString;
        }
        return new DocumentText(inputType, bodyText, pageString, declaredTitle(doc, metas), warnings, false);
    }

    /** What {@code doc.selectFirst("meta[name=ArticleTitle]")} would find, looked for among the meta tags only. */
    private static String declaredTitle(Document doc, List<Element> metas) {
        for (Element meta : metas) {
            if (ARTICLE_TITLE.matches(doc, meta)) {
                if (!meta.attr("content").isBlank()) {
                    return meta.attr("content").trim();
                }
                break;
            }
        }
        String title = doc.title();
        return title == null || title.isBlank() ? null : title.trim();
    }

    private static final Map<String, String> META_LABELS = Map.of(
            "articletitle", "标题", "pubdate", "发布时间", "contentsource", "来源", "sitename", "网站");

    /** Page metadata CMSs put in meta tags, as labelled lines the metadata reader understands. */
    private static void metaLines(List<Element> metas, StringBuilder b) {
        for (Element m : metas) {
            String label = META_LABELS.get(m.attr("name").toLowerCase(Locale.ROOT));
            if (label != null && !m.attr("content").isBlank()) {
                b.append(label).append(": ").append(m.attr("content").trim()).append('\n');
            }
        }
    }

    static Element findArticle(Document doc) {
        return findArticle(doc, allElements(doc));
    }

    /**
     * What {@code root.getAllElements()} returns (root and every element below it in document order), collected
     * without jsoup's selector machinery, which costs several times the walk itself.
     */
    static List<Element> allElements(Element root) {
        List<Element> out = new ArrayList<>(256);
        addElements(root, out);
        return out;
    }

    private static void addElements(Element e, List<Element> out) {
        out.add(e);
        for (int i = 0; i < e.childNodeSize(); i++) {
            if (e.childNode(i) instanceof Element child) {
                addElements(child, out);
            }
        }
    }

    /** @param all every element of {@code doc} in document order */
    private static Element findArticle(Document doc, List<Element> all) {
        List<List<Element>> matches = new ArrayList<>(SELECTORS.length);
        for (int i = 0; i < SELECTORS.length; i++) {
            matches.add(new ArrayList<>(1));
        }
        for (Element e : all) {
            String id = e.id();
            String cls = e.className();
            for (int i = 0; i < SELECTORS.length; i++) {
                String name = SELECTORS[i];
                boolean match = switch (SELECTOR_KINDS[i]) {
                    case '#' -> name.equals(id);
                    case '.' -> !cls.isEmpty() && e.hasClass(name);
                    default -> e.normalName().equals(name);
                };
                if (match) {
                    matches.get(i).add(e);
                }
            }
        }
        for (List<Element> candidates : matches) {
            for (Element e : candidates) {
                if (TextLength.atLeast(e, 200)) {
                    return e;
                }
            }
        }
        Scores scores = new Scores(all.size());
        Element best = doc.body();
        int bestIndex = scores.score(best, false);
        double bestScore = scores.of(bestIndex);
        boolean moved = true;
        while (moved) {
            moved = false;
            int childIndex = bestIndex + 1;
            for (int i = 0; i < best.childNodeSize(); i++) {
                if (!(best.childNode(i) instanceof Element child)) {
                    continue;
                }
                double s = scores.of(childIndex);
                if (s >= 0.8 * bestScore && s > 0) {
                    best = child;
                    bestIndex = childIndex;
                    bestScore = s;
                    moved = true;
                    break;
                }
                childIndex += scores.size[childIndex];
            }
        }
        return best;
    }

    private static int visibleLength(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > ' ' && c != '\u00A0' && c != '\u3000') {
                n++;
            }
        }
        return n;
    }

    /**
     * Visible text and link-text lengths of every element under a root, computed in one pass and kept in arrays by
     * pre-order position (an element's children follow it, each after the previous child's subtree); elements
     * whose content is skipped score zero and count as one position.
     */
    private static final class Scores {
        private final long[] text;
        private final long[] linkText;
        final int[] size;
        private int next;

        Scores(int elements) {
            text = new long[elements];
            linkText = new long[elements];
            size = new int[elements];
        }

        /** Scores {@code e} and its subtree; returns the position of {@code e}. */
        int score(Element e, boolean inLink) {
            int index = next++;
            if (SKIP.contains(e.normalName())) {
                size[index] = 1;
                return index;
            }
            boolean link = inLink || e.normalName().equals("a");
            long total = 0;
            long totalLink = 0;
            for (int i = 0; i < e.childNodeSize(); i++) {
                Node n = e.childNode(i);
                if (n instanceof TextNode t) {
                    int len = visibleLength(t.getWholeText());
                    total += len;
                    if (link) {
                        totalLink += len;
                    }
                } else if (n instanceof Element child) {
                    int c = score(child, link);
                    total += text[c];
                    totalLink += linkText[c];
                }
            }
            text[index] = total;
            linkText[index] = totalLink;
            size[index] = next - index;
            return index;
        }

        /** Text minus twice the link text: navigation and link lists score low. */
        double of(int index) {
            return text[index] - 2.0 * linkText[index];
        }
    }

    /** Linearises an element: block elements become lines, data tables one line per row. */
    public static String linearize(Element root) {
        Linearizer l = new Linearizer(null);
        l.walk(root);
        StringBuilder out = new StringBuilder(l.raw.length());
        cleanup(l.raw, 0, l.raw.length(), out);
        return out.toString();
    }

    /**
     * One walk over a subtree into raw lines; it also notes where the text of {@code target} (the article) begins
     * and ends in that output, so the article's text is cut from the page's instead of walking the article twice.
     */
    private static final class Linearizer {
        final StringBuilder raw = new StringBuilder(8192);
        private final Element target;
        int targetStart = -1;
        int targetEnd = -1;
        private final StringBuilder cell = new StringBuilder();

        Linearizer(Element target) {
            this.target = target;
        }

        void walk(Node node) {
            if (node == target) {
                targetStart = raw.length();
                append(node);
                targetEnd = raw.length();
            } else {
                append(node);
            }
        }

        private void append(Node node) {
            StringBuilder b = raw;
            if (node instanceof TextNode t) {
                appendCollapsed(t.getWholeText(), b);
                return;
            }
            if (!(node instanceof Element e)) {
                return;
            }
            String tag = e.normalName();
            if (SKIP.contains(tag)) {
                return;
            }
            if (tag.equals("br")) {
                b.append('\n');
                return;
            }
            if (tag.equals("table") && isDataTable(e)) {
                b.append('\n');
                writeTable(e, b);
                b.append('\n');
                return;
            }
            boolean block = BLOCK.contains(tag);
            if (block) {
                b.append('\n');
            }
            for (int i = 0; i < e.childNodeSize(); i++) {
                walk(e.childNode(i));
            }
            if (block) {
                b.append('\n');
            }
        }

        /** A data table has no table inside it and no cell with more than 400 characters of text. */
        private static boolean isDataTable(Element table) {
            return !hasNestedTableOrLongCell(table);
        }

        private static boolean hasNestedTableOrLongCell(Element e) {
            for (int i = 0; i < e.childNodeSize(); i++) {
                if (!(e.childNode(i) instanceof Element child)) {
                    continue;
                }
                if (child.nameIs("table")) {
                    return true;
                }
                if (child.nameIs("td") && TextLength.atLeast(child, 401)) {
                    return true;
                }
                if (hasNestedTableOrLongCell(child)) {
                    return true;
                }
            }
            return false;
        }

        /** Rows of a data table (which has no nested table, so every row belongs to it), cells tab-separated. */
        private void writeTable(Element table, StringBuilder b) {
            List<Element> rows = new ArrayList<>();
            collectRows(table, rows);
            for (Element tr : rows) {
                int lineStart = b.length();
                boolean first = true;
                for (int i = 0; i < tr.childNodeSize(); i++) {
                    if (!(tr.childNode(i) instanceof Element cellElement)) {
                        continue;
                    }
                    String tag = cellElement.normalName();
                    if (!tag.equals("td") && !tag.equals("th")) {
                        continue;
                    }
                    if (!first) {
                        b.append('\t');
                    }
                    first = false;
                    appendCellText(cellElement, b);
                }
                if (b.length() > lineStart) {
                    b.append('\n');
                }
            }
        }

        /** What {@code table.getElementsByTag("tr")} finds: every row element below, in document order. */
        private static void collectRows(Element e, List<Element> rows) {
            for (int i = 0; i < e.childNodeSize(); i++) {
                if (e.childNode(i) instanceof Element child) {
                    if (child.nameIs("tr")) {
                        rows.add(child);
                    }
                    collectRows(child, rows);
                }
            }
        }

        /** The cell's text on one line, trimmed; {@link DocumentText#BLANK} for an empty cell. */
        private void appendCellText(Element cellElement, StringBuilder b) {
            cell.setLength(0);
            walkCollapsed(cellElement, cell);
            int from = 0;
            int to = cell.length();
            while (from < to && cell.charAt(from) <= ' ') {
                from++;
            }
            while (to > from && cell.charAt(to - 1) <= ' ') {
                to--;
            }
            if (from == to) {
                b.append(DocumentText.BLANK);
            } else {
                b.append(cell, from, to);
            }
        }

        /**
         * What {@link #walk} writes for a cell, with every run of whitespace (the line breaks of blocks included)
         * already one space: the only whitespace it writes is a space, so "the last character is a space" is the
         * state. A data table has no table inside, so a cell holds no table to write.
         */
        private static void walkCollapsed(Node node, StringBuilder b) {
            if (node instanceof TextNode t) {
                String s = t.getWholeText();
                for (int i = 0; i < s.length(); i++) {
                    char c = s.charAt(i);
                    if (isCollapsedSpace(c)) {
                        space(b);
                    } else {
                        b.append(c);
                    }
                }
                return;
            }
            if (!(node instanceof Element e)) {
                return;
            }
            String tag = e.normalName();
            if (SKIP.contains(tag)) {
                return;
            }
            if (tag.equals("br")) {
                space(b);
                return;
            }
            boolean block = BLOCK.contains(tag);
            if (block) {
                space(b);
            }
            for (int i = 0; i < e.childNodeSize(); i++) {
                walkCollapsed(e.childNode(i), b);
            }
            if (block) {
                space(b);
            }
        }

        private static void space(StringBuilder b) {
            if (b.length() == 0 || b.charAt(b.length() - 1) != ' ') {
                b.append(' ');
            }
        }
    }

    private static boolean isCollapsedSpace(char c) {
        return c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00A0' || c == '\u3000' || c == '\f';
    }

    /** Appends {@code s} with every run of whitespace (incl. no-break and ideographic spaces) as one space. */
    private static void appendCollapsed(CharSequence s, StringBuilder b) {
        boolean space = false;
        int run = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (isCollapsedSpace(c)) {
                if (run < i) {
                    b.append(s, run, i);
                }
                run = i + 1;
                if (!space) {
                    b.append(' ');
                    space = true;
                }
            } else {
                space = false;
            }
        }
        if (run < n) {
            b.append(s, run, n);
        }
    }

    /** Appends the lines of {@code raw[from, to)} stripped, each with a newline, dropping empty ones. */
    private static void cleanup(CharSequence raw, int from, int to, StringBuilder out) {
        int lineStart = from;
        while (lineStart <= to) {
            int lineEnd = lineStart;
            while (lineEnd < to && raw.charAt(lineEnd) != '\n') {
                lineEnd++;
            }
            int a = lineStart;
            int z = lineEnd;
            while (a < z && Character.isWhitespace(raw.charAt(a))) {
                a++;
            }
            while (z > a && Character.isWhitespace(raw.charAt(z - 1))) {
                z--;
            }
            if (a < z) {
                out.append(raw, a, z).append('\n');
            }
            lineStart = lineEnd + 1;
        }
    }
}
