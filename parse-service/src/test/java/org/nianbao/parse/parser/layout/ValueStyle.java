package org.nianbao.parse.parser.layout;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How a layout prints a value cell; it exists so the same known cells can be printed plainly or the way messy
 * exports print them (thousands separators, full-width digits, "/" and "—" for blank cells).
 */
interface ValueStyle {

    /** Prints {@code value} (null = blank cell); {@code index} counts value cells so styles can vary per cell. */
    String print(BigDecimal value, int index);

    /** Plain digits; a blank cell is empty. */
    ValueStyle PLAIN = (value, index) -> value == null ? "" : value.stripTrailingZeros().toPlainString();

    /**
     * Every third number with thousands separators ("1,234"), every third in full-width digits ("１２"), the rest
     * plain; blank cells cycle through "", "/" and "—", while a zero stays "0".
     */
    ValueStyle MESSY = (value, index) -> {
        if (value == null) {
            return new String[] {"", "/", "—"}[index % 3];
        }
        String plain = value.stripTrailingZeros().toPlainString();
        return switch (index % 3) {
            case 0 -> new DecimalFormat("#,##0.######", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
            case 1 -> fullWidth(plain);
            default -> plain;
        };
    };

    private static String fullWidth(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : c == '.' ? '．' : c);
        }
        return b.toString();
    }
}
