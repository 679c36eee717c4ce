package org.nianbao.validate.rules.catalogue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.CellKeys;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.Num;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;

/**
 * Numbers stated in 一、总体情况 must agree with table 三/四. Deliberately conservative: only phrasings that name a table
 * quantity unambiguously are read, and a number is accepted when it matches any reading a report could mean (e.g.
 * received applications with or without last year's carry-over).
 */
public final class TextNarrativeMismatchRule extends AbstractRule {

    /** A narrative phrasing, the table quantity it names and the words its clause must contain to count. */
    private record Claim(String what, Pattern pattern, String requiredWord, List<String> rows,
                         Function<ParsedReportView, List<Double>> accepted) {
    }

    private static final String GAP = "[^。；;\\d]{0,20}?";
    private static final List<String> WITHHELD = rows("withheld_", 8);
    private static final List<String> UNAVAILABLE = rows("unavailable_", 3);
    private static final List<String> REJECTED = rows("rejected_", 5);

    private static final List<Claim> CLAIMS = List.of(
            new Claim("received", Pattern.compile("(?:收到|受理|接收|新收)" + GAP + "申请" + "[^。；;\\d]{0,6}?(\\d+)件"),
                    "申请", List.of("new"), r -> Arrays.asList(opt(row(r, "new")),
                    sum(row(r, "new"), row(r, "carried_in")))),
            new Claim("received", Pattern.compile("(?:收到|受理|接收|新收)[^。；;\\d]{0,10}?(\\d+)件[^。；;\\d]{0,8}?申请"),
                    "申请", List.of("new"), r -> Arrays.asList(opt(row(r, "new")),
                    sum(row(r, "new"), row(r, "carried_in")))),
            new Claim("carried_in", Pattern.compile("上年(?:度)?结转[^。；;\\d]{0,10}?(\\d+)件"), null,
                    List.of("carried_in"), r -> Arrays.asList(opt(row(r, "carried_in")))),
            new Claim("carried_out", Pattern.compile("(\\d+)件[^。；;\\d]{0,20}?(?:结转|顺延)[^。；;\\d]{0,6}?下(?:一)?年"),
                    null, List.of("carried_out"), r -> Arrays.asList(opt(row(r, "carried_out")))),
            new Claim("processed", Pattern.compile("(?:办结|答复)[^。；;\\d]{0,15}?(\\d+)件"), "申请",
                    List.of("processed_total"), r -> Arrays.asList(opt(row(r, "processed_total")))),
            new Claim("granted_partial", Pattern.compile("予以公开(?:及|和|与|、)部分公开[^。；;\\d]{0,4}?(\\d+)件"), null,
                    List.of("granted", "partial"), r -> Arrays.asList(opt(sum(row(r, "granted"), row(r, "partial"))))),
            new Claim("withheld", Pattern.compile("不予公开[^。；;\\d]{0,4}?(\\d+)件"), null, WITHHELD,
                    r -> Arrays.asList(opt(sumRows(r, WITHHELD)))),
            new Claim("unavailable", Pattern.compile("无法提供[^。；;\\d]{0,4}?(\\d+)件"), null, UNAVAILABLE,
                    r -> Arrays.asList(opt(sumRows(r, UNAVAILABLE)))),
            new Claim("rejected", Pattern.compile("不予处理[^。；;\\d]{0,4}?(\\d+)件"), null, REJECTED,
                    r -> Arrays.asList(opt(sumRows(r, REJECTED)))),
            new Claim("review", Pattern.compile("行政复议(?:案件)?[^。；;\\d，,]{0,4}?(\\d+)件"), "公开",
                    List.of(), r -> Arrays.asList(opt(r.cell(CellKeys.s4("review", "total"))))),
            new Claim("suit", Pattern.compile("(?<!复议)(?:行政)?诉讼(?:案件)?[^。；;\\d，,]{0,4}?(\\d+)件"), "公开",
                    List.of(), r -> Arrays.asList(opt(sum(r.cell(CellKeys.s4("suit_direct", "total")),
                    r.cell(CellKeys.s4("suit_after_review", "total")))))));

    private static final Pattern ALL_UPHELD = Pattern.compile("(?:复议|诉讼)[^。；;]{0,30}?均(?:获|被|予以|已)?维持");

    public TextNarrativeMismatchRule() {
        super("TEXT.NARRATIVE_MISMATCH", Severity.WARNING, NATIONAL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        List<Finding> out = new ArrayList<>();
        String text = r.sectionText(1);
        if (text.isBlank() || !r.hasCell(CellKeys.s3("new", "total"))) {
            return out;
        }
        for (String clause : text.split("[。；;\\n]")) {
            if (clause.indexOf('件') < 0) {
                continue; // every claim states a count in 件
            }
            for (Claim claim : CLAIMS) {
                if (claim.requiredWord() != null && !clause.contains(claim.requiredWord())) {
                    continue;
                }
                Matcher m = claim.pattern().matcher(clause);
                while (m.find()) {
                    checkClaim(in, claim, m, out);
                }
            }
            checkAllUpheld(in, clause, out);
        }
        return out;
    }

    private void checkClaim(RuleInput in, Claim claim, Matcher m, List<Finding> out) {
        double stated = Double.parseDouble(m.group(1));
        List<Double> accepted = claim.accepted().apply(in.report()).stream().filter(v -> v != null).toList();
        if (accepted.isEmpty() || accepted.stream().anyMatch(v -> Num.eq(v, stated))) {
            return;
        }
        List<String> cells = claim.rows().isEmpty() ? s4Cells(claim.what())
                : claim.rows().stream().map(row -> CellKeys.s3(row, "total")).toList();
        String span = m.group(0);
        out.add(finding(Severity.WARNING, in.messages().get("TEXT.NARRATIVE_MISMATCH.number", span,
                        in.messages().get("narrative." + claim.what()), Num.fmt(accepted.get(0))),
                cells, Num.wire(accepted.get(0)), Num.wire(stated), span));
    }

    private void checkAllUpheld(RuleInput in, String clause, List<Finding> out) {
        Matcher m = ALL_UPHELD.matcher(clause);
        if (!m.find()) {
            return;
        }
        ParsedReportView r = in.report();
        double total = 0;
        double upheld = 0;
        for (String g : CellKeys.S4_GROUPS) {
            Double t = r.cell(CellKeys.s4(g, "total"));
            Double u = r.cell(CellKeys.s4(g, "upheld"));
            total += t == null ? 0 : t;
            upheld += u == null ? 0 : u;
        }
        if (total > 0 && !Num.eq(total, upheld)) {
            out.add(finding(Severity.WARNING, in.messages().get("TEXT.NARRATIVE_MISMATCH.all_upheld", m.group(0),
                            Num.fmt(total), Num.fmt(upheld)),
                    CellKeys.S4_GROUPS.stream().flatMap(g -> java.util.stream.Stream.of(CellKeys.s4(g, "upheld"),
                            CellKeys.s4(g, "total"))).toList(),
                    Num.wire(upheld), Num.wire(total), m.group(0)));
        }
    }

    private static List<String> s4Cells(String what) {
        return what.equals("review") ? List.of(CellKeys.s4("review", "total"))
                : List.of(CellKeys.s4("suit_direct", "total"), CellKeys.s4("suit_after_review", "total"));
    }

    private static List<String> rows(String prefix, int n) {
        List<String> rows = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            rows.add(prefix + i);
        }
        return rows;
    }

    /** A row's 总计, or the sum of its applicant columns when the 总计 cell is blank; null when nothing is printed. */
    static Double row(ParsedReportView r, String row) {
        Double total = r.cell(CellKeys.s3(row, "total"));
        if (total != null) {
            return total;
        }
        Double sum = null;
        for (String c : CellKeys.S3_APPLICANT_COLUMNS) {
            sum = sum(sum, r.cell(CellKeys.s3(row, c)));
        }
        return sum;
    }

    private static Double sumRows(ParsedReportView r, List<String> rows) {
        Double sum = null;
        for (String row : rows) {
            sum = sum(sum, row(r, row));
        }
        return sum;
    }

    private static Double sum(Double a, Double b) {
        if (a == null) {
            return b;
        }
        return b == null ? a : a + b;
    }

    private static Double opt(Double v) {
        return v;
    }
}
