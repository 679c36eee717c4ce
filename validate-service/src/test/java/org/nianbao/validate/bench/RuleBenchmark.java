package org.nianbao.validate.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.nianbao.validate.rules.Fixtures;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.PriorReport;
import org.nianbao.validate.rules.ReportHistory;
import org.nianbao.validate.rules.RuleDescriptor;
import org.nianbao.validate.rules.RuleRegistry;
import org.nianbao.validate.rules.ValidationResult;
import org.nianbao.validate.rules.Validator;

/**
 * Measures rule throughput on a large synthetic batch (fixtures with perturbed cells, each with a prior year), for
 * BENCHMARKS.md; a command-line program, not a test, because timings do not belong in tests.
 */
public final class RuleBenchmark {

    private RuleBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        Random random = new Random(42);
        List<ParsedReportView> batch = new ArrayList<>(n);
        List<ReportHistory> histories = new ArrayList<>(n);
        List<ParsedReportView> bases = Fixtures.CLEAN.stream().map(Fixtures::load).toList();
        List<ReportHistory> priors = bases.stream().map(b -> ReportHistory.of(List.of(PriorReport.of(
                Fixtures.edit(b).year(b.year() - 1).build())))).toList();
        for (int i = 0; i < n; i++) {
            ParsedReportView base = bases.get(i % bases.size());
            Fixtures.Edit edit = Fixtures.edit(base);
            for (String key : base.cells().keySet()) {
                if (random.nextInt(50) == 0) {
                    edit.cell(key, (double) random.nextInt(100));
                }
            }
            batch.add(edit.build());
            histories.add(priors.get(i % priors.size()));
        }
        Validator validator = Validator.defaults();
        for (int warm = 0; warm < 2; warm++) {
            run(validator, batch, histories);
        }
        long rules = 0;
        for (int i = 0; i < n; i++) {
            ParsedReportView r = batch.get(i);
            for (RuleDescriptor d : RuleRegistry.defaults().descriptors()) {
                if (d.scope() == RuleDescriptor.Scope.REPORT && d.appliesTo(r.format())) {
                    rules++;
                }
            }
        }
        long start = System.nanoTime();
        long findings = run(validator, batch, histories);
        double seconds = (System.nanoTime() - start) / 1e9;
        if (args.length > 1 && args[1].equals("--per-rule")) {
            perRule(batch, histories);
        }
        System.out.printf("reports=%d rule-runs=%d findings=%d seconds=%.2f reports/s=%.0f rules/s=%.0f%n", n, rules,
                findings, seconds, n / seconds, rules / seconds);
    }

    /** Time spent per rule over the batch, to find the expensive ones. */
    private static void perRule(List<ParsedReportView> batch, List<ReportHistory> histories) {
        for (org.nianbao.validate.rules.Rule rule : RuleRegistry.defaults().rules()) {
            long t = System.nanoTime();
            for (int i = 0; i < batch.size(); i++) {
                ParsedReportView r = batch.get(i);
                if (rule.descriptor().appliesTo(r.format())) {
                    rule.check(new org.nianbao.validate.rules.RuleInput(r, histories.get(i), Fixtures.CTX,
                            org.nianbao.validate.rules.Messages.defaults()));
                }
            }
            System.out.printf("%-26s %8.1f ms%n", rule.code(), (System.nanoTime() - t) / 1e6);
        }
    }

    private static long run(Validator validator, List<ParsedReportView> batch, List<ReportHistory> histories) {
        long findings = 0;
        for (int i = 0; i < batch.size(); i++) {
            ValidationResult res = validator.validate(batch.get(i), histories.get(i), Fixtures.CTX);
            findings += res.findings().size();
        }
        return findings;
    }
}
