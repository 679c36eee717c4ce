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

/** 三（七）总计 must equal the sum of all outcome rows; reports can balance and still fail here (平潭 2020). */
public final class S3OutcomeTotalRule extends AbstractRule {

    public S3OutcomeTotalRule() {
        super("S3.OUTCOME_TOTAL", Severity.ERROR, NATIONAL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        List<Finding> out = new ArrayList<>();
        List<String> held = new ArrayList<>();
        List<String> rows = CellKeys.outcomeRows(r);
        for (String col : CellKeys.S3_COLUMNS) {
            String total = CellKeys.s3("processed_total", col);
            if (!r.hasCell(total)) {
                continue;
            }
            List<String> parts = rows.stream().map(row -> CellKeys.s3(row, col)).toList();
            Arithmetic a = Arithmetic.of(r, List.of(total), parts);
            List<String> cells = new ArrayList<>(parts);
            cells.add(0, total);
            String msg = in.messages().get("S3.OUTCOME_TOTAL.fail", CellKeys.columnLabel(col),
                    Num.fmt(r.cell(total)), Num.fmt(a.sum()));
            judge(in, a, cells, msg, out, held);
        }
        summariseBlanks(in, held, out);
        return out;
    }
}
