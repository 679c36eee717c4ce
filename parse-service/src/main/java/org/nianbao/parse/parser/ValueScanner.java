package org.nianbao.parse.parser;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads the value atoms that follow a row label, skipping the rest of the label and stopping at the next text;
 * it exists because extracted text mixes labels, numbers, blank markers and table chrome on one line.
 */
public final class ValueScanner {

    private static final String[] UNITS = {"万元", "元", "件", "条", "个", "项", "次", "宗", "%"};

    private ValueScanner() {
    }

    /** Scans {@code s} (folded text) from {@code from} to {@code to}. */
    public static List<ValueAtom> scan(String s, int from, int to) {
        List<ValueAtom> atoms = new ArrayList<>();
        int i = from;
        while (i < to) {
            char c = s.charAt(i);
            if (c == DocumentText.BLANK) {
                atoms.add(new ValueAtom("", null, true));
                i++;
                continue;
            }
            if (Character.isDigit(c) || ((c == '-' || c == '+') && i + 1 < to && Character.isDigit(s.charAt(i + 1)))) {
                int j = i + 1;
                while (j < to && Character.isDigit(s.charAt(j))) {
                    j++;
                }
                if (j - i - (Character.isDigit(c) ? 0 : 1) <= 3) {
                    while (thousands(s, j, to)) {
                        j += 4;
                    }
                }
                if (j + 1 < to && s.charAt(j) == '.' && Character.isDigit(s.charAt(j + 1))) {
                    j++;
                    while (j < to && Character.isDigit(s.charAt(j))) {
                        j++;
                    }
                }
                String raw = s.substring(i, j);
                int k = j;
                while (k < to && s.charAt(k) == ' ') {
                    k++;
                }
                String unit = null;
                for (String u : UNITS) {
                    if (s.startsWith(u, k) && k + u.length() <= to) {
                        unit = u;
                        j = k + u.length();
                        break;
                    }
                }
                raw = raw.replace(",", "");
                atoms.add(new ValueAtom(raw.startsWith("+") ? raw.substring(1) : raw, unit, false));
                i = j;
                continue;
            }
            if (isNullMark(c) && !isHan(prev(s, i, from)) && !isHan(next(s, i, to))) {
                atoms.add(new ValueAtom(String.valueOf(c), null, true));
                i++;
                continue;
            }
            if (isHan(c)) {
                int j = i;
                while (j < to && isHan(s.charAt(j))) {
                    j++;
                }
                if (j - i >= 2 && !atoms.isEmpty()) {
                    break;
                }
                if (j - i == 1 && c == '无' && !isHan(prev(s, i, from)) && (j >= to || !isHan(s.charAt(j)))) {
                    atoms.add(new ValueAtom("无", null, true));
                }
                i = j;
                continue;
            }
            i++;
        }
        return atoms;
    }

    /** ",ddd" followed by a non-digit: a thousands separator inside one number (1,234 or 24,252.31). */
    private static boolean thousands(String s, int j, int to) {
        if (j + 4 > to) {
            return false;
        }
        if (s.charAt(j) != ',') {
            return false;
        }
        for (int k = 1; k <= 3; k++) {
            if (!Character.isDigit(s.charAt(j + k))) {
                return false;
            }
        }
        return j + 4 >= to || !Character.isDigit(s.charAt(j + 4));
    }

    private static boolean isNullMark(char c) {
        return c == '/' || c == '\\' || c == '—' || c == '-' || c == '–';
    }

    private static char prev(String s, int i, int from) {
        int j = i - 1;
        while (j >= from && s.charAt(j) == ' ') {
            j--;
        }
        return j >= from ? s.charAt(j) : ' ';
    }

    private static char next(String s, int i, int to) {
        int j = i + 1;
        while (j < to && s.charAt(j) == ' ') {
            j++;
        }
        return j < to ? s.charAt(j) : ' ';
    }

    static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN && c != '〇';
    }
}
