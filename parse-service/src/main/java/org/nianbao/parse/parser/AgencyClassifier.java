package org.nianbao.parse.parser;

/**
 * Classifies an agency name as government, department, street office or township and derives its level; it
 * exists for the agency kind and level facets.
 */
public final class AgencyClassifier {

    private AgencyClassifier() {
    }

    public static String kind(String agency) {
        if (agency == null || agency.isBlank()) {
            return null;
        }
        String a = TextNormalizer.squeeze(agency);
        if (a.matches(".*(街道办事处|街道办|街道|街道工委|街道党工委)$") || a.matches(".*[^大]街$")) {
            return "street_office";
        }
        if (a.matches(".*(镇|乡|苏木)(人民政府)?$")) {
            return "township";
        }
        int gov = a.lastIndexOf("人民政府");
        if (gov >= 0 && gov + 4 == a.length()) {
            return "government";
        }
        if (a.matches(".*(管委会|管理委员会|行政公署)$")) {
            return "government";
        }
        if (a.matches(".*(办公厅|办公室|厅|局|委员会|委|办|署|院|中心|处|所|站|队|会|社|馆|行|司|部)$")) {
            return "department";
        }
        if (a.matches(".*(省|市|县|区|旗|州|盟|自治区|实验区|新区)$")) {
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
