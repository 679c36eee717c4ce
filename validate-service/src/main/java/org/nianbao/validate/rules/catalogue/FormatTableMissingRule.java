package org.nianbao.validate.rules.catalogue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.CellKeys;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;

/** The three statistical tables are mandatory; without a readable table no arithmetic check can run. */
public final class FormatTableMissingRule extends AbstractRule {

    public FormatTableMissingRule() {
        super("FORMAT.TABLE_MISSING", Severity.ERROR, NATIONAL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        Map<String, List<String>> tables = new LinkedHashMap<>();
        tables.put("二", CellKeys.s2Keys(r.format()));
        tables.put("三", CellKeys.s3Keys(r));
        tables.put("四", CellKeys.s4Keys());
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> t : tables.entrySet()) {
            boolean anyValue = t.getValue().stream().anyMatch(k -> r.cell(k) != null);
            if (!anyValue) {
                boolean printed = t.getValue().stream().anyMatch(r::hasCell);
                String key = printed ? "FORMAT.TABLE_MISSING.unreadable" : "FORMAT.TABLE_MISSING.missing";
                out.add(finding(in.messages().get(key, t.getKey()), List.of(), null, null));
            }
        }
        return out;
    }
}
