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

/** Table 三's printed identity (一 + 二 = 三（七）+ 四) per column, the first thing a reviewer checks. */
public final class S3BalanceRule extends AbstractRule {

    public S3BalanceRule() {
        super("S3.BALANCE", Severity.ERROR, NATIONAL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        List<Finding> out = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (String col : CellKeys.S3_COLUMNS) {
            String n = CellKeys.s3("new", col);
            String c = CellKeys.s3("carried_in", col);
            String p = CellKeys.s3("processed_total", col);
            String o = CellKeys.s3("carried_out", col);
            if (!r.hasCell(n) && !r.hasCell(p)) {
                continue;
            }
            Arithmetic left = Arithmetic.of(r, List.of(n, c), List.of());
            Arithmetic right = Arithmetic.of(r, List.of(p, o), List.of());
            Arithmetic a = Arithmetic.of(r, List.of(n, c), List.of(p, o));
            String msg = in.messages().get("S3.BALANCE.fail", CellKeys.columnLabel(col),
                    Num.fmt(r.cell(n)), Num.fmt(r.cell(c)), Num.fmt(left.declared()),
                    Num.fmt(r.cell(p)), Num.fmt(r.cell(o)), Num.fmt(right.declared()));
            judge(in, a, List.of(n, c, p, o), msg, out, held);
        }
        summariseBlanks(in, held, out);
        return out;
    }
}
