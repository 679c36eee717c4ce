package org.nianbao.validate.rules;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The entry point: runs every applicable catalogue rule on one report and derives status and deadline facts. */
public final class Validator {

    private final RuleRegistry registry;
    private final Messages messages;

    public Validator(RuleRegistry registry, Messages messages) {
        this.registry = registry;
        this.messages = messages;
    }

    public static Validator defaults() {
        return new Validator(RuleRegistry.defaults(), Messages.defaults());
    }

    public ValidationResult validate(ParsedReportView report, ReportHistory history, ValidationContext ctx) {
        ParsedReportView r = withEffectiveFormat(report);
        RuleInput input = new RuleInput(r, history == null ? ReportHistory.empty() : history, ctx, messages);
        List<Finding> findings = new ArrayList<>();
        for (Rule rule : registry.rules()) {
            RuleDescriptor d = rule.descriptor();
            if (d.scope() == RuleDescriptor.Scope.REPORT && d.appliesTo(r.format())) {
                findings.addAll(rule.check(input));
            }
        }
        Optional<LocalDate> deadline = ctx.deadlines().deadlineFor(r);
        Boolean late = deadline.isPresent() && r.publishedAt() != null && !r.draft()
                ? r.publishedAt().isAfter(deadline.get()) : null;
        return ValidationResult.of(findings, late, deadline.orElse(null), AgencyKeys.of(r));
    }

    /** Reports whose parser could not name the format get one inferred from the cells, else from the year. */
    static ParsedReportView withEffectiveFormat(ParsedReportView r) {
        if (r.format() != null) {
            return r;
        }
        FormatVersion inferred;
        if (r.hasCell("s2.rules.issued") || r.hasCell("s3.other_1.total")) {
            inferred = FormatVersion.V2021;
        } else if (r.hasCell("s2.rules.made") || r.hasCell("s3.other.total")) {
            inferred = FormatVersion.V2019;
        } else if (r.year() != null) {
            inferred = FormatVersion.requiredFor(r.year());
        } else {
            return r;
        }
        return new ParsedReportView(r.reportId(), r.title(), r.agency(), r.agencyKind(), r.agencyLevel(), r.year(),
                r.publishedAt(), inferred, r.province(), r.regionCode(), r.sections(), r.cells(), r.cellDetails(),
                r.sourceVersion(), r.draft());
    }
}
