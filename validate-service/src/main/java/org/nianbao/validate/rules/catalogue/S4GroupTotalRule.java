package org.nianbao.validate.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.Arithmetic;
import org.nianbao.validate.rules.CellKeys;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.Num;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;

/** Each 复议/诉讼 group of table 四 must total its four result columns. */
public final class S4GroupTotalRule extends AbstractRule {

    public S4GroupTotalRule() {
        super("S4.GROUP_TOTAL", Severity.ERROR, NATIONAL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        List<Finding> out = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (String g : CellKeys.S4_GROUPS) {
            String total = CellKeys.s4(g, "total");
            if (!r.hasCell(total)) {
                continue;
            }
            List<String> parts = CellKeys.S4_PARTS.stream().map(p -> CellKeys.s4(g, p)).toList();
            Arithmetic a = Arithmetic.of(r, List.of(total), parts);
            List<String> cells = new ArrayList<>(parts);
            cells.add(0, total);
            String msg = in.messages().get("S4.GROUP_TOTAL.fail", CellKeys.groupLabel(g), Num.fmt(r.cell(total)),
                    Num.fmt(a.sum()));
            judge(in, a, cells, msg, out, held);
        }
        summariseBlanks(in, held, out);
        return out;
    }
}
