package org.nianbao.parse.parser.docgen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.nianbao.parse.parser.docgen.ReportModel.Block;
import org.nianbao.parse.parser.docgen.ReportModel.GridCell;
import org.nianbao.parse.parser.docgen.ReportModel.GridTable;
import org.nianbao.parse.parser.docgen.ReportModel.Paragraph;
import org.nianbao.parse.parser.docgen.ReportModel.Style;

/**
 * Builds {@link ReportModel}s from the hand-read fixtures: 平潭 2021 (narrative of page.txt, tables in the 2021
 * national template filled from expected.json) and 上海 2019 (paragraphs and span-merged tables of page.html); it
 * exists so every generated binary holds a report whose cells are known.
 */
public final class FixtureModels {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FixtureModels() {
    }

    static String resource(String path) {
        try (InputStream in = FixtureModels.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode expected(String fixture) {
        try {
            return JSON.readTree(resource("fixtures/" + fixture + "/expected.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- 平潭 2021 ----------------------------------------------------------------------------------------------

    /** 平潭综合实验区 2021: page.txt's narrative, the three tables of the 2021 template, a signature with the date. */
    public static ReportModel pingtan2021() {
        JsonNode exp = expected("pingtan-syq-2021");
        String page = resource("fixtures/pingtan-syq-2021/page.txt");
        String body = page.substring(page.indexOf("-->") + 3, page.lastIndexOf("附件下载")).strip();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Paragraph(exp.get("title").asText(), Style.TITLE));
        List<String> headings = new ArrayList<>();
        exp.get("sections").forEach(h -> headings.add(h.asText()));
        int[] at = new int[headings.size()];
        int from = 0;
        for (int i = 0; i < headings.size(); i++) {
            at[i] = body.indexOf(headings.get(i), from);
            from = at[i] + headings.get(i).length();
        }
        paragraphs(body.substring(0, at[0]), blocks);
        for (int i = 0; i < headings.size(); i++) {
            blocks.add(new Paragraph(headings.get(i), Style.HEADING));
            String text = body.substring(at[i] + headings.get(i).length(),
                    i + 1 < headings.size() ? at[i + 1] : body.length());
            switch (i + 1) {
                case 2 -> blocks.add(table2of2021(exp.get("activeDisclosure")));
                case 3 -> blocks.add(table3of2021(exp.get("applications")));
                case 4 -> blocks.add(table4(exp.get("reviewLitigation")));
                default -> paragraphs(text, blocks);
            }
        }
        blocks.add(new Paragraph("平潭综合实验区政府信息公开工作领导小组办公室", Style.SIGNATURE));
        blocks.add(new Paragraph("2022年2月8日", Style.SIGNATURE));
        return new ReportModel(exp.get("title").asText(), blocks);
    }

    /** Splits run-together narrative before each "（一）" that starts a sentence. */
    private static void paragraphs(String text, List<Block> blocks) {
        Matcher m = Pattern.compile("(?<=[。:：])\\s*(?=（[一二三四五六七八九]）)").matcher(text);
        int start = 0;
        while (m.find()) {
            add(text.substring(start, m.start()), blocks);
            start = m.end();
        }
        add(text.substring(start), blocks);
    }

    private static void add(String text, List<Block> blocks) {
        String t = text.strip();
        if (!t.isEmpty()) {
            blocks.add(new Paragraph(t, Style.BODY));
        }
    }

    private static GridTable table2of2021(JsonNode active) {
        List<List<GridCell>> rows = new ArrayList<>();
        rows.add(List.of(new GridCell("第二十条第（一）项", 4, 1)));
        rows.add(GridCell.row("信息内容", "本年制发件数", "本年废止件数", "现行有效件数"));
        for (String label : List.of("规章", "行政规范性文件")) {
            List<GridCell> row = new ArrayList<>(List.of(GridCell.of(label)));
            active.get(label).forEach(v -> row.add(GridCell.of(number(v))));
            rows.add(row);
        }
        String[][] groups = {{"第二十条第（五）项", "本年处理决定数量", "行政许可"},
            {"第二十条第（六）项", "本年处理决定数量", "行政处罚", "行政强制"},
            {"第二十条第（八）项", "本年收费金额（单位：万元）", "行政事业性收费"}};
        for (String[] g : groups) {
            rows.add(List.of(new GridCell(g[0], 4, 1)));
            rows.add(List.of(GridCell.of("信息内容"), new GridCell(g[1], 3, 1)));
            for (int i = 2; i < g.length; i++) {
                rows.add(List.of(GridCell.of(g[i]), new GridCell(number(active.get(g[i]).get(0)), 3, 1)));
            }
        }
        return new GridTable(rows, 0, new double[] {3, 2, 2, 2});
    }

    /** Table 三 of the 2021 template: the 22 outcome rows under one narrow "三、本年度办理结果" cell. */
    private static GridTable table3of2021(JsonNode applications) {
        List<List<GridCell>> rows = new ArrayList<>();
        rows.add(List.of(new GridCell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3),
                new GridCell("申请人情况", 7, 1)));
        rows.add(List.of(new GridCell("自然人", 1, 2), new GridCell("法人或其他组织", 5, 1), new GridCell("总计", 1, 2)));
        rows.add(GridCell.row("商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"));
        List<String> labels = new ArrayList<>();
        applications.fieldNames().forEachRemaining(labels::add);
        String group = null;
        for (String label : labels) {
            List<GridCell> row = new ArrayList<>();
            if (label.startsWith("一、") || label.startsWith("二、") || label.startsWith("四、")) {
                row.add(new GridCell(label, 3, 1));
            } else {
                if (label.startsWith("（一）")) {
                    row.add(new GridCell("三、本年度办理结果", 1, 22));
                }
                int space = label.indexOf(' ');
                if (space < 0) {
                    row.add(new GridCell(label, 2, 1));
                } else {
                    String g = label.substring(0, space);
                    if (!g.equals(group)) {
                        group = g;
                        row.add(new GridCell(g, 1, (int) labels.stream().filter(l -> l.startsWith(g + " ")).count()));
                    }
                    row.add(GridCell.of(label.substring(space + 1)));
                }
            }
            applications.get(label).forEach(v -> row.add(GridCell.of(number(v))));
            rows.add(row);
        }
        return new GridTable(rows, 3, new double[] {1.1, 2.6, 5.2, 1.5, 1.5, 1.5, 1.5, 1.5, 1.3, 1.3});
    }

    /** Table 四 (same printed form in 2019 and 2021): 15 narrow columns, header words wrapped char by char. */
    private static GridTable table4(JsonNode values) {
        List<List<GridCell>> rows = GridCell.table4Header();
        List<GridCell> data = new ArrayList<>();
        values.forEach(v -> data.add(GridCell.of(number(v))));
        rows.add(data);
        return new GridTable(rows, 3, null);
    }


    /** A JSON value as printed: null is a blank cell, strings (e.g. "251000元") as they are. */
    private static String number(JsonNode v) {
        if (v == null || v.isNull()) {
            return "";
        }
        return v.isTextual() ? v.asText() : v.decimalValue().toPlainString();
    }

    // ---- 上海 2019 ----------------------------------------------------------------------------------------------

    /** 上海市人民政府办公厅 2019: the paragraphs and the three span-merged tables of page.html as printed. */
    public static ReportModel shanghai2019() {
        JsonNode exp = expected("shanghai-bgt-2019");
        Element root = Jsoup.parseBodyFragment(resource("fixtures/shanghai-bgt-2019/page.html")).body();
        List<Block> blocks = new ArrayList<>();
        for (Element e : root.children()) {
            if (e.normalName().equals("table")) {
                blocks.add(htmlTable(e));
                continue;
            }
            String text = e.text().strip();
            if (text.isEmpty()) {
                continue;
            }
            Style style = blocks.isEmpty() ? Style.TITLE
                    : e.attr("style").contains("center") ? Style.CENTERED
                    : text.matches("^[一二三四五六]、.{2,40}") ? Style.HEADING : Style.BODY;
            blocks.add(new Paragraph(text, style));
        }
        return new ReportModel(exp.get("title").asText(), blocks);
    }

    private static GridTable htmlTable(Element table) {
        List<List<GridCell>> rows = new ArrayList<>();
        int header = -1;
        for (Element tr : table.select("tr")) {
            List<GridCell> row = new ArrayList<>();
            boolean digits = false;
            for (Element td : tr.select("> td, > th")) {
                String text = cellText(td);
                digits |= text.matches(".*\\d.*") && !text.contains("第");
                row.add(new GridCell(text, span(td.attr("colspan")), span(td.attr("rowspan"))));
            }
            if (digits && header < 0) {
                header = rows.size();
            }
            rows.add(row);
        }
        boolean repeats = table.text().contains("申请人情况") || table.text().contains("行政复议");
        return new GridTable(rows, repeats ? Math.max(header, 0) : 0, null);
    }

    private static String cellText(Element td) {
        StringBuilder b = new StringBuilder();
        collect(td, b);
        return b.toString().replaceAll("[ \\t\\u00a0]+", "").replaceAll("\\n+", "\n").strip();
    }

    private static void collect(Node node, StringBuilder b) {
        if (node instanceof TextNode t) {
            b.append(t.getWholeText());
        } else if (node instanceof Element e) {
            if (e.normalName().equals("br")) {
                b.append('\n');
            }
            for (Node child : e.childNodes()) {
                collect(child, b);
            }
            if (e.normalName().equals("p") && b.length() > 0 && b.charAt(b.length() - 1) != '\n') {
                b.append('\n');
            }
        }
    }

    private static int span(String attr) {
        return attr == null || attr.isBlank() ? 1 : Integer.parseInt(attr.trim());
    }
}
