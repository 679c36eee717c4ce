package org.nianbao.validate.rules;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/** What cross-year rules need from another year's report of the same agency, small enough to keep in a database row. */
public record PriorReport(String reportId, int year, FormatVersion format, Map<String, Double> cells,
                          TextFingerprint fingerprint) {

    public PriorReport {
        cells = cells == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(cells));
        fingerprint = fingerprint == null ? TextFingerprint.EMPTY : fingerprint;
    }

    public static PriorReport of(ParsedReportView report) {
        return new PriorReport(report.reportId(), report.year(), report.format(), report.cells(),
                TextFingerprint.of(report.narrative()));
    }
}
