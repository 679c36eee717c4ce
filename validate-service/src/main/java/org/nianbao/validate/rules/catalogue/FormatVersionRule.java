package org.nianbao.validate.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.CellKeys;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.FormatVersion;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;

/**
 * The format is fixed by the year covered (国办公开办函〔2019〕60号, 〔2021〕30号); an outdated template is an error, a
 * table-三 row set from the other era a warning, because real templates mix eras table by table.
 */
public final class FormatVersionRule extends AbstractRule {

    public FormatVersionRule() {
        super("FORMAT.VERSION", Severity.ERROR, ALL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        List<Finding> out = new ArrayList<>();
        if (r.year() == null || r.format() == null) {
            return out;
        }
        FormatVersion required = FormatVersion.requiredFor(r.year());
        if (required != r.format()) {
            out.add(finding(Severity.ERROR, in.messages().get("FORMAT.VERSION.mismatch", r.year(),
                    in.messages().get("format." + required.wireName()),
                    in.messages().get("format." + r.format().wireName())), List.of(),
                    required.wireName(), r.format().wireName(), null));
            return out;
        }
        if (r.format() == FormatVersion.V2021 && r.hasCell(CellKeys.s3("other", "total"))
                && !r.hasCell(CellKeys.s3("other_1", "total"))) {
            out.add(finding(Severity.WARNING, in.messages().get("FORMAT.VERSION.mixed_other"),
                    List.of(CellKeys.s3("other", "total")), "2021", "2019", null));
        }
        return out;
    }
}
