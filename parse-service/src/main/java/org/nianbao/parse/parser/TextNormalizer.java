package org.nianbao.parse.parser;

/**
 * Maps full-width ASCII forms, ideographic and no-break spaces to their plain forms one character for one; it
 * exists so label and number matching sees one spelling while offsets still point into the printed text.
 */
public final class TextNormalizer {

    private TextNormalizer() {
    }

    /** Returns a string of the same length with full-width forms folded to ASCII. */
    public static String fold(String s) {
        char[] out = s.toCharArray();
        for (int i = 0; i < out.length; i++) {
            out[i] = fold(out[i]);
        }
        return new String(out);
    }

    public static char fold(char c) {
        if (c >= '\uFF01' && c <= '\uFF5E') {
            return (char) (c - 0xFEE0);
        }
        switch (c) {
            case '\u3000', '\u00A0', '\u2002', '\u2003', '\u2009', '\u200B', '\uFEFF' -> {
                return ' ';
            }
            case '\u3002' -> {
                return '\u3002';
            }
            case '\u2014', '\u2015', '\u2013', '\u2500', '\uFE63', '\u2212' -> {
                return c == '\u2212' ? '-' : '\u2014';
            }
            default -> {
                return c;
            }
        }
    }

    /** True when {@link #squeeze} would return the empty string, without building it. */
    public static boolean isBlank(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\u3000') {
                return false;
            }
        }
        return true;
    }

    /** Removes all whitespace, for comparing labels that got split across lines or cells. */
    public static String squeeze(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0' && c != '\u3000') {
                b.append(c);
            }
        }
        return b.toString();
    }

    /** Whether {@code s} holds a Chinese character (a label or header word rather than a value). */
    public static boolean hasHan(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (ValueScanner.isHan(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
