package org.nianbao.search.query;

import java.util.Arrays;
import java.util.Optional;

/** The filters of the search sidebar: each maps a request parameter to the keyword/number field it filters and counts. */
public enum Facet {
    PROVINCE("province", "province"),
    CITY("city", "city"),
    COUNTY("county", "county"),
    YEAR("year", "year"),
    AGENCY_LEVEL("agencyLevel", "agencyLevel"),
    AGENCY_KIND("agencyKind", "agencyKind"),
    FORMAT_VERSION("formatVersion", "formatVersion"),
    STATUS("status", "status"),
    RULE_CODE("ruleCode", "ruleCodes"),
    PUBLISH_MONTH("publishMonth", "publishMonth"),
    LATE("late", "late");

    private final String param;
    private final String field;

    Facet(String param, String field) {
        this.param = param;
        this.field = field;
    }

    /** The query parameter and the key of the facet in responses. */
    public String param() {
        return param;
    }

    /** The index field. */
    public String field() {
        return field;
    }

    public static Optional<Facet> byParam(String param) {
        return Arrays.stream(values()).filter(f -> f.param.equals(param)).findFirst();
    }
}
