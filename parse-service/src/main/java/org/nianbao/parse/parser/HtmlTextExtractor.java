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
            ".TRS_Editor", "#zoom", ".xxgk_content", ".xxgk-content", "#UCAP-CONTENT", ".view.TRS_UEDITOR",
            ".article-content", ".article_content", ".art_con", "#art_content", ".news_content", ".content_text",
            "#content", ".content", "article");
    private static final Set<String> SKIP = Set.of("script", "style", "noscript", "iframe", "button", "select",
            "input", "svg", "head", "template", "textarea", "object", "embed");
    private static final Set<String> BLOCK = Set.of("p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol",
            "section", "article", "header", "footer", "center", "blockquote", "pre", "tr", "td", "th", "dl", "dt", "dd",
            "form", "nav", "aside", "main", "address", "hr", "caption", "tbody", "thead", "table", "body");

    private HtmlTextExtractor() {
    }

    public static DocumentText extract(String html, String inputType, List<ParseWarning> warnings) {
        Document doc = Jsoup.parse(html);
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

    private static String metaLines(Document doc) {
        StringBuilder b = new StringBuilder();
        appendMeta(doc, b, "ArticleTitle", "标题");
        appendMeta(doc, b, "PubDate", "发布时间");
        appendMeta(doc, b, "ContentSource", "来源");
        appendMeta(doc, b, "SiteName", "网站");
        return b.toString();
    }

    private static void appendMeta(Document doc, StringBuilder b, String name, String label) {
        Element m = doc.selectFirst("meta[name=" + name + "]");
        if (m != null && !m.attr("content").isBlank()) {
            b.append(label).append(": ").append(m.attr("content").trim()).append('\n');
        }
    }

    static Element findArticle(Document doc) {
        for (String selector : BODY_SELECTORS) {
            for (Element e : doc.select(selector)) {
                if (e.text().length() >= 200) {
                    return e;
                }
            }
        }
        Element best = doc.body();
        double bestScore = score(best);
        boolean moved = true;
        while (moved) {
            moved = false;
            for (Element child : best.children()) {
                double s = score(child);
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

    private static double score(Element e) {
        int text = e.text().length();
        int links = 0;
        for (Element a : e.select("a")) {
            links += a.text().length();
        }
        return text - 2.0 * links;
    }

    /** Linearises an element: block elements become lines, data tables one line per row. */
    public static String linearize(Element root) {
        StringBuilder b = new StringBuilder();
        walk(root, b);
        return cleanup(b);
    }

    private static void walk(Node node, StringBuilder b) {
        if (node instanceof TextNode t) {
            b.append(t.getWholeText().replaceAll("[\\s\\u00A0\\u3000]+", " "));
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
        if (table.select("table").size() > 1) {
            return false;
        }
        for (Element cell : table.select("td, th")) {
            if (cell.text().length() > 400) {
                return false;
            }
        }
        return true;
    }

    private static void writeTable(Element table, StringBuilder b) {
        for (Element tr : table.select("tr")) {
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
        String text = b.toString().replace('\n', ' ').replace('\t', ' ')
                .replaceAll("[\\s\\u00A0\\u3000]+", " ").trim();
        return text.isEmpty() ? String.valueOf(DocumentText.BLANK) : text;
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
