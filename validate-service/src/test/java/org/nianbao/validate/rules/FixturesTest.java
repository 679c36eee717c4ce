package org.nianbao.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The whole validator on the real fixtures: no false errors, the Shanghai defects and the 平潭 2020 shape. */
class FixturesTest {

    static List<String> clean() {
        return Fixtures.CLEAN;
    }

    @ParameterizedTest
    @MethodSource("clean")
    void noErrorFindingsOnRealReports(String name) {
        ValidationResult r = Validator.defaults().validate(Fixtures.load(name), ReportHistory.empty(), Fixtures.CTX);
        assertEquals(List.of(), r.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList(), name);
        assertTrue(r.status() != Status.NONCOMPLIANT);
    }

    /** report.parsed bodies written by the parse-service command line for the five shared seed reports. */
    static List<String> parserOutput() {
        return List.of("000_2dbaea1c02efd4ef", "001_dd34f4ba02cce112", "002_c50ec127ad28e6ef",
                "003_07cf9df04860348c", "004_40ef9cce17cf73fc");
    }

    @ParameterizedTest
    @MethodSource("parserOutput")
    void realParserOutputIsReadAndRaisesNoFalseErrors(String name) throws java.io.IOException {
        String json;
        try (var in = getClass().getResourceAsStream("/parser-output/" + name + ".parsed.json")) {
            json = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        ParsedReportView report = new org.nianbao.validate.report.ParsedReportJson(
                new com.fasterxml.jackson.databind.ObjectMapper()).read(json);
        ValidationResult r = Validator.defaults().validate(report, ReportHistory.empty(), Fixtures.CTX);
        assertEquals(List.of(), r.findings().stream().filter(f -> f.severity() == Severity.ERROR).toList(), name);
        assertTrue(r.deadline() != null, "agency kind and year give a deadline");
        assertTrue(r.agencyKey() != null && r.agencyKey().startsWith(report.regionCode() + ":"));
    }

    @Test
    void pingtanYearsTogetherHaveNoErrors() {
        List<ParsedReportView> all = Fixtures.CLEAN.stream().filter(n -> n.startsWith("pingtan"))
                .map(Fixtures::load).toList();
        ReportHistory history = ReportHistory.of(all.stream().map(PriorReport::of).toList());
        for (ParsedReportView r : all) {
            ValidationResult res = Validator.defaults().validate(r, history, Fixtures.CTX);
            assertEquals(0, res.counts().error(), r.reportId() + " " + res.findings());
            assertEquals("350128:平潭综合实验区", res.agencyKey());
        }
    }

    @Test
    void shanghaiBlankTotalsAreReportedAsBlankAsZeroWarnings() {
        ValidationResult r = Validator.defaults().validate(Fixtures.load("shanghai-bgt-2019"), ReportHistory.empty(),
                Fixtures.CTX);
        List<Finding> rowTotals = r.findings().stream()
                .filter(f -> f.code().equals("S3.ROW_TOTAL") && f.severity() == Severity.WARNING).toList();
        assertEquals(11, rowTotals.size(), "knownErrors: the identity fails in 11 rows");
        assertTrue(rowTotals.stream().allMatch(f -> f.message().endsWith("（空白按 0 计）")));
        Finding granted = rowTotals.get(0);
        assertEquals("s3.granted.total", granted.cells().get(0));
        assertEquals(272L, granted.expected());
        Finding outcome = r.findings().stream()
                .filter(f -> f.code().equals("S3.OUTCOME_TOTAL") && f.severity() == Severity.WARNING)
                .findFirst().orElseThrow();
        assertEquals("s3.processed_total.total", outcome.cells().get(0));
        assertEquals(805L, outcome.actual());
        List<Object> narrative = r.findings().stream().filter(f -> f.code().equals("TEXT.NARRATIVE_MISMATCH"))
                .map(Finding::actual).toList();
        assertEquals(List.of(258L, 265L, 16L), narrative, "the three narrative knownErrors");
        assertTrue(r.findings().stream().noneMatch(f -> f.code().equals("S3.BALANCE")
                && f.severity() != Severity.INFO), "一+二 = （七）+四 holds in every column");
        assertEquals(Status.WARNINGS, r.status());
        assertEquals(java.time.LocalDate.of(2020, 1, 31), r.deadline());
        assertEquals(Boolean.FALSE, r.late());
    }

    @Test
    void pingtan2020ShapeBalancesButFailsOutcomeTotal() {
        ValidationResult r = Validator.defaults().validate(Fixtures.load("pingtan-syq-2020-outcome-off"),
                ReportHistory.empty(), Fixtures.CTX);
        assertTrue(r.findings().stream().noneMatch(f -> f.code().equals("S3.BALANCE")), "21 + 0 = 21 + 0");
        Finding total = r.findings().stream().filter(f -> f.code().equals("S3.OUTCOME_TOTAL")
                && f.cells().get(0).equals("s3.processed_total.total")).findFirst().orElseThrow();
        assertEquals(Severity.ERROR, total.severity());
        assertEquals(27L, total.expected());
        assertEquals(21L, total.actual());
        assertTrue(total.cells().containsAll(List.of("s3.granted.total", "s3.partial.total",
                "s3.unavailable_1.total", "s3.rejected_2.total", "s3.other.total")));
        assertEquals("三、（七）总计 总计列为 21，但各办理结果之和为 27", total.message());
        assertEquals(Status.NONCOMPLIANT, r.status());
    }
}
