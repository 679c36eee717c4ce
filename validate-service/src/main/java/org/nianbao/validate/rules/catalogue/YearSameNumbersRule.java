package org.nianbao.validate.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.PriorReport;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;

/** Tables identical to last year's (with real activity in them) were most likely copied, not counted. */
public final class YearSameNumbersRule extends AbstractRule {

    public YearSameNumbersRule() {
        super("YEAR.SAME_NUMBERS", Severity.WARNING, NATIONAL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        List<Finding> out = new ArrayList<>();
        Optional<PriorReport> last = in.previousYear();
        if (last.isEmpty() || last.get().format() != r.format()) {
            return out;
        }
        Map<String, Double> before = last.get().cells();
        List<String> keys = r.cells().keySet().stream()
                .filter(k -> k.startsWith("s2.") || k.startsWith("s3.") || k.startsWith("s4.")).toList();
        if (keys.isEmpty()) {
            return out;
        }
        boolean anyNonZero = false;
        for (String k : keys) {
            if (!before.containsKey(k) || !Objects.equals(before.get(k), r.cell(k))) {
                return out;
            }
            Double v = r.cell(k);
            anyNonZero |= v != null && v != 0;
        }
        if (anyNonZero) {
            out.add(finding(in.messages().get("YEAR.SAME_NUMBERS.same", r.year() - 1, keys.size()), keys, null,
                    null));
        }
        return out;
    }
}
