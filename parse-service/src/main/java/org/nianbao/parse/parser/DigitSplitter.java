package org.nianbao.parse.parser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Turns a row's value atoms into exactly the number of values the row must have, splitting digit runs that lost
 * their separators ("640020470" → 64,0,0,2,0,4,70) so that the row's arithmetic holds; it exists because text
 * extracted from web pages and PDFs often glues table cells together.
 */
public final class DigitSplitter {

    private static final int MAX_CANDIDATES = 200_000;
    private static final int MAX_INT_DIGITS = 9;

    private DigitSplitter() {
    }

    /**
     * @param atoms what was read after the row label
     * @param columns how many values the row has
     * @param groupSize check {@code groupIdentity} after every group of this many values (0 = never)
     * @param groupIdentity holds when a completed group is arithmetically consistent
     * @param cost lower = more plausible
     */
    public static RowFit fit(List<ValueAtom> atoms, int columns, int groupSize,
                             Predicate<List<BigDecimal>> groupIdentity, ToDoubleFunction<List<BigDecimal>> cost) {
        List<ValueAtom> list = new ArrayList<>(atoms);
        if (list.isEmpty()) {
            return new RowFit(nulls(columns), nullStrings(columns), nullStrings(columns), List.of(), RowFit.Status.EMPTY);
        }
        if (list.size() > columns) {
            while (list.size() > columns && list.get(0).blank()) {
                list.remove(0);
            }
            while (list.size() > columns && list.get(list.size() - 1).blank()) {
                list.remove(list.size() - 1);
            }
            if (list.size() > columns) {
                List<ValueAtom> head = list.subList(0, columns);
                if (groupSize > 0 && columns % groupSize == 0 && !groupsHold(direct(head).values(), groupSize,
                        groupIdentity)) {
                    // a stray value (a bare page number, a footnote mark) before the row: the window whose totals hold
                    for (int from = 1; from + columns <= list.size(); from++) {
                        List<ValueAtom> window = list.subList(from, from + columns);
                        if (groupsHold(direct(window).values(), groupSize, groupIdentity)) {
                            head = window;
                            break;
                        }
                    }
                }
                RowFit direct = direct(head);
                return new RowFit(direct.values(), direct.raws(), direct.units(), List.of(direct.values()),
                        RowFit.Status.EXTRA);
            }
        }
        if (list.size() == columns) {
            return direct(list);
        }
        int available = 0;
        for (ValueAtom a : list) {
            available += a.blank() ? 1 : Math.max(1, integerDigits(a.raw()));
        }
        if (available < columns) {
            RowFit d = direct(list);
            List<BigDecimal> v = new ArrayList<>(d.values());
            List<String> r = new ArrayList<>(d.raws());
            List<String> u = new ArrayList<>(d.units());
            while (v.size() < columns) {
                v.add(null);
                r.add(null);
                u.add(null);
            }
            return new RowFit(v, r, u, List.of(v), RowFit.Status.SHORT);
        }
        List<Piece[]> valid = new ArrayList<>();
        enumerate(list, columns, groupSize, groupIdentity, true, valid);
        RowFit.Status status;
        if (valid.isEmpty()) {
            enumerate(list, columns, 0, v -> true, false, valid);
            status = RowFit.Status.INCONSISTENT;
        } else {
            status = valid.size() == 1 ? RowFit.Status.SPLIT : RowFit.Status.AMBIGUOUS;
        }
        if (valid.isEmpty()) {
            return new RowFit(nulls(columns), nullStrings(columns), nullStrings(columns), List.of(), RowFit.Status.SHORT);
        }
        List<List<BigDecimal>> alternatives = new ArrayList<>();
        for (Piece[] p : valid) {
            alternatives.add(values(p));
        }
        alternatives.sort((a, b) -> Double.compare(cost.applyAsDouble(a), cost.applyAsDouble(b)));
        Piece[] best = null;
        List<BigDecimal> bestValues = alternatives.get(0);
        for (Piece[] p : valid) {
            if (values(p).equals(bestValues)) {
                best = p;
                break;
            }
        }
        if (status == RowFit.Status.INCONSISTENT) {
            alternatives = List.of(bestValues);
        }
        List<String> raws = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (Piece piece : best) {
            raws.add(piece.raw);
            units.add(piece.unit);
        }
        return new RowFit(bestValues, raws, units, alternatives, status);
    }

    private static RowFit direct(List<ValueAtom> atoms) {
        List<BigDecimal> v = new ArrayList<>();
        List<String> r = new ArrayList<>();
        List<String> u = new ArrayList<>();
        for (ValueAtom a : atoms) {
            v.add(a.blank() ? null : new BigDecimal(a.raw()));
            r.add(a.raw());
            u.add(a.unit());
        }
        return new RowFit(v, r, u, List.of(v), RowFit.Status.DIRECT);
    }

    private record Piece(String raw, String unit, BigDecimal value) {
    }

    private static void enumerate(List<ValueAtom> atoms, int columns, int groupSize,
                                  Predicate<List<BigDecimal>> identity, boolean prune, List<Piece[]> out) {
        Piece[] current = new Piece[columns];
        int[] remainingCapacity = new int[atoms.size() + 1];
        for (int i = atoms.size() - 1; i >= 0; i--) {
            ValueAtom a = atoms.get(i);
            remainingCapacity[i] = remainingCapacity[i + 1] + (a.blank() ? 1 : Math.max(1, integerDigits(a.raw())));
        }
        recurse(atoms, 0, 0, current, 0, groupSize, identity, prune, remainingCapacity, out);
    }

    private static void recurse(List<ValueAtom> atoms, int atomIndex, int offset, Piece[] current, int filled,
                                int groupSize, Predicate<List<BigDecimal>> identity, boolean prune,
                                int[] capacity, List<Piece[]> out) {
        if (out.size() >= MAX_CANDIDATES) {
            return;
        }
        if (atomIndex == atoms.size()) {
            if (filled == current.length) {
                out.add(current.clone());
            }
            return;
        }
        int left = current.length - filled;
        if (left <= 0) {
            return;
        }
        ValueAtom atom = atoms.get(atomIndex);
        if (atom.blank()) {
            current[filled] = new Piece(atom.raw(), null, null);
            if (groupOk(current, filled + 1, groupSize, identity, prune)) {
                recurse(atoms, atomIndex + 1, 0, current, filled + 1, groupSize, identity, prune, capacity, out);
            }
            return;
        }
        String raw = atom.raw();
        boolean negative = raw.startsWith("-");
        String digits = negative ? raw.substring(1) : raw;
        int dot = digits.indexOf('.');
        String intPart = dot < 0 ? digits : digits.substring(0, dot);
        String fraction = dot < 0 ? "" : digits.substring(dot);
        int remainingInAtom = intPart.length() - offset;
        int afterThis = capacity[atomIndex + 1];
        int minAfter = atoms.size() - atomIndex - 1;
        for (int len = 1; len <= remainingInAtom; len++) {
            boolean last = len == remainingInAtom;
            String piece = intPart.substring(offset, offset + len);
            if (piece.length() > 1 && piece.charAt(0) == '0') {
                break;
            }
            if (piece.length() > MAX_INT_DIGITS && !last) {
                if (fraction.isEmpty()) {
                    break;
                }
                continue;
            }
            int valuesAfterInAtom = last ? 0 : 1;
            if (filled + 1 + valuesAfterInAtom + minAfter > current.length) {
                continue;
            }
            if (last && filled + 1 + afterThis < current.length) {
                continue;
            }
            String text = (negative && offset == 0 ? "-" : "") + piece + (last ? fraction : "");
            current[filled] = new Piece(text, last ? atom.unit() : null, new BigDecimal(text));
            if (!groupOk(current, filled + 1, groupSize, identity, prune)) {
                continue;
            }
            if (last) {
                recurse(atoms, atomIndex + 1, 0, current, filled + 1, groupSize, identity, prune, capacity, out);
            } else {
                recurse(atoms, atomIndex, offset + len, current, filled + 1, groupSize, identity, prune, capacity, out);
            }
        }
    }

    private static boolean groupOk(Piece[] current, int filled, int groupSize, Predicate<List<BigDecimal>> identity,
                                   boolean prune) {
        if (!prune || groupSize <= 0 || filled % groupSize != 0) {
            return true;
        }
        List<BigDecimal> group = new ArrayList<>(groupSize);
        for (int i = filled - groupSize; i < filled; i++) {
            group.add(current[i].value);
        }
        return identity.test(group);
    }

    private static List<BigDecimal> values(Piece[] pieces) {
        List<BigDecimal> v = new ArrayList<>(pieces.length);
        for (Piece p : pieces) {
            v.add(p.value);
        }
        return Collections.unmodifiableList(v);
    }

    private static int integerDigits(String raw) {
        String d = raw.startsWith("-") ? raw.substring(1) : raw;
        int dot = d.indexOf('.');
        return dot < 0 ? d.length() : dot;
    }

    private static List<BigDecimal> nulls(int n) {
        List<BigDecimal> v = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            v.add(null);
        }
        return v;
    }

    private static List<String> nullStrings(int n) {
        List<String> v = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            v.add(null);
        }
        return v;
    }

    /** True when the last value equals the sum of the others (blank = 0). */
    private static boolean groupsHold(List<BigDecimal> values, int groupSize, Predicate<List<BigDecimal>> identity) {
        for (int g = 0; g + groupSize <= values.size(); g += groupSize) {
            if (!identity.test(values.subList(g, g + groupSize))) {
                return false;
            }
        }
        return true;
    }

    public static boolean lastIsSum(List<BigDecimal> group) {
        BigDecimal sum = BigDecimal.ZERO;
        for (int i = 0; i < group.size() - 1; i++) {
            if (group.get(i) != null) {
                sum = sum.add(group.get(i));
            }
        }
        BigDecimal total = group.get(group.size() - 1);
        return total != null ? total.compareTo(sum) == 0 : sum.signum() == 0;
    }
}
