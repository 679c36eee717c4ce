package org.nianbao.search.service;

import java.util.List;
import java.util.Map;

/** Figures for the charts: per year, the number of reports in each status; per county, late reports. */
public final class StatsView {

    private StatsView() {
    }

    /** Reports of one year by status. */
    public record StatusYear(String year, long total, Map<String, Long> byStatus) {
    }

    /** Late reports of one county (or of the region shown when the county is unknown). */
    public record LateCounty(String county, long late, long total) {
    }

    /** Both chart series for one filter set. */
    public record Charts(List<StatusYear> statusByYear, List<LateCounty> lateByCounty) {
    }
}
