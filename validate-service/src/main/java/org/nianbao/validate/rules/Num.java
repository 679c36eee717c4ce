package org.nianbao.validate.rules;

import java.math.BigDecimal;

/** Number helpers shared by arithmetic rules: tolerant comparison and printing whole counts without ".0". */
public final class Num {

    private static final double EPS = 1e-6;

    private Num() {
    }

    public static boolean eq(double a, double b) {
        return Math.abs(a - b) < EPS;
    }

    public static boolean isWhole(double v) {
        return Math.abs(v - Math.rint(v)) < EPS;
    }

    public static String fmt(Double v) {
        if (v == null) {
            return "空白";
        }
        if (isWhole(v)) {
            return Long.toString(Math.round(v));
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The value as a JSON-friendly number: a Long for whole values, else the Double. */
    public static Number wire(double v) {
        return isWhole(v) ? (Number) Math.round(v) : (Number) v;
    }
}
