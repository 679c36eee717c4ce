package org.nianbao.validate.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.PriorReport;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;
import org.nianbao.validate.rules.TextFingerprint;

/** Local assessments penalise a narrative more than half copied from last year's report. */
public final class YearCopyTextRule extends AbstractRule {

    /** The share of shingles shared with last year above which the narrative counts as copied. */
    public static final double THRESHOLD = 0.5;
    /** Shorter narratives (in shingles) are too small to judge. */
    static final int MIN_SHINGLES = 200;

    public YearCopyTextRule() {
        super("YEAR.COPY_TEXT", Severity.WARNING, ALL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        List<Finding> out = new ArrayList<>();
        Optional<PriorReport> last = in.previousYear();
        if (last.isEmpty() || last.get().fingerprint().size() < MIN_SHINGLES) {
            return out;
        }
        TextFingerprint now = TextFingerprint.of(r.narrative());
        if (now.size() < MIN_SHINGLES) {
            return out;
        }
        double share = now.containedIn(last.get().fingerprint());
        if (share > THRESHOLD) {
            String pct = Math.round(share * 100) + "%";
            out.add(finding(in.messages().get("YEAR.COPY_TEXT.copied", pct, r.year() - 1), List.of(),
                    "≤" + Math.round(THRESHOLD * 100) + "%", pct));
        }
        return out;
    }
}
