package org.nianbao.validate.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.CellDetail;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.Num;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;

/**
 * Money in table 二 is in 万元; an amount whose size or printed unit suggests 元 was written as 万元 (or the reverse)
 * distorts every provincial total.
 */
public final class S2UnitRule extends AbstractRule {

    /** 100 亿元: above this a single agency's fees or procurement in 万元 are almost surely 元. */
    static final double MAX_PLAUSIBLE_WAN = 1_000_000;
    /** 100 元: below this a procurement total printed in 元 is almost surely 万元. */
    static final double MIN_PLAUSIBLE_WAN = 0.01;

    private static final List<String> AMOUNTS = List.of("s2.fees.amount", "s2.procurement.amount");

    public S2UnitRule() {
        super("S2.UNIT", Severity.WARNING, NATIONAL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        List<Finding> out = new ArrayList<>();
        for (String key : AMOUNTS) {
            Double v = r.cell(key);
            if (v == null || v <= 0) {
                continue;
            }
            CellDetail d = r.cellDetails().get(key);
            String unit = d == null || d.unit() == null ? "万元" : d.unit();
            String raw = d == null || d.raw() == null ? Num.fmt(v) : d.raw();
            String label = in.messages().get("s2.amount." + key);
            if (v >= MAX_PLAUSIBLE_WAN) {
                out.add(finding(in.messages().get("S2.UNIT.too_large", label, raw, unit, Num.fmt(v)),
                        List.of(key), null, Num.wire(v)));
            } else if (v < MIN_PLAUSIBLE_WAN && "元".equals(unit)) {
                out.add(finding(in.messages().get("S2.UNIT.too_small", label, raw), List.of(key), null,
                        Num.wire(v)));
            }
        }
        return out;
    }
}
