package org.nianbao.validate.rules.catalogue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.FormatVersion;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.Num;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.PriorReport;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;

/** 现行有效件数 is a stock: it cannot be below this year's issues and should roll forward from last year's report. */
public final class S2InForceRule extends AbstractRule {

    private static final List<String> ROWS = List.of("rules", "normative");

    public S2InForceRule() {
        super("S2.IN_FORCE", Severity.WARNING, EnumSet.of(FormatVersion.V2021));
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        List<Finding> out = new ArrayList<>();
        Optional<PriorReport> last = in.previousYear();
        for (String row : ROWS) {
            String issuedKey = "s2." + row + ".issued";
            String repealedKey = "s2." + row + ".repealed";
            String inForceKey = "s2." + row + ".in_force";
            String label = in.messages().get("s2.row." + row);
            Double issued = r.cell(issuedKey);
            Double repealed = r.cell(repealedKey);
            Double inForce = r.cell(inForceKey);
            if (issued != null && inForce != null && inForce < issued - 1e-6) {
                out.add(finding(in.messages().get("S2.IN_FORCE.below_issued", label, Num.fmt(inForce),
                        Num.fmt(issued)), List.of(inForceKey, issuedKey), Num.wire(issued), Num.wire(inForce)));
            }
            if (last.isEmpty() || inForce == null || issued == null) {
                continue;
            }
            Double lastInForce = last.get().cells().get(inForceKey);
            if (lastInForce == null) {
                continue;
            }
            double expected = lastInForce + issued - (repealed == null ? 0 : repealed);
            if (!Num.eq(expected, inForce)) {
                out.add(finding(in.messages().get("S2.IN_FORCE.roll_forward", label, Num.fmt(inForce),
                                Num.fmt(lastInForce), Num.fmt(issued), Num.fmt(repealed == null ? 0.0 : repealed),
                                Num.fmt(expected)),
                        List.of(inForceKey, issuedKey, repealedKey), Num.wire(expected), Num.wire(inForce)));
            }
        }
        return out;
    }
}
