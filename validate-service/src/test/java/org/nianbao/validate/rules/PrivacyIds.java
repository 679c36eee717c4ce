package org.nianbao.validate.rules;

/** Builds syntactically valid 18-digit ID numbers (GB 11643 check digit) for privacy tests. */
final class PrivacyIds {

    private static final int[] W = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    private PrivacyIds() {
    }

    static String valid(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * W[i];
        }
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** The same number with a wrong check character. */
    static String invalid(String first17) {
        String ok = valid(first17);
        char wrong = ok.charAt(17) == '0' ? '1' : '0';
        return first17 + wrong;
    }
}
