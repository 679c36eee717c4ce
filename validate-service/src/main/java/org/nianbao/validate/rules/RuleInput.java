package org.nianbao.validate.rules;

import java.util.Optional;

/** Everything one rule run sees, so rule signatures stay stable when more context is added. */
public record RuleInput(ParsedReportView report, ReportHistory history, ValidationContext context, Messages messages) {

    /** Last year's report of the same agency, when there is one (the cross-year rules compare against it). */
    public Optional<PriorReport> previousYear() {
        return report.year() == null ? Optional.empty() : history.forYear(report.year() - 1);
    }
}
