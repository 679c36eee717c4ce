package org.nianbao.validate.rules.catalogue;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * Walks the digit runs of the text once (regular expressions over whole reports were the slowest part of the
     * catalogue): an 18-character run may be an ID number, an 11-digit run starting 1[3-9] a mobile number.
     */
    private void scan(RuleInput in, String text, boolean tableSection, List<Finding> out) {
        int i = 0;
        int len = text.length();
        while (i < len) {
            if (!isDigit(text.charAt(i))) {
                i++;
                continue;
            }
            int j = i;
            while (j < len && isDigit(text.charAt(j))) {
                j++;
            }
            int end = j;
            if (j - i == 17 && j < len && (text.charAt(j) == 'X' || text.charAt(j) == 'x')) {
                end = j + 1;
            }
            char before = i > 0 ? text.charAt(i - 1) : ' ';
            char after = end < len ? text.charAt(end) : ' ';
            boolean bounded = !isAsciiLetter(before) && !isAsciiLetter(after) && !isDigit(after);
            if (bounded && end - i == 18) {
                checkId(in, text, i, end, out);
            } else if (bounded && end - i == 11 && text.charAt(i) == '1' && text.charAt(i + 1) >= '3'
                    && before != '.' && before != '-'
                    && !(after == '.' && end + 1 < len && isDigit(text.charAt(end + 1)))) {
                checkMobile(in, text, i, end, tableSection, out);
            }
            i = end;
        }
    }

    private void checkId(RuleInput in, String text, int start, int end, List<Finding> out) {
        String v = text.substring(start, end);
        if (isValidId(v)) {
            String masked = maskId(v);
            out.add(finding(Severity.ERROR, in.messages().get("PRIVACY.PERSONAL_DATA.id", masked), List.of(),
                    null, masked, context(text, start, end, masked)));
        }
    }

    private void checkMobile(RuleInput in, String text, int start, int end, boolean tableSection,
                             List<Finding> out) {
        String before = text.substring(Math.max(0, start - 12), start);
        String after = text.substring(end, Math.min(text.length(), end + 3));
        if (OFFICE_CONTACT.matcher(before).find() || AMOUNT_AFTER.matcher(after).find()) {
            return;
        }
        if (tableSection && !PHONE_WORD.matcher(before).find()) {
            return;
        }
        String masked = maskMobile(text.substring(start, end));
        out.add(finding(Severity.ERROR, in.messages().get("PRIVACY.PERSONAL_DATA.mobile", masked), List.of(),
                null, masked, context(text, start, end, masked)));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isAsciiLetter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
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
