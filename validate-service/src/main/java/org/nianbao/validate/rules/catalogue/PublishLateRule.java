package org.nianbao.validate.rules.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.LocalDate;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;

/** 条例 第四十九条 deadlines (and the provinces' 乡镇/街道 deadlines) are legal obligations. */
public final class PublishLateRule extends AbstractRule {

    public PublishLateRule() {
        super("PUBLISH.LATE", Severity.ERROR, ALL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        ParsedReportView r = in.report();
        List<Finding> out = new ArrayList<>();
        if (r.draft() || r.publishedAt() == null) {
            return out;
        }
        Optional<LocalDate> deadline = in.context().deadlines().deadlineFor(r);
        if (deadline.isPresent() && r.publishedAt().isAfter(deadline.get())) {
            long days = deadline.get().until(r.publishedAt(), java.time.temporal.ChronoUnit.DAYS);
            out.add(finding(in.messages().get("PUBLISH.LATE.late", r.publishedAt(), deadline.get(), days),
                    List.of(), deadline.get().toString(), r.publishedAt().toString()));
        }
        return out;
    }
}
