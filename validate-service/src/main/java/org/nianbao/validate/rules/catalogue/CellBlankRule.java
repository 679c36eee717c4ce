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

/** The format requires a number in every cell; blanks and "/" leave a reader guessing whether they mean 0. */
public final class CellBlankRule extends AbstractRule {

    public CellBlankRule() {
        super("CELL.BLANK", Severity.WARNING, NATIONAL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        Map<String, List<String>> required = new LinkedHashMap<>();
        required.put("二", CellKeys.s2Keys(r.format()));
        required.put("三", CellKeys.s3Keys(r));
        required.put("四", CellKeys.s4Keys());
        List<Finding> out = new ArrayList<>();
        for (Map.Entry<String, List<String>> table : required.entrySet()) {
            List<String> keys = table.getValue();
            if (keys.stream().noneMatch(k -> r.cell(k) != null)) {
                continue; // the whole table is missing or unreadable: FORMAT.TABLE_MISSING says so
            }
            List<String> blank = keys.stream().filter(k -> r.cell(k) == null).toList();
            if (!blank.isEmpty()) {
                out.add(finding(in.messages().get("CELL.BLANK.table", table.getKey(), blank.size()), blank,
                        null, null));
            }
        }
        return out;
    }
}
