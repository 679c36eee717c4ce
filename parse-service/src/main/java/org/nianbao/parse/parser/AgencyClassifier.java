package org.nianbao.parse.parser;

import java.util.regex.Pattern;

/**
 * Classifies an agency name as government, department, street office or township and derives its level; it
 * exists for the agency kind and level facets.
 */
public final class AgencyClassifier {

    private static final Pattern STREET_OFFICE = Pattern.compile(".*(街道办事处|街道办|街道|街道工委|街道党工委)$");
    private static final Pattern STREET = Pattern.compile(".*[^大]街$");
    private static final Pattern TOWNSHIP = Pattern.compile(".*(镇|乡|苏木)(人民政府)?$");
    private static final Pattern ADMINISTRATION = Pattern.compile(".*(管委会|管理委员会|行政公署)$");
    private static final Pattern DEPARTMENT =
            Pattern.compile(".*(办公厅|办公室|厅|局|委员会|委|办|署|院|中心|处|所|站|队|会|社|馆|行|司|部)$");
    private static final Pattern PLACE = Pattern.compile(".*(省|市|县|区|旗|州|盟|自治区|实验区|新区)$");

    private AgencyClassifier() {
    }

    public static String kind(String agency) {
        if (agency == null || agency.isBlank()) {
            return null;
        }
        String a = TextNormalizer.squeeze(agency);
        if (STREET_OFFICE.matcher(a).matches() || STREET.matcher(a).matches()) {
            return "street_office";
        }
        if (TOWNSHIP.matcher(a).matches()) {
            return "township";
        }
        int gov = a.lastIndexOf("人民政府");
        if (gov >= 0 && gov + 4 == a.length()) {
            return "government";
        }
        if (ADMINISTRATION.matcher(a).matches()) {
            return "government";
        }
        if (DEPARTMENT.matcher(a).matches()) {
            return "department";
        }
        if (PLACE.matcher(a).matches()) {
            return "government";
        }
        return "other";
    }

    /** Level from the kind and the level of the division the agency was resolved to. */
    public static String level(String kind, int divisionLevel) {
        if ("street_office".equals(kind) || "township".equals(kind)) {
            return "township";
        }
        return switch (divisionLevel) {
            case 1 -> "province";
            case 2 -> "city";
            case 3 -> "county";
            case 4 -> "township";
            default -> null;
        };
    }
}
