package org.nianbao.parse.parser;

import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

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
    // A selector here is "#id", ".class" (first class only) or a tag name.
    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "iframe", "button", "select",
            "input", "svg", "head", "template", "textarea", "object", "embed");
    private static final Set<String> BLOCK = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "section", "article", "header", "footer", "center", "blockquote", "pre", "tr", "td", "th", "dl", "dt", "dd",
            "form", "nav", "aside", "main", "address", "hr", "caption", "tbody", "thead", "table", "body");

    private HtmlTextExtractor() {
    }

    public static DocumentText extract(String html, String inputType, List<ParseWarning> warnings) {
        return extract(Jsoup.parse(html), inputType, warnings);
    }

    static DocumentText extract(Document doc, String inputType, List<ParseWarning> warnings) {
        Element body = doc.body();
        Element article = findArticle(doc);
        String pageText = metaLines(doc) + linearize(body);
        String bodyText = article == body ? pageText : linearize(article);
        if (!bodyText.contains("本年新收") && pageText.contains("本年新收")) {
            bodyText = pageText;
        }
        return new DocumentText(inputType, bodyText, pageText, declaredTitle(doc), warnings, false);
    }

    private static String declaredTitle(Document doc) {
        Element meta = doc.selectFirst("meta[name=ArticleTitle]");
        if (meta != null && !meta.attr("content").isBlank()) {
            return meta.attr("content").trim();
        }
        String title = doc.title();
        return title == null || title.isBlank() ? null : title.trim();
    }

    private static final java.util.Map<String, String> META_LABELS = java.util.Map.of(
            "articletitle", "标题", "pubdate", "发布时间", "contentsource", "来源", "sitename", "网站");

    /** Page metadata CMSs put in meta tags, as labelled lines the metadata reader understands. */
    private static String metaLines(Document doc) {
        StringBuilder b = new StringBuilder();
        for (Element m : doc.getElementsByTag("meta")) {
            String label = META_LABELS.get(m.attr("name").toLowerCase(java.util.Locale.ROOT));
            if (label != null && !m.attr("content").isBlank()) {
                b.append(label).append(": ").append(m.attr("content").trim()).append('\n');
            }
        }
        return b.toString();
    }

    static Element findArticle(Document doc) {
        List<Element> all = doc.getAllElements();
        List<List<Element>> matches = new java.util.ArrayList<>();
        for (int i = 0; i < BODY_SELECTORS.size(); i++) {
            matches.add(new java.util.ArrayList<>(1));
        }
        for (Element e : all) {
            String id = e.id();
            String cls = e.className();
            for (int i = 0; i < BODY_SELECTORS.size(); i++) {
                String selector = BODY_SELECTORS.get(i);
                char kind = selector.charAt(0);
                boolean match = kind == '#' ? selector.regionMatches(1, id, 0, id.length()) && id.length() == selector.length() - 1
                        : kind == '.' ? !cls.isEmpty() && e.hasClass(selector.substring(1))
                        : e.normalName().equals(selector);
                if (match) {
                    matches.get(i).add(e);
                }
            }
        }
        for (List<Element> candidates : matches) {
            for (Element e : candidates) {
                if (e.text().length() >= 200) {
                    return e;
                }
            }
        }
        java.util.Map<Element, double[]> scores = new java.util.IdentityHashMap<>();
        score(doc.body(), scores, false);
        Element best = doc.body();
        double bestScore = scoreOf(best, scores);
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Element child : best.children()) {
                double s = scoreOf(child, scores);
                if (s >= 0.8 * bestScore && s > 0) {
                    best = child;
                    bestScore = s;
                    moved = true;
                    break;
                }
            }
        }
        return best;
    }

    private static double scoreOf(Element e, java.util.Map<Element, double[]> scores) {
        double[] s = scores.get(e);
        return s == null ? 0 : s[0] - 2.0 * s[1];
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

    /** Text and link-text lengths of every element, computed in one pass. */
    private static double[] score(Element e, java.util.Map<Element, double[]> scores, boolean inLink) {
        if (SKIP.contains(e.normalName())) {
            return new double[2];
        }
        boolean link = inLink || e.normalName().equals("a");
        double[] total = new double[2];
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) {
                int len = visibleLength(t.getWholeText());
                total[0] += len;
                if (link) {
                    total[1] += len;
                }
            } else if (n instanceof Element child) {
                double[] c = score(child, scores, link);
                total[0] += c[0];
                total[1] += c[1];
            }
        }
        scores.put(e, total);
        return total;
    }

    /** Linearises an element: block elements become lines, data tables one line per row. */
    public static String linearize(Element root) {
        StringBuilder b = new StringBuilder();
        walk(root, b);
        return cleanup(b);
    }

    private static void walk(Node node, StringBuilder b) {
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
        for (Node child : e.childNodes()) {
            walk(child, b);
        }
        if (block) {
            b.append('\n');
        }
    }

    private static boolean isDataTable(Element table) {
        if (table.getElementsByTag("table").size() > 1) {
            return false;
        }
        for (Element cell : table.getElementsByTag("td")) {
            if (cell.text().length() > 400) {
                return false;
            }
        }
        return true;
    }

    private static void writeTable(Element table, StringBuilder b) {
        for (Element tr : table.getElementsByTag("tr")) {
            if (tr.closest("table") != table) {
                continue;
            }
            StringBuilder line = new StringBuilder();
            boolean first = true;
            for (Element cell : tr.children()) {
                String tag = cell.normalName();
                if (!tag.equals("td") && !tag.equals("th")) {
                    continue;
                }
                if (!first) {
                    line.append('\t');
                }
                first = false;
                line.append(cellText(cell));
            }
            if (line.length() > 0) {
                b.append(line).append('\n');
            }
        }
    }

    private static String cellText(Element cell) {
        StringBuilder b = new StringBuilder();
        walk(cell, b);
        StringBuilder collapsed = new StringBuilder(b.length());
        appendCollapsed(b, collapsed);
        String text = collapsed.toString().trim();
        return text.isEmpty() ? String.valueOf(DocumentText.BLANK) : text;
    }

    /** Appends {@code s} with every run of whitespace (incl. no-break and ideographic spaces) as one space. */
    private static void appendCollapsed(CharSequence s, StringBuilder b) {
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\u00A0' || c == '\u3000' || c == '\f') {
                if (!space) {
                    b.append(' ');
                    space = true;
                }
            } else {
                b.append(c);
                space = false;
            }
        }
    }

    private static String cleanup(StringBuilder b) {
        String[] lines = b.toString().split("\n", -1);
        StringBuilder out = new StringBuilder(b.length());
        for (String line : lines) {
            String t = line.strip();
            if (!t.isEmpty()) {
                out.append(t).append('\n');
            }
        }
        return out.toString();
    }
}
