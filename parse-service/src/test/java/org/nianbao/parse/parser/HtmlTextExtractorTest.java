package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

/** The shortcuts of HTML extraction give exactly what the plain computations would. */
class HtmlTextExtractorTest {

    private static final String[] PIECES = {" ", "  ", "\n", "\t", "\r\n", "\u00A0", "\u200B", "\u00AD", "\u3000", "\f",
        "本年新收", "政府信息公开", "12", "a", "&nbsp;", "&#8203;", "<br>", "<br/>", "<p>", "</p>", "<div>", "</div>",
        "<span>", "</span>", "<b>", "</b>", "<pre>", "</pre>", "<li>", "</li>", "<td>", "</td>", "<tr>", "</tr>",
        "<table>", "</table>", "<h2>", "</h2>", "<a href=x>", "</a>", "<script>x=1</script>",
        "<textarea> t </textarea>", "<!-- c -->", "<img src=x>", "<section>", "</section>"};

    @Test
    void textLengthThresholdAgreesWithJsoupText() {
        Random random = new Random(42);
        int checked = 0;
        for (int doc = 0; doc < 400; doc++) {
            StringBuilder html = new StringBuilder();
            int pieces = 1 + random.nextInt(doc < 200 ? 40 : 400);
            for (int i = 0; i < pieces; i++) {
                html.append(PIECES[random.nextInt(PIECES.length)]);
            }
            for (Element e : Jsoup.parse(html.toString()).getAllElements()) {
                int length = e.text().length();
                for (int n : new int[] {0, 1, 2, 7, 200, 401, length - 1, length, length + 1, 2 * length + 1}) {
                    assertEquals(length >= n, TextLength.atLeast(e, n), () -> "n=" + n + " in " + e.outerHtml());
                    checked++;
                }
            }
        }
        assertTrue(checked > 10_000, "checked " + checked);
    }

    @Test
    void articleTextCutFromThePageWalkEqualsLinearisingTheArticleAlone() {
        String report = "<p>一、总体情况</p><p>" + "本年度报告根据条例编制。".repeat(30) + "</p><table><tr><td>本年新收</td><td>3</td>"
                + "<td> </td></tr><tr><th>二</th><td>1<br>2</td></tr></table>";
        List<String> pages = List.of(
                "<div class=nav><a>首页</a></div><div class=TRS_Editor>" + report + "</div><p>页脚</p>",
                "<div id=zoom><div class=content>" + report + "</div></div>",
                "<noscript><div class=content>" + report + "</div></noscript><p>x</p>",
                "<table><tr><td><div class=article_content>" + report + "</div></td></tr></table>",
                "<table class=content><tr><td>" + "很长的单元格文字".repeat(30) + "</td><td>4</td></tr></table>",
                "<div><div>" + report + "</div><div><a>链接</a></div></div>",
                "<article>" + report + "</article><article>" + report + "</article>");
        for (String page : pages) {
            String html = "<html><head><title>标题</title><meta name=PubDate content=2020-01-31></head><body>" + page
                    + "</body></html>";
            Document doc = Jsoup.parse(html);
            Element article = HtmlTextExtractor.findArticle(doc);
            String expected = article == doc.body() ? "发布时间: 2020-01-31\n" + HtmlTextExtractor.linearize(article)
                    : HtmlTextExtractor.linearize(article);
            String pageText = "发布时间: 2020-01-31\n" + HtmlTextExtractor.linearize(doc.body());
            if (!expected.contains("本年新收") && pageText.contains("本年新收")) {
                expected = pageText;
            }
            DocumentText text = HtmlTextExtractor.extract(html, "html", List.of());
            assertEquals(expected, text.body(), page);
            assertEquals(pageText, text.page(), page);
        }
    }

    @Test
    void allElementsAreJsoupsInTheSameOrder() {
        Document doc = Jsoup.parse("<html><head><title>t</title><meta name=a></head><body><div><p>x<b>y</b></p>"
                + "<table><tr><td><span>z</span></td></tr></table></div><svg><g></g></svg><p>w</p></body></html>");
        assertEquals(doc.getAllElements(), HtmlTextExtractor.allElements(doc));
        Element div = doc.selectFirst("div");
        assertEquals(div.getAllElements(), HtmlTextExtractor.allElements(div));
    }

    @Test
    void dataTableRowsAreTabSeparatedWithBlankCellsMarked() {
        Document doc = Jsoup.parse("<table><tr><td>本年新收</td><td> 3 </td><td>&nbsp;</td></tr><tr><td>x</td></tr>"
                + "<tr></tr></table>");
        assertEquals("本年新收\t3\t" + DocumentText.BLANK + "\nx\n", HtmlTextExtractor.linearize(doc.body()));
    }
}
