package org.nianbao.validate.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.CellKeys;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.Num;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;

/** Counts of documents, decisions and applications are whole and non-negative; anything else is a typing error. */
public final class CellInvalidRule extends AbstractRule {

    public CellInvalidRule() {
        super("CELL.INVALID", Severity.ERROR, NATIONAL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, Double> e : in.report().cells().entrySet()) {
            String key = e.getKey();
            Double v = e.getValue();
            if (v == null || !CellKeys.isCount(key)) {
                continue;
            }
            if (v < 0) {
                out.add(finding(in.messages().get("CELL.INVALID.negative", CellKeys.label(key), Num.fmt(v)),
                        List.of(key), null, Num.wire(v)));
            } else if (!Num.isWhole(v)) {
                out.add(finding(in.messages().get("CELL.INVALID.fraction", CellKeys.label(key), Num.fmt(v)),
                        List.of(key), null, Num.wire(v)));
            }
        }
        return out;
    }
}
