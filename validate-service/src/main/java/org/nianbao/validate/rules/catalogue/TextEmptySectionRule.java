package org.nianbao.validate.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Section;
import org.nianbao.validate.rules.Severity;

/** Sections 五 (problems and improvements) and 六 (other matters) are often left as "无", which reports nothing. */
public final class TextEmptySectionRule extends AbstractRule {

    private static final Set<String> BOILERPLATE = Set.of("", "无", "暂无", "没有", "无其他需要报告的事项",
            "无其他需要报告事项", "本年度无其他需要报告的事项", "无需要报告的事项", "无其他事项", "其他需要报告的事项无");

    public TextEmptySectionRule() {
        super("TEXT.EMPTY_SECTION", Severity.WARNING, NATIONAL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        List<Finding> out = new ArrayList<>();
        for (int n : new int[] {5, 6}) {
            var section = r.section(n);
            if (section.isEmpty()) {
                continue;
            }
            String text = r.sections().stream().filter(s -> s.number() == n).map(Section::text)
                    .reduce("", String::concat);
            String bare = text.codePoints().filter(Character::isLetter)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
            if (BOILERPLATE.contains(bare)) {
                String name = in.messages().get("section." + n);
                out.add(finding(Severity.WARNING, in.messages().get("TEXT.EMPTY_SECTION.empty", name),
                        List.of(), null, text.strip(), text.strip().isEmpty() ? null : text.strip()));
            }
        }
        return out;
    }
}
