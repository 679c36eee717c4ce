package org.nianbao.validate.rules;

import java.time.LocalDate;
import java.util.List;

/**
 * The verdict on one report: findings plus the facts derived while checking (deadline, lateness, agency identity).
 *
 * @param late null when the deadline or publication date is unknown
 */
public record ValidationResult(Status status, Counts counts, List<Finding> findings, Boolean late,
                               LocalDate deadline, String agencyKey) {

    public ValidationResult {
        findings = List.copyOf(findings);
    }

    public static ValidationResult of(List<Finding> findings, Boolean late, LocalDate deadline, String agencyKey) {
        return new ValidationResult(Status.of(findings), Counts.of(findings), findings, late, deadline, agencyKey);
    }
}
