package org.nianbao.validate.rules.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.RuleDescriptor;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;
import org.nianbao.validate.rules.ValidationContext;

/**
 * An agency on the register with no report after its deadline; it runs over the register, not over a report, so
 * {@link #check(RuleInput)} finds nothing and {@link #checkAgency} does the work.
 */
public final class PublishMissingRule extends AbstractRule {

    public PublishMissingRule() {
        super("PUBLISH.MISSING", Severity.ERROR, ALL, RuleDescriptor.Scope.REGISTER);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        return List.of();
    }

    /**
     * The finding for one registered agency and the report year, when its deadline has passed and no report exists.
     */
    public Optional<Finding> checkAgency(String agencyName, String agencyKind, String agencyLevel, String province,
                                         int year, boolean hasReport, ValidationContext ctx) {
        if (hasReport) {
            return Optional.empty();
        }
        Optional<LocalDate> deadline = ctx.deadlines().deadlineFor(year, null, agencyKind, agencyLevel, province);
        if (deadline.isEmpty() || !ctx.today().isAfter(deadline.get())) {
            return Optional.empty();
        }
        String msg = org.nianbao.validate.rules.Messages.defaults().get("PUBLISH.MISSING.missing", agencyName, year,
                deadline.get());
        return Optional.of(finding(msg, List.of(), deadline.get().toString(), null));
    }
}
