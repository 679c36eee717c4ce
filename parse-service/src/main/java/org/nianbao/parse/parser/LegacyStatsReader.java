package org.nianbao.parse.parser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the statistics of pre-2019 reports (no national format: local 统计表 with 主动公开数, 申请数, 答复数, 复议数,
 * 诉讼数…) into {@code legacy.*} keys, with 历年累计 columns as {@code legacy.*.cumulative}; it exists so older
 * reports keep their numbers without inventing 2019/2021 cells.
 */
public final class LegacyStatsReader {

    /** A statistic and the printed labels that name it, most specific first. */
    private record Stat(String key, Pattern label) {
    }

    private static final List<Stat> STATS = List.of(
            stat("legacy.active.total", "主动公开信息数", "主动公开文件数", "主动公开政府信息数", "主动公开信息总数", "主动公开信息"),
            stat("legacy.active.website", "政府网站公开数", "网站公开数", "网站公开"),
            stat("legacy.active.gazette", "政府公报公开数", "政府公报公开", "公报公开"),
            stat("legacy.applications.catalog", "依申请公开信息目录数"),
            stat("legacy.applications.total", "受理依申请公开信息总数", "依申请公开信息总数", "依申请公开总数", "受理申请总数",
                    "申请总数"),
            stat("legacy.applications.in_person", "当面申请数"),
            stat("legacy.applications.letter_fax", "信函、传真申请数", "信函传真申请数"),
            stat("legacy.applications.fax", "传真申请数"),
            stat("legacy.applications.email", "电子邮件申请数"),
            stat("legacy.applications.online", "网上申请数"),
            stat("legacy.applications.letter", "信函申请数"),
            stat("legacy.applications.other", "其他形式申请数", "其它形式申请数"),
            stat("legacy.replies.total", "对申请的答复总数", "答复总数", "对申请的答复数"),
            stat("legacy.replies.partial", "同意部分公开答复数", "同意部分公开"),
            stat("legacy.replies.granted", "同意公开答复数", "同意公开"),
            stat("legacy.replies.refused", "否决公开答复数", "不予公开答复数", "不同意公开答复数", "否决公开", "不予公开"),
            stat("legacy.replies.other", "其他类型答复数"),
            stat("legacy.replies.out_of_scope", "不属于政府信息公开范围", "不属于本行政机关公开"),
            stat("legacy.replies.not_held", "非本机关或信息不存在", "信息不存在", "非本机关"),
            stat("legacy.replies.irrelevant", "与生产生活科研需要无关"),
            stat("legacy.replies.unclear", "申请内容不明确"),
            stat("legacy.review.total", "行政复议数", "行政复议案", "行政复议"),
            stat("legacy.suit.total", "行政诉讼数", "行政诉讼案"),
            stat("legacy.complaints.total", "行政申诉、举报数", "接受行政诉讼、举报数", "申诉、举报数", "举报数", "申诉数"));

    /** A statistic stated in the narrative: a count ("…45条"), or a sentence saying there was none ("未收到…申请"). */
    private record Stated(String key, Pattern count, Pattern none) {
    }

    private static final String CLAUSE = "[^。；;\\n]";
    private static final List<Stated> STATED = List.of(
            new Stated("legacy.active.total",
                    Pattern.compile("主动公开(?:政府)?信息(?:共计|共|总数)?\\s*(\\d+)\\s*条"), null),
            new Stated("legacy.applications.total",
                    Pattern.compile("(?:收到|受理)" + CLAUSE + "{0,16}?申请(?:共计|共)?\\s*(\\d+)\\s*(?:件|条|个)"),
                    Pattern.compile("未(?:收到|受理)" + CLAUSE + "{0,16}?公开(?:的)?申请")),
            new Stated("legacy.review.total",
                    Pattern.compile("行政复议(?:申请|案件)?(?:共计|共)?\\s*(\\d+)\\s*(?:件|起|宗)"),
                    Pattern.compile("未(?:收到|发生)" + CLAUSE + "{0,20}?行政复议")),
            new Stated("legacy.suit.total",
                    Pattern.compile("行政诉讼(?:案件)?(?:共计|共)?\\s*(\\d+)\\s*(?:件|起|宗)"),
                    Pattern.compile("未(?:收到|发生)" + CLAUSE + "{0,20}?行政诉讼")));

    private static final Pattern TABLE_START = Pattern.compile(
            LabelPattern.anyOf("统计表", "指标名称", "附表", "统计指标", "计量单位"));
    private static final Pattern CUMULATIVE = Pattern.compile(LabelPattern.anyOf("历年累计", "累计"));
    private static final Pattern FEES = Pattern.compile("收取[^。\\n]{0,30}?费用[^。\\n]{0,20}?为?\\s*(\\d+(?:\\.\\d+)?)\\s*(万元|元)");

    private LegacyStatsReader() {
    }

    private static Stat stat(String key, String... labels) {
        return new Stat(key, Pattern.compile(LabelPattern.anyOf(labels)));
    }

    /** Every legacy key, in a stable order. */
    public static List<String> keys() {
        List<String> keys = new ArrayList<>();
        for (Stat s : STATS) {
            keys.add(s.key());
            keys.add(s.key() + ".cumulative");
        }
        keys.add("legacy.fees.amount");
        return keys;
    }

    /**
     * Reads the statistics table of {@code norm} (folded body text), its digit splits drawing on the document's
     * {@code budget}; empty when there is none.
     */
    public static Map<String, BigDecimal> read(String norm, Map<String, CellDetail> details, ParseBudget budget) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        RegexScan starts = RegexScan.of(TABLE_START, norm, 0, norm.length());
        Matcher start = starts.matcher();
        int from = -1;
        while (starts.find()) {
            if (hasStatAfter(norm, start.end())) {
                from = start.start();
                break;
            }
        }
        if (from >= 0) {
            boolean cumulative = CUMULATIVE.matcher(norm.substring(from, Math.min(norm.length(), from + 300))).find();
            readTable(norm, from, cumulative, cells, details, budget);
        }
        Matcher fee = RegexScan.first(FEES, norm, 0, norm.length());
        if (fee != null) {
            BigDecimal v = new BigDecimal(fee.group(1));
            if (fee.group(2).equals("元")) {
                v = v.movePointLeft(4);
            }
            cells.put("legacy.fees.amount", TableReader.normalise(v));
            details.put("legacy.fees.amount", new CellDetail(fee.group(1) + fee.group(2), "万元"));
        }
        return cells;
    }

    /**
     * For a report whose {@link #read} found no statistics table: the totals its narrative states (主动公开数, 申请数,
     * 复议数, 诉讼数), the first statement of each; a statistic the text does not state stays absent.
     */
    public static Map<String, BigDecimal> statedWithoutTable(String norm, Map<String, BigDecimal> table,
                                                            Map<String, CellDetail> details) {
        Map<String, BigDecimal> cells = new LinkedHashMap<>();
        if (table.keySet().stream().anyMatch(k -> !k.equals("legacy.fees.amount"))) {
            return cells;
        }
        for (Stated s : STATED) {
            Matcher count = s.count().matcher(norm);
            Matcher none = s.none() == null ? null : s.none().matcher(norm);
            boolean hasCount = count.find();
            boolean hasNone = none != null && none.find();
            if (hasCount && (!hasNone || count.start() < none.start())) {
                cells.put(s.key(), new BigDecimal(count.group(1)));
                details.put(s.key(), new CellDetail(count.group(), s.key().equals("legacy.active.total") ? "条" : "件"));
            } else if (hasNone) {
                cells.put(s.key(), BigDecimal.ZERO);
                details.put(s.key(), new CellDetail(none.group(), null));
            }
        }
        return cells;
    }

    private static boolean hasStatAfter(String norm, int pos) {
        String window = norm.substring(pos, Math.min(norm.length(), pos + 400));
        for (Stat s : STATS) {
            Matcher m = RegexScan.first(s.label(), window, 0, window.length());
            if (m != null && !ValueScanner.scan(window, m.end(), Math.min(window.length(), m.end() + 30)).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    private record Hit(Stat stat, int start, int end) {
    }

    private static void readTable(String norm, int from, boolean cumulative, Map<String, BigDecimal> cells,
                                  Map<String, CellDetail> details, ParseBudget budget) {
        List<Hit> hits = new ArrayList<>();
        for (Stat s : STATS) {
            RegexScan labels = RegexScan.of(s.label(), norm, from, norm.length());
            Matcher m = labels.matcher();
            while (labels.find()) {
                hits.add(new Hit(s, m.start(), m.end()));
            }
        }
        hits.sort((a, b) -> a.start != b.start ? Integer.compare(a.start, b.start) : Integer.compare(b.end, a.end));
        List<Hit> kept = new ArrayList<>();
        int coveredTo = -1;
        for (Hit h : hits) {
            if (h.start >= coveredTo) {
                kept.add(h);
                coveredTo = h.end;
            }
        }
        for (int i = 0; i < kept.size(); i++) {
            Hit h = kept.get(i);
            if (cells.containsKey(h.stat.key())) {
                continue;
            }
            int end = i + 1 < kept.size() ? kept.get(i + 1).start : Math.min(norm.length(), h.end + 60);
            int ordinal = ordinalStart(norm, h.start);
            if (i + 1 < kept.size()) {
                end = ordinalStart(norm, kept.get(i + 1).start);
            }
            List<ValueAtom> atoms = ValueScanner.scan(norm, h.end, Math.max(h.end, end));
            if (atoms.isEmpty() || ordinal < 0) {
                continue;
            }
            int n = cumulative ? 2 : 1;
            RowFit fit = DigitSplitter.fit(atoms, n, n, v -> n == 1 || v.get(1) == null || v.get(0) == null
                    || v.get(1).compareTo(v.get(0)) >= 0, LegacyStatsReader::balanced, budget);
            if (fit.status() == RowFit.Status.EMPTY) {
                continue;
            }
            String unit = unitBetween(norm, h.end, end);
            cells.put(h.stat.key(), fit.values().get(0));
            details.put(h.stat.key(), new CellDetail(fit.raws().get(0), unit));
            if (cumulative) {
                cells.put(h.stat.key() + ".cumulative", fit.values().get(1));
                details.put(h.stat.key() + ".cumulative", new CellDetail(fit.raws().get(1), unit));
            }
        }
    }

    /** Index where a row's ordinal ("2." / "其中：1、") starts, so the previous row's digits end there. */
    private static int ordinalStart(String norm, int labelStart) {
        int i = labelStart;
        int j = i - 1;
        while (j >= 0 && (norm.charAt(j) == ' ')) {
            j--;
        }
        if (j >= 0 && (norm.charAt(j) == '.' || norm.charAt(j) == '、')) {
            int k = j - 1;
            if (k >= 0 && Character.isDigit(norm.charAt(k))) {
                return k;
            }
        }
        return i;
    }

    private static String unitBetween(String norm, int from, int to) {
        String s = norm.substring(from, Math.min(to, from + 20));
        if (s.contains("万元")) {
            return "万元";
        }
        for (String u : List.of("条", "件", "宗", "次", "个", "元")) {
            if (s.contains(u)) {
                return u;
            }
        }
        return null;
    }

    /** Year and cumulative values: prefer the split whose largest value is smallest. */
    private static double balanced(List<BigDecimal> v) {
        double max = 0;
        for (BigDecimal x : v) {
            if (x != null) {
                max = Math.max(max, x.doubleValue());
            }
        }
        return Math.log10(1 + max);
    }
}
