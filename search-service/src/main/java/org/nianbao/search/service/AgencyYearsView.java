package org.nianbao.search.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One agency's reports side by side, oldest first, for the year-over-year view. */
public record AgencyYearsView(String agencyKey, String agency, List<Year> years) {

    /** One year's report of the agency with all its cells. */
    public record Year(int year, String reportId, String title, String status, String formatVersion,
                       SearchResultView.Counts counts, JsonNode cells) {
    }
}
