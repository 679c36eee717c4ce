package org.nianbao.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One failing and one passing case (at least) per rule, derived from real fixtures: each case names the rule, the
 * report, its history and the severity the rule must report (null = the rule must stay silent).
 */
class RuleCasesTest {

    private static final String P19 = "pingtan-syq-2019";
    private static final String P21 = "pingtan-syq-2021";
    private static final String P23 = "pingtan-syq-2023";

    static Stream<Arguments> cases() {
        return Stream.of(
                c("S3.BALANCE", "clean 2021", () -> Fixtures.load(P21), none(), null),
                c("S3.BALANCE", "carried_out total off by 2", () -> Fixtures.edit(P21)
                        .cell("s3.carried_out.total", 3.0).build(), none(), Severity.ERROR),
                c("S3.BALANCE", "blank new cell makes the column fail", () -> Fixtures.edit(P21)
                        .cell("s3.new.social", null).build(), none(), Severity.WARNING),
                c("S3.ROW_TOTAL", "clean 2019", () -> Fixtures.load(P19), none(), null),
                c("S3.ROW_TOTAL", "granted total 31 instead of 30", () -> Fixtures.edit(P21)
                        .cell("s3.granted.total", 31.0).build(), none(), Severity.ERROR),
                c("S3.OUTCOME_TOTAL", "clean 2021", () -> Fixtures.load(P21), none(), null),
                c("S3.OUTCOME_TOTAL", "平潭 2020 shape", () -> Fixtures.load("pingtan-syq-2020-outcome-off"), none(),
                        Severity.ERROR),
                c("S4.GROUP_TOTAL", "clean 2023", () -> Fixtures.load(P23), none(), null),
                c("S4.GROUP_TOTAL", "review total 4 instead of 3", () -> Fixtures.edit(P21)
                        .cell("s4.review.total", 4.0).build(), none(), Severity.ERROR),
                c("S2.IN_FORCE", "clean 2021 without history", () -> Fixtures.load(P21), none(), null),
                c("S2.IN_FORCE", "in force below issued", () -> Fixtures.edit(P21)
                        .cell("s2.normative.in_force", 60.0).build(), none(), Severity.WARNING),
                c("S2.IN_FORCE", "real 2023 stock does not roll forward from 2022 (698 + 77 − 132 ≠ 470)",
                        () -> Fixtures.load(P23), prior(Fixtures.edit(P21).year(2022)
                                .cell("s2.normative.in_force", 698.0)), Severity.WARNING),
                c("S2.IN_FORCE", "2023 stock rolls forward", () -> Fixtures.load(P23), prior(Fixtures.edit(P21)
                        .year(2022).cell("s2.normative.in_force", 525.0).cell("s2.rules.in_force", 0.0)), null),
                c("S2.UNIT", "clean 2021 fee with six decimals", () -> Fixtures.load(P21), none(), null),
                c("S2.UNIT", "fee printed in 元 under a 万元 header", () -> Fixtures.edit(P21)
                        .cell("s2.fees.amount", 242523110.82).detail("s2.fees.amount", "242523110.82", "万元")
                        .build(), none(), Severity.WARNING),
                c("S2.UNIT", "procurement of 75 元", () -> Fixtures.edit(P19)
                        .cell("s2.procurement.amount", 0.0075).detail("s2.procurement.amount", "75元", "元")
                        .build(), none(), Severity.WARNING),
                c("CELL.BLANK", "clean 2021", () -> Fixtures.load(P21), none(), null),
                c("CELL.BLANK", "one blank applicant cell", () -> Fixtures.edit(P21)
                        .cell("s3.new.legal", null).build(), none(), Severity.WARNING),
                c("CELL.INVALID", "clean 2021 (fractional money is fine)", () -> Fixtures.load(P21), none(), null),
                c("CELL.INVALID", "negative 本年增/减 is fine", () -> Fixtures.edit(P19)
                        .cell("s2.licensing.change", -5.0).build(), none(), null),
                c("CELL.INVALID", "fractional count", () -> Fixtures.edit(P21)
                        .cell("s3.granted.natural", 2.5).build(), none(), Severity.ERROR),
                c("CELL.INVALID", "negative count", () -> Fixtures.edit(P21)
                        .cell("s2.licensing.decisions", -3.0).build(), none(), Severity.ERROR),
                c("FORMAT.VERSION", "clean 2019", () -> Fixtures.load(P19), none(), null),
                c("FORMAT.VERSION", "2019 format in a 2022 report", () -> Fixtures.edit(P19).year(2022).build(),
                        none(), Severity.ERROR),
                c("FORMAT.VERSION", "single （六） row in a 2021 table", () -> Fixtures.edit(P21)
                        .removeCells("s3.other_").cell("s3.other.total", 1.0).build(), none(), Severity.WARNING),
                c("FORMAT.SECTION_MISSING", "clean 2021", () -> Fixtures.load(P21), none(), null),
                c("FORMAT.SECTION_MISSING", "section 五 missing", () -> Fixtures.edit(P21).section(5, null).build(),
                        none(), Severity.ERROR),
                c("FORMAT.TABLE_MISSING", "clean 2021", () -> Fixtures.load(P21), none(), null),
                c("FORMAT.TABLE_MISSING", "table 四 missing", () -> Fixtures.edit(P21).removeCells("s4.").build(),
                        none(), Severity.ERROR),
                c("TEXT.NARRATIVE_MISMATCH", "clean 2021 (共收到70件申请)", () -> Fixtures.load(P21), none(), null),
                c("TEXT.NARRATIVE_MISMATCH", "clean 2023 (counts per applicant and outcome)",
                        () -> Fixtures.load(P23), none(), null),
                c("TEXT.NARRATIVE_MISMATCH", "table says 71 received, text 70", () -> Fixtures.edit(P21)
                        .cell("s3.new.total", 71.0).build(), none(), Severity.WARNING),
                c("TEXT.FEE_UNREPORTED", "clean 2021 (无收取信息处理费情况)", () -> Fixtures.load(P21), none(), null),
                c("TEXT.FEE_UNREPORTED", "section 六 says only 无", () -> Fixtures.edit(P21).section(6, "无。")
                        .build(), none(), Severity.WARNING),
                c("TEXT.EMPTY_SECTION", "clean 2021", () -> Fixtures.load(P21), none(), null),
                c("TEXT.EMPTY_SECTION", "section 五 is 无", () -> Fixtures.edit(P21).section(5, "无")
                        .build(), none(), Severity.WARNING),
                c("YEAR.CARRY_OVER", "2019 → 2021-as-2020 carries 0", () -> Fixtures.edit(P21).year(2020).build(),
                        prior(Fixtures.edit(P19)), null),
                c("YEAR.CARRY_OVER", "last year carried out 3", () -> Fixtures.edit(P21).year(2020).build(),
                        prior(Fixtures.edit(P19).cell("s3.carried_out.total", 3.0)), Severity.ERROR),
                c("YEAR.COPY_TEXT", "different narratives", () -> Fixtures.edit(P21).year(2020).build(),
                        prior(Fixtures.edit(P19)), null),
                c("YEAR.COPY_TEXT", "same narrative as last year", () -> Fixtures.load(P21),
                        prior(Fixtures.edit(P21).year(2020)), Severity.WARNING),
                c("YEAR.SAME_NUMBERS", "different numbers", () -> Fixtures.load(P23),
                        prior(Fixtures.edit(P21).year(2022)), null),
                c("YEAR.SAME_NUMBERS", "identical tables", () -> Fixtures.load(P21),
                        prior(Fixtures.edit(P21).year(2020)), Severity.WARNING),
                c("PUBLISH.LATE", "government by 3月31日", () -> Fixtures.load(P21), none(), null),
                c("PUBLISH.LATE", "department after 1月31日", () -> Fixtures.edit(P21)
                        .agency("department", "city", "福建省").build(), none(), Severity.ERROR),
                c("PUBLISH.LATE", "pre-2019 after 3月31日", () -> Fixtures.edit("pingtan-syq-2012")
                        .agency("department", "city", "福建省").published("2013-04-02").build(), none(),
                        Severity.ERROR),
                c("PUBLISH.EDITED", "first version", () -> Fixtures.load(P21), none(), null),
                c("PUBLISH.EDITED", "third version", () -> Fixtures.edit(P21).version(3).build(), none(),
                        Severity.WARNING),
                c("PRIVACY.PERSONAL_DATA", "clean 2019 (procurement 13575394432.52元 is not a phone)",
                        () -> Fixtures.load(P19), none(), null),
                c("PRIVACY.PERSONAL_DATA", "ID number in the narrative", () -> Fixtures.edit(P21)
                        .section(5, "申请人张某（身份证号" + PrivacyIds.valid("35012819850315123") + "）反映的问题已办结。")
                        .build(), none(), Severity.ERROR));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("cases")
    void rule(String code, String name, Supplier<ParsedReportView> report, Supplier<ReportHistory> history,
              Severity expected) {
        Rule rule = RuleRegistry.defaults().find(code).orElseThrow();
        List<Finding> findings = Fixtures.run(rule, report.get(), history.get()).stream()
                .filter(f -> f.severity() != Severity.INFO).toList();
        if (expected == null) {
            assertEquals(List.of(), findings, name);
        } else {
            assertTrue(findings.stream().anyMatch(f -> f.severity() == expected), () -> name + ": " + findings);
            assertTrue(findings.stream().allMatch(f -> f.code().equals(code)));
            assertTrue(findings.stream().allMatch(f -> !f.message().isBlank()));
        }
    }

    private static Arguments c(String code, String name, Supplier<ParsedReportView> report,
                               Supplier<ReportHistory> history, Severity expected) {
        return Arguments.of(code, name, report, history, expected);
    }

    private static Supplier<ReportHistory> none() {
        return ReportHistory::empty;
    }

    private static Supplier<ReportHistory> prior(Fixtures.Edit edit) {
        return () -> ReportHistory.of(List.of(PriorReport.of(edit.build())));
    }
}
