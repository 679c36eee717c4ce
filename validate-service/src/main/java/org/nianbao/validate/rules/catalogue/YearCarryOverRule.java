package org.nianbao.validate.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.CellKeys;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.Num;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.PriorReport;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;

/** Applications carried into this year must be the ones last year's report carried out, column by column. */
public final class YearCarryOverRule extends AbstractRule {

    public YearCarryOverRule() {
        super("YEAR.CARRY_OVER", Severity.ERROR, NATIONAL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        List<Finding> out = new ArrayList<>();
        Optional<PriorReport> last = in.previousYear();
        if (last.isEmpty()) {
            return out;
        }
        Map<String, Double> lastCells = last.get().cells();
        for (String col : CellKeys.S3_COLUMNS) {
            String inKey = CellKeys.s3("carried_in", col);
            String outKey = CellKeys.s3("carried_out", col);
            if (!r.hasCell(inKey) || !lastCells.containsKey(outKey)) {
                continue;
            }
            Double now = r.cell(inKey);
            Double before = lastCells.get(outKey);
            double a = now == null ? 0 : now;
            double b = before == null ? 0 : before;
            if (Num.eq(a, b)) {
                continue;
            }
            boolean blank = now == null || before == null;
            String msg = in.messages().get("YEAR.CARRY_OVER.fail", CellKeys.columnLabel(col), Num.fmt(now),
                    r.year() - 1, Num.fmt(before))
                    + (blank ? in.messages().get("suffix.blank_as_zero") : "");
            out.add(finding(blank ? Severity.WARNING : Severity.ERROR, msg, List.of(inKey),
                    Num.wire(b), Num.wire(a), null));
        }
        return out;
    }
}
