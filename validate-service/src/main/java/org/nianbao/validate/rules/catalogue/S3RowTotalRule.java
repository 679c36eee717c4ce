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

/** Each row of table 三 must total its six applicant columns; a wrong 总计 misleads every aggregate built on it. */
public final class S3RowTotalRule extends AbstractRule {

    public S3RowTotalRule() {
        super("S3.ROW_TOTAL", Severity.ERROR, NATIONAL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        List<Finding> out = new ArrayList<>();
        List<String> held = new ArrayList<>();
        for (String row : CellKeys.s3Rows(r)) {
            String total = CellKeys.s3(row, "total");
            if (!r.hasCell(total)) {
                continue;
            }
            List<String> parts = CellKeys.S3_APPLICANT_COLUMNS.stream().map(c -> CellKeys.s3(row, c)).toList();
            Arithmetic a = Arithmetic.of(r, List.of(total), parts);
            List<String> cells = new ArrayList<>(parts);
            cells.add(0, total);
            String msg = in.messages().get("S3.ROW_TOTAL.fail", CellKeys.rowLabel(row), Num.fmt(r.cell(total)),
                    Num.fmt(a.sum()));
            judge(in, a, cells, msg, out, held);
        }
        summariseBlanks(in, held, out);
        return out;
    }
}
