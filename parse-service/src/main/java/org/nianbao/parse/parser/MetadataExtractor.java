package org.nianbao.parse.parser;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads title, agency, covered year and publication date from a report's page text, title line and signature;
 * it exists because that metadata is printed in many different places and forms.
 */
public final class MetadataExtractor {

    private static final Pattern TITLE_FIELD = Pattern.compile("(?m)^\\s*(?:标题|文章标题|题名|名称)\\s*[:：]\\s*(\\S.{3,120}?)\\s*$");
    private static final Pattern TITLE_INLINE = Pattern.compile(
            "((?:[\\u4e00-\\u9fff()（）\\d]{2,40}?)?(?:19|20)\\d{2}\\s*年度?(?:[\\u4e00-\\u9fff]| (?! ))"
                    + "{0,24}?(?:年度报告|年报))");
    /** "…工作年度报告（2021年度）": the year printed after the report name. */
    private static final Pattern TRAILING_YEAR = Pattern.compile("[(（]\\s*(?:19|20)\\d{2}\\s*年度?\\s*[)）]$");
    private static final Pattern YEAR = Pattern.compile("((?:19|20)\\d{2})\\s*年");
    private static final Pattern LEADING_YEAR = Pattern.compile("(?:19|20)\\d{2}\\s*年");
    /** A line holding only an agency name: Han characters (and brackets), no sentence punctuation, no report name. */
    private static final Pattern AGENCY_LINE = Pattern.compile("(?!.*(?:报告|年报|公开))[\\u4e00-\\u9fff()（）·]{2,40}");
    private static final Pattern HAN_YEAR = Pattern.compile("([〇○零一二三四五六七八九]{4})\\s*年");
    private static final Pattern PERIOD_YEAR = Pattern.compile("统计期限[^。\\n]{0,6}?((?:19|20)\\d{2})\\s*年\\s*1\\s*月");
    private static final String DATE = "((?:19|20)\\d{2})\\s*[-年/.]\\s*(\\d{1,2})\\s*[-月/.]\\s*(\\d{1,2})";
    /** Between a date label and its date: "：", "】", "【", "[" as CMS templates print them. */
    private static final String LABEL_TO_DATE = "\\s*[】\\]]?\\s*[:：]?\\s*[【\\[(]?\\s*";
    private static final Pattern PUBLISHED_LABELLED = Pattern.compile(
            "(?:发布时间|发布日期|公开日期|公开时间|发稿时间|上网时间|上网日期)" + LABEL_TO_DATE + DATE);
    /** Dates of writing, not of publication: used only when no publication date is labelled (成文 ≤ 发布). */
    private static final Pattern WRITTEN_LABELLED = Pattern.compile(
            "(?:发文日期|成文日期|印发日期|生成日期|成文时间)" + LABEL_TO_DATE + DATE);
    private static final Pattern PUBLISHED_LOOSE = Pattern.compile("(?:时间|日期)\\s*[:：]\\s*" + DATE);
    private static final Pattern DATE_LINE = Pattern.compile("(?m)^[\\s•·\\-\\[【(]*" + DATE
            + "(?:\\s+\\d{1,2}:\\d{2}(?::\\d{2})?)?\\s*[\\]】)]?\\s*$");
    private static final Pattern SIGNATURE = Pattern.compile(
            "((?:19|20)\\d{2}|[〇○零一二三四五六七八九]{4})\\s*年\\s*(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*月\\s*"
                    + "(\\d{1,2}|[一二三四五六七八九十]{1,3})\\s*日");
    private static final Pattern SOURCE = Pattern.compile(
            "(?:来源|发布机构|发文机关|信息来源|来源单位|发布单位)\\s*[:：]\\s*([\\u4e00-\\u9fff()（）]{2,40})");
    private static final Pattern REPORT_NAME = Pattern.compile(
            "(?:关于)?(?:政府信息公开|政务公开|信息公开|政府信息)(?:工作)?(?:年度)?(?:报告|年报|工作年度报告)?.*$");

    private static final Pattern LIST_DATE = Pattern.compile(DATE);
    /** Where a page title's site suffix begins: "标题_网站", "标题|网站", "标题 - 网站". */
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("[_|]|\\s-\\s|\\s—\\s");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("[\\s\\u3000]+");
    private static final Pattern TITLE_YEAR = Pattern.compile("[(（]?(?:19|20)\\d{2}\\s*年度?[)）]?");
    private static final Pattern AGENCY_EDGES = Pattern.compile("^(?:关于|[:：,，、\\-])+|[:：,，、\\-]+$");

    private MetadataExtractor() {
    }

    public static ReportMetadata extract(DocumentText doc, ParseHints hints) {
        String body = TextNormalizer.fold(doc.body());
        return extract(doc, doc.page() == doc.body() ? body : TextNormalizer.fold(doc.page()), body, hints);
    }

    /** @param page the folded page text; @param body the folded body text */
    public static ReportMetadata extract(DocumentText doc, String page, String body, ParseHints hints) {
        String title = title(page, body, doc.declaredTitle(), hints);
        String source = source(head(page, 6000));
        String agency = agency(title);
        if (agency == null) {
            agency = source != null ? source : hints.siteName();
        }
        Integer year = year(title, body);
        String published = labelledDate(page, PUBLISHED_LABELLED);
        if (published == null) {
            published = labelledDate(page, WRITTEN_LABELLED);
        }
        if (published == null) {
            published = date(PUBLISHED_LOOSE, head(page, 3000));
        }
        if (published == null) {
            published = date(DATE_LINE, head(page, 1500));
        }
        if (published == null && hints.listDate() != null) {
            published = date(LIST_DATE, hints.listDate());
        }
        boolean fromSignature = false;
        if (published == null) {
            published = signatureDate(body);
            fromSignature = published != null;
        }
        if (year == null && published != null) {
            year = Integer.parseInt(published.substring(0, 4)) - 1;
        }
        return new ReportMetadata(title, agency, source, year, published, fromSignature);
    }

    private static String head(String s, int n) {
        return s.length() <= n ? s : s.substring(0, n);
    }

    static String title(String page, String body, String declared, ParseHints hints) {
        String t = titleField(head(page, 6000));
        if (t != null && t.contains("报告")) {
            return clean(t);
        }
        String line = titleLine(head(body, 5000));
        if (line == null) {
            line = titleLine(head(page, 8000));
        }
        if (line != null) {
            return clean(line);
        }
        Matcher m;
        if (declared != null && declared.contains("报告")) {
            return clean(TITLE_SEPARATOR.split(declared)[0]);
        }
        m = TITLE_INLINE.matcher(head(body, 3000));
        if (m.find()) {
            return clean(m.group(1));
        }
        if (hints.listTitle() != null) {
            return clean(hints.listTitle());
        }
        return declared == null ? null : clean(declared);
    }

    private static String clean(String s) {
        return WHITESPACE_RUN.matcher(s).replaceAll(" ").strip();
    }

    /**
     * The first short line that ends like a report title (…年度报告 / 年报) and mentions 公开; a title line that starts
     * with its year takes the agency printed alone on the line above it (PDF and Word title blocks break there).
     */
    private static String titleLine(String text) {
        int start = 0;
        String previous = null;
        while (start < text.length()) {
            int end = text.indexOf('\n', start);
            if (end < 0) {
                end = text.length();
            }
            String line = end - start <= 90 ? text.substring(start, end).strip() : null;
            if (line != null) {
                while (!line.isEmpty() && (line.charAt(0) == '•' || line.charAt(0) == '·')) {
                    line = line.substring(1).strip();
                }
                String bare = TRAILING_YEAR.matcher(line).replaceFirst("");
                if (line.length() >= 4 && line.length() <= 82
                        && (bare.endsWith("报告") || bare.endsWith("年报"))
                        && line.contains("公开") && !line.contains("。") && !line.contains(">")) {
                    return agencyLine(previous) && LEADING_YEAR.matcher(line).lookingAt() ? previous + line : line;
                }
            }
            if (line == null || !line.isEmpty()) {
                previous = line;
            }
            start = end + 1;
        }
        return null;
    }

    /** A line that is only an agency's name ("淮安市人民政府"), not page chrome ("首页", "正文"). */
    private static boolean agencyLine(String line) {
        return line != null && AGENCY_LINE.matcher(line).matches() && !"other".equals(AgencyClassifier.kind(line));
    }

    /** A "标题: …" line (crawler or CMS field). */
    private static String titleField(String page) {
        for (String anchor : new String[] {"标题", "题名", "名称"}) {
            int idx = page.indexOf(anchor);
            while (idx >= 0) {
                int lineStart = page.lastIndexOf('\n', idx) + 1;
                if (page.substring(lineStart, idx).isBlank() || page.startsWith("文章", lineStart)) {
                    Matcher m = TITLE_FIELD.matcher(page).region(lineStart, Math.min(page.length(), idx + 140));
                    if (m.find()) {
                        return m.group(1).strip();
                    }
                }
                idx = page.indexOf(anchor, idx + 2);
            }
        }
        return null;
    }

    /** 来源/发布机构/发文机关/发布单位: found by indexOf, then read with the pattern. */
    private static String source(String page) {
        int best = Integer.MAX_VALUE;
        String found = null;
        for (String anchor : new String[] {"来源", "发布机构", "发文机关", "发布单位"}) {
            int idx = page.indexOf(anchor);
            while (idx >= 0 && idx < best) {
                Matcher m = SOURCE.matcher(page).region(Math.max(0, idx - 2), Math.min(page.length(), idx + 60));
                if (m.find() && m.start() <= idx) {
                    best = idx;
                    found = m.group(1).strip();
                    break;
                }
                idx = page.indexOf(anchor, idx + anchor.length());
            }
        }
        return found;
    }

    /** The first date labelled 发布时间/发布日期/…: found via the labels' last two characters, then checked. */
    private static String labelledDate(String page, Pattern labelled) {
        int best = Integer.MAX_VALUE;
        String found = null;
        for (String anchor : new String[] {"时间", "日期"}) {
            int idx = page.indexOf(anchor);
            while (idx >= 0 && idx < best) {
                int from = Math.max(0, idx - 3);
                Matcher m = labelled.matcher(page).region(from, Math.min(page.length(), idx + 40));
                if (m.find() && m.start() <= idx) {
                    String d = iso(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
                    if (d != null) {
                        best = idx;
                        found = d;
                        break;
                    }
                }
                idx = page.indexOf(anchor, idx + 2);
            }
        }
        return found;
    }

    /** The agency is what the title says besides the year and the report's name. */
    static String agency(String title) {
        if (title == null) {
            return null;
        }
        String t = TextNormalizer.squeeze(TextNormalizer.fold(title));
        t = TITLE_YEAR.matcher(t).replaceAll("");
        t = REPORT_NAME.matcher(t).replaceFirst("");
        t = AGENCY_EDGES.matcher(t).replaceAll("");
        if (t.endsWith("人民")) {
            t = t + "政府"; // "…区人民政府信息公开工作年度报告" shares 政府 between the agency and the report name
        }
        return t.length() >= 2 ? t : null;
    }

    static Integer year(String title, String body) {
        if (title != null) {
            Matcher m = YEAR.matcher(TextNormalizer.fold(title));
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
            m = HAN_YEAR.matcher(title);
            if (m.find()) {
                return hanYear(m.group(1));
            }
        }
        Matcher m = RegexScan.first(PERIOD_YEAR, body, 0, body.length());
        if (m != null) {
            return Integer.parseInt(m.group(1));
        }
        return null;
    }

    private static String firstGroup(Pattern p, String s) {
        Matcher m = p.matcher(s);
        return m.find() ? m.group(1).strip() : null;
    }

    private static String date(Pattern p, String s) {
        RegexScan dates = RegexScan.of(p, s, 0, s.length());
        Matcher m = dates.matcher();
        while (dates.find()) {
            String d = iso(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            if (d != null) {
                return d;
            }
        }
        return null;
    }

    static String signatureDate(String body) {
        String tail = body.length() > 600 ? body.substring(body.length() - 600) : body;
        Matcher m = SIGNATURE.matcher(tail);
        String last = null;
        while (m.find()) {
            Integer y = m.group(1).chars().allMatch(Character::isDigit) ? Integer.valueOf(m.group(1)) : hanYear(m.group(1));
            Integer mo = number(m.group(2));
            Integer d = number(m.group(3));
            if (y != null && mo != null && d != null) {
                String iso = iso(y, mo, d);
                if (iso != null) {
                    last = iso;
                }
            }
        }
        return last;
    }

    private static String iso(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d).format(DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static Integer hanYear(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            int v = "〇一二三四五六七八九".indexOf(c);
            if (c == '○' || c == '零') {
                v = 0;
            }
            if (v < 0) {
                return null;
            }
            b.append(v);
        }
        return Integer.parseInt(b.toString());
    }

    /** 1–31 written as digits or 一…三十一. */
    static Integer number(String s) {
        if (s.chars().allMatch(Character::isDigit)) {
            return Integer.parseInt(s);
        }
        String digits = "一二三四五六七八九";
        if (s.equals("十")) {
            return 10;
        }
        int ten = s.indexOf('十');
        if (ten < 0) {
            int v = digits.indexOf(s.charAt(0)) + 1;
            return s.length() == 1 && v > 0 ? v : null;
        }
        int tens = ten == 0 ? 1 : digits.indexOf(s.charAt(0)) + 1;
        int ones = ten == s.length() - 1 ? 0 : digits.indexOf(s.charAt(ten + 1)) + 1;
        return tens * 10 + ones;
    }
}
