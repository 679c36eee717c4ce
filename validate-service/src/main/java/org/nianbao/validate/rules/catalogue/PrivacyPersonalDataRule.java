package org.nianbao.validate.rules.catalogue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.FormatVersion;
import org.nianbao.validate.rules.Section;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;

/**
 * A published report must not expose a private person's 身份证号 or mobile number; only valid ID numbers (birth date
 * and GB 11643 check digit) and mobile numbers outside office-contact phrasing count, and the value is masked.
 */
public final class PrivacyPersonalDataRule extends AbstractRule {

    private static final Pattern ID = Pattern.compile("(?<![0-9A-Za-z])(\\d{17}[0-9Xx])(?![0-9A-Za-z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9A-Za-z.\\-])(1[3-9]\\d{9})(?![0-9A-Za-z])(?!\\.\\d)");
    /** In table sections digits of adjacent cells run together, so a mobile number there needs a phone word nearby. */
    private static final Pattern PHONE_WORD = Pattern.compile("手机|电话|联系方式|号码|Tel|TEL");
    /** Phrasings that introduce an office's public contact line rather than a private person's number. */
    private static final Pattern OFFICE_CONTACT = Pattern.compile(
            "(联系电话|咨询电话|服务电话|办公电话|热线|电话/传真|传真|联系方式|举报电话|监督电话|电话)[：:\\s]*$");
    /** Words right after a number that make it an amount or a count, not a phone number. */
    private static final Pattern AMOUNT_AFTER = Pattern.compile("^\\s*(元|万|亿|件|条|个|人|次|%|‰|户|份|号|册)");
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] CHECK = "10X98765432".toCharArray();

    public PrivacyPersonalDataRule() {
        super("PRIVACY.PERSONAL_DATA", Severity.ERROR, ALL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        List<Finding> out = new ArrayList<>();
        for (Section s : in.report().sections()) {
            boolean tableSection = s.number() >= 2 && s.number() <= 4
                    && in.report().format() != FormatVersion.PRE2019 || s.number() > 6;
            scan(in, s.heading() + "\n" + s.text(), tableSection, out);
        }
        return out;
    }

    private void scan(RuleInput in, String text, boolean tableSection, List<Finding> out) {
        Matcher id = ID.matcher(text);
        while (id.find()) {
            String v = id.group(1);
            if (isValidId(v)) {
                String masked = maskId(v);
                out.add(finding(Severity.ERROR, in.messages().get("PRIVACY.PERSONAL_DATA.id", masked), List.of(),
                        null, masked, context(text, id.start(), id.end(), masked)));
            }
        }
        Matcher mob = MOBILE.matcher(text);
        while (mob.find()) {
            String before = text.substring(Math.max(0, mob.start() - 12), mob.start());
            String after = text.substring(mob.end(), Math.min(text.length(), mob.end() + 3));
            if (OFFICE_CONTACT.matcher(before).find() || AMOUNT_AFTER.matcher(after).find()) {
                continue;
            }
            if (tableSection && !PHONE_WORD.matcher(before).find()) {
                continue;
            }
            String masked = maskMobile(mob.group(1));
            out.add(finding(Severity.ERROR, in.messages().get("PRIVACY.PERSONAL_DATA.mobile", masked), List.of(),
                    null, masked, context(text, mob.start(), mob.end(), masked)));
        }
    }

    /** GB 11643-1999: a real birth date in positions 7–14 and the ISO 7064 MOD 11-2 check character. */
    public static boolean isValidId(String id) {
        if (id.length() != 18) {
            return false;
        }
        try {
            LocalDate birth = LocalDate.of(Integer.parseInt(id.substring(6, 10)), Integer.parseInt(id.substring(10, 12)),
                    Integer.parseInt(id.substring(12, 14)));
            if (birth.getYear() < 1900 || birth.isAfter(LocalDate.now())) {
                return false;
            }
        } catch (DateTimeException | NumberFormatException e) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (id.charAt(i) - '0') * WEIGHTS[i];
        }
        return Character.toUpperCase(id.charAt(17)) == CHECK[sum % 11];
    }

    static String maskId(String id) {
        return id.substring(0, 6) + "********" + id.substring(14);
    }

    static String maskMobile(String m) {
        return m.substring(0, 3) + "****" + m.substring(7);
    }

    /** A short quote around the hit with the value itself masked, so the finding never republishes it. */
    private static String context(String text, int start, int end, String masked) {
        String before = text.substring(Math.max(0, start - 10), start);
        String after = text.substring(end, Math.min(text.length(), end + 10));
        return (before + masked + after).replaceAll("\\s+", " ");
    }
}
