package org.nianbao.parse.parser;

import java.util.regex.Pattern;

/**
 * Builds regular expressions for printed labels that tolerate whitespace between any two characters (labels get
 * split across lines, cells and PDF text runs); it exists so every label is matched the same forgiving way.
 */
public final class LabelPattern {

    private LabelPattern() {
    }

    /** "本年新收" → 本\s*年\s*新\s*收 (characters quoted). */
    public static String gapped(String label) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < label.length(); i++) {
            char c = label.charAt(i);
            if (i > 0) {
                b.append("\\s*");
            }
            if (c == '|') {
                b.append('|');
                continue;
            }
            b.append(Pattern.quote(String.valueOf(c)));
        }
        return b.toString();
    }

    /** An alternation of gapped labels, longest printed form first. */
    public static String anyOf(String... labels) {
        StringBuilder b = new StringBuilder("(?:");
        for (int i = 0; i < labels.length; i++) {
            if (i > 0) {
                b.append('|');
            }
            b.append(gapped(labels[i]));
        }
        return b.append(')').toString();
    }

    /** Optional ordinal "2." / "2、" / "(2)" for numbered sub-rows. */
    public static String digitOrdinal(int n) {
        return "(?:[(]?\\s*" + n + "\\s*[.、,)．]\\s*)?";
    }

    /** Optional ordinal "(三)" for grouped rows. */
    public static String bracketOrdinal(String han) {
        return "(?:[(]\\s*" + han + "\\s*[)]\\s*)?";
    }

    /** Optional ordinal "三、" for top-level rows. */
    public static String hanOrdinal(String han) {
        return "(?:" + han + "\\s*[、.,]\\s*)?";
    }
}
