package org.nianbao.validate.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;

/** 条例 第五十条 fixes six sections; a missing one means required content was not reported. */
public final class FormatSectionMissingRule extends AbstractRule {

    public FormatSectionMissingRule() {
        super("FORMAT.SECTION_MISSING", Severity.ERROR, NATIONAL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        List<Finding> out = new ArrayList<>();
        for (int n = 1; n <= 6; n++) {
            if (r.section(n).isEmpty()) {
                String name = in.messages().get("section." + n);
                out.add(finding(Severity.ERROR, in.messages().get("FORMAT.SECTION_MISSING.missing", name),
                        List.of(), name, null, null));
            }
        }
        return out;
    }
}
