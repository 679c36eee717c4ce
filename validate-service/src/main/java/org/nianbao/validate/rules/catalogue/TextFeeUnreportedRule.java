package org.nianbao.validate.rules.catalogue;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.regex.Pattern;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.FormatVersion;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;

/** The 2021 format requires section 六 to state whether 信息处理费 was charged (国办函〔2020〕109号 fees). */
public final class TextFeeUnreportedRule extends AbstractRule {

    private static final Pattern FEE = Pattern.compile("(信息)?处理费|收费");
    /** A statement elsewhere in the report that actually answers whether the fee was charged. */
    private static final Pattern FEE_STATEMENT = Pattern.compile(
            "(未|无|没有|不)收取[^。；]{0,10}处理费|收取[^。；]{0,10}处理费[^。；]{0,10}\\d|处理费[^。；]{0,6}(为零|为0|\\d+(\\.\\d+)?元)");

    public TextFeeUnreportedRule() {
        super("TEXT.FEE_UNREPORTED", Severity.WARNING, EnumSet.of(FormatVersion.V2021));
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        List<Finding> out = new ArrayList<>();
        if (r.section(6).isEmpty()) {
            return out; // FORMAT.SECTION_MISSING reports the missing section
        }
        if (FEE.matcher(r.sectionText(6)).find()) {
            return out;
        }
        boolean elsewhere = FEE_STATEMENT.matcher(r.narrative()).find();
        out.add(finding(elsewhere ? Severity.INFO : Severity.WARNING,
                in.messages().get(elsewhere ? "TEXT.FEE_UNREPORTED.elsewhere" : "TEXT.FEE_UNREPORTED.missing"),
                List.of(), null, null, null));
        return out;
    }
}
