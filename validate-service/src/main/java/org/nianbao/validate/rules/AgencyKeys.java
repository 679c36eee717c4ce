package org.nianbao.validate.rules;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * One identity per agency across years although names vary slightly ("平潭综合实验区管委会" vs "…管理委员会",
 * "XX区人民政府" vs "XX区政府", a year or "政府信息公开工作年度报告" glued to the name): division code + normalised name.
 */
public final class AgencyKeys {

    private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}年?度?");
    private static final Pattern NOISE = Pattern.compile(
            "政府信息公开工作年度报告|政府信息公开年度报告|政府信息公开|工作年度报告|年度报告|年度|工作报告|报告");

    private AgencyKeys() {
    }

    public static String normaliseName(String name) {
        if (name == null) {
            return "";
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC);
        s = s.codePoints().filter(Character::isLetterOrDigit)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        s = YEAR.matcher(s).replaceAll("");
        s = NOISE.matcher(s).replaceAll("");
        s = s.replace("人民政府", "政府").replace("管理委员会", "管委会").replace("办事处", "");
        return s;
    }

    /** "&lt;division code or -&gt;:&lt;normalised name&gt;"; null when the agency is unknown. */
    public static String of(String agency, String regionCode) {
        String name = normaliseName(agency);
        if (name.isEmpty()) {
            return null;
        }
        String code = regionCode == null || regionCode.isBlank() ? "-" : regionCode.strip();
        return code + ":" + name;
    }

    public static String of(ParsedReportView r) {
        return of(r.agency(), r.regionCode());
    }
}
