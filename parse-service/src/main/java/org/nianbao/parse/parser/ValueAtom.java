package org.nianbao.parse.parser;

/**
 * One run of characters read where table values are expected: a printed number (possibly several numbers run
 * together), or a blank / "/" / "—" cell; it exists so value runs can be split by the table's arithmetic.
 *
 * @param raw the characters as printed (digits of a run, or the blank marker text)
 * @param unit a unit printed right after the number (元, 万元, 件, 条…) or null
 * @param blank true for an empty, "/" or "—" cell
 */
public record ValueAtom(String raw, String unit, boolean blank) {

    public int digitCount() {
        int n = 0;
        for (int i = 0; i < raw.length(); i++) {
            if (Character.isDigit(raw.charAt(i))) {
                n++;
            }
        }
        return n;
    }
}
