package org.nianbao.search.rest;

import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.nianbao.search.query.Facet;
import org.nianbao.search.query.SearchCriteria;
import org.nianbao.search.query.SearchSort;

/** The query parameters shared by search, export and stats, so every endpoint filters the same way. */
public class SearchParams {

    @QueryParam("q") @Parameter(description = "Free text (Chinese) over title, agency and section texts")
    public String q;
    @QueryParam("province") public List<String> province;
    @QueryParam("city") public List<String> city;
    @QueryParam("county") public List<String> county;
    @QueryParam("year") public List<String> year;
    @QueryParam("agencyLevel") @Parameter(description = "province | city | county | township")
    public List<String> agencyLevel;
    @QueryParam("agencyKind") @Parameter(description = "government | department | street_office | township | other")
    public List<String> agencyKind;
    @QueryParam("formatVersion") @Parameter(description = "pre2019 | 2019 | 2021")
    public List<String> formatVersion;
    @QueryParam("status") @Parameter(description = "compliant | warnings | noncompliant")
    public List<String> status;
    @QueryParam("ruleCode") @Parameter(description = "Rule code found in the report, e.g. S3.BALANCE")
    public List<String> ruleCode;
    @QueryParam("publishMonth") @Parameter(description = "yyyy-MM of publication")
    public List<String> publishMonth;
    @QueryParam("late") @Parameter(description = "true | false")
    public List<String> late;
    @QueryParam("sort") @Parameter(description = "relevance (default) | year_desc | year_asc | published_desc | id")
    public String sort;
    @QueryParam("size") @DefaultValue("20") public int size;
    @QueryParam("after") @Parameter(description = "The `next` cursor of the previous page")
    public String after;

    public SearchCriteria toCriteria() {
        Map<Facet, List<String>> filters = new EnumMap<>(Facet.class);
        put(filters, Facet.PROVINCE, province);
        put(filters, Facet.CITY, city);
        put(filters, Facet.COUNTY, county);
        put(filters, Facet.YEAR, year);
        put(filters, Facet.AGENCY_LEVEL, agencyLevel);
        put(filters, Facet.AGENCY_KIND, agencyKind);
        put(filters, Facet.FORMAT_VERSION, formatVersion);
        put(filters, Facet.STATUS, status);
        put(filters, Facet.RULE_CODE, ruleCode);
        put(filters, Facet.PUBLISH_MONTH, publishMonth);
        put(filters, Facet.LATE, late);
        return new SearchCriteria(q, filters, SearchSort.parse(sort), size, after);
    }

    private static void put(Map<Facet, List<String>> filters, Facet facet, List<String> values) {
        if (values != null && !values.isEmpty()) {
            filters.put(facet, values);
        }
    }
}
