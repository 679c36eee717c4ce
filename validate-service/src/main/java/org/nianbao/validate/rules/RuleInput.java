package org.nianbao.validate.rules;

/** Everything one rule run sees, so rule signatures stay stable when more context is added. */
public record RuleInput(ParsedReportView report, ReportHistory history, ValidationContext context, Messages messages) {
}
