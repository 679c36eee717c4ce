package org.nianbao.parse.parser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.ToDoubleFunction;

/**
 * Turns a row's value atoms into exactly the number of values the row must have, splitting digit runs that lost
 * their separators ("640020470" → 64,0,0,2,0,4,70) so that the row's arithmetic holds; it exists because text
 * extracted from web pages and PDFs often glues table cells together.
 */
public final class DigitSplitter {

    /**
     * Valid splits collected at most: a row with more has no reading worth choosing (table 三's column identities
     * try at most 50 000 combinations of all its rows), so it is left unsplit rather than guessed.
     */
    private static final int MAX_CANDIDATES = 2_000;
    private static final int MAX_INT_DIGITS = 9;
    /**
     * Integer digits a value printed on its own may have: an amount in 元 reaches 12 (hundreds of 亿), counts
     * fewer; a longer run is no cell of any report and is left null rather than read as a number.
     */
    private static final int MAX_VALUE_DIGITS = 12;
    /** Pieces of at most this many digits and no fraction are also kept as a long (sums of them cannot overflow). */
    private static final int MAX_LONG_DIGITS = 15;

    /**
     * {@link #lastIsSum} as one shared instance: when it is the row identity, digit splits are checked on longs
     * instead of building BigDecimal lists for every candidate.
     */
    public static final Predicate<List<BigDecimal>> LAST_IS_SUM = DigitSplitter::lastIsSum;

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
        return fit(atoms, columns, groupSize, groupIdentity, cost, ParseBudget.standalone());
    }

    /**
     * As {@link #fit(List, int, int, Predicate, ToDoubleFunction)}, drawing the search's work from {@code budget}:
     * a row whose digit runs cannot fit its columns is refused before any search ({@link RowFit.Status#TOO_LONG}),
     * and a search that spends the row's allowance, or finds the document's budget spent, stops with
     * {@link RowFit.Status#OVER_BUDGET}; either way the row's values stay null, never a guess.
     */
    public static RowFit fit(List<ValueAtom> atoms, int columns, int groupSize,
                             Predicate<List<BigDecimal>> groupIdentity, ToDoubleFunction<List<BigDecimal>> cost,
                             ParseBudget budget) {
        List<ValueAtom> list = new ArrayList<>(atoms);
        if (list.isEmpty()) {
            return allNull(columns, RowFit.Status.EMPTY);
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
                    for (int from = 1; from + columns <= list.size() && !budget.spent(); from++) {
                        budget.charge(columns);
                        List<ValueAtom> window = list.subList(from, from + columns);
                        if (groupsHold(direct(window).values(), groupSize, groupIdentity)) {
                            head = window;
                            break;
                        }
                    }
                }
                if (overlong(head)) {
                    return allNull(columns, RowFit.Status.TOO_LONG);
                }
                RowFit direct = direct(head);
                return new RowFit(direct.values(), direct.raws(), direct.units(), List.of(direct.values()),
                        RowFit.Status.EXTRA);
            }
        }
        if (list.size() == columns) {
            return overlong(list) ? allNull(columns, RowFit.Status.TOO_LONG) : direct(list);
        }
        int available = 0;
        int needed = 0;
        for (ValueAtom a : list) {
            available += a.blank() ? 1 : Math.max(1, integerDigits(a.raw()));
            needed += minPieces(a);
        }
        if (needed > columns) {
            return allNull(columns, RowFit.Status.TOO_LONG);
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
        if (budget.spent()) {
            return allNull(columns, RowFit.Status.OVER_BUDGET);
        }
        Search search = new Search(list, columns, budget);
        List<Piece[]> valid = search.run(groupSize, groupIdentity, true);
        RowFit.Status status;
        if (valid.isEmpty() && !search.aborted) {
            valid = search.run(0, v -> true, false);
            status = RowFit.Status.INCONSISTENT;
        } else {
            status = valid.size() == 1 ? RowFit.Status.SPLIT : RowFit.Status.AMBIGUOUS;
        }
        if (search.aborted) {
            return allNull(columns, RowFit.Status.OVER_BUDGET);
        }
        if (valid.isEmpty()) {
            return allNull(columns, RowFit.Status.SHORT);
        }
        List<List<BigDecimal>> inOrder = new ArrayList<>(valid.size());
        double[] costs = new double[valid.size()];
        Integer[] byCost = new Integer[valid.size()];
        for (int i = 0; i < valid.size(); i++) {
            inOrder.add(values(valid.get(i)));
            costs[i] = cost.applyAsDouble(inOrder.get(i));
            byCost[i] = i;
        }
        Arrays.sort(byCost, (a, b) -> Double.compare(costs[a], costs[b])); // stable, as List.sort was
        List<List<BigDecimal>> alternatives = new ArrayList<>(valid.size());
        for (Integer i : byCost) {
            alternatives.add(inOrder.get(i));
        }
        Piece[] best = null;
        List<BigDecimal> bestValues = alternatives.get(0);
        for (int i = 0; i < valid.size(); i++) {
            if (inOrder.get(i).equals(bestValues)) {
                best = valid.get(i);
                break;
            }
        }
        if (status == RowFit.Status.INCONSISTENT) {
            alternatives = List.of(bestValues);
        }
        List<String> raws = new ArrayList<>();
        List<String> units = new ArrayList<>();
        for (Piece piece : best) {
            raws.add(piece.raw());
            units.add(piece.unit);
        }
        return new RowFit(bestValues, raws, units, alternatives, status);
    }

    /** True when a value printed on its own has more integer digits than any cell of a report can hold. */
    private static boolean overlong(List<ValueAtom> atoms) {
        for (ValueAtom a : atoms) {
            if (!a.blank() && integerDigits(a.raw()) > MAX_VALUE_DIGITS) {
                return true;
            }
        }
        return false;
    }

    /** A row with every value null (nothing read, or left unsplit): nothing guessed. */
    private static RowFit allNull(int columns, RowFit.Status status) {
        return new RowFit(nulls(columns), nullStrings(columns), nullStrings(columns), List.of(), status);
    }

    /**
     * The fewest values an atom must become: a blank is one value; an integer run is cut into pieces of at most
     * {@link #MAX_INT_DIGITS} digits; a run with a fraction can end in a piece of any length, so it may stay one.
     */
    private static int minPieces(ValueAtom a) {
        if (a.blank() || a.raw().indexOf('.') >= 0) {
            return 1;
        }
        return Math.max(1, (integerDigits(a.raw()) + MAX_INT_DIGITS - 1) / MAX_INT_DIGITS);
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

    /**
     * One value of a candidate split: a blank, or {@code len} digits of an atom's integer part from {@code offset}
     * (with the atom's sign when it starts the atom, and its fraction and unit when it ends it). Its text and
     * BigDecimal are built only when asked for; integers of up to {@link #MAX_LONG_DIGITS} digits are also a long.
     */
    private static final class Piece {
        final Atom atom;
        final int offset;
        final int len;
        final boolean last;
        final String unit;
        /** The value when {@link #isLong}; blanks count as 0 there but have no value. */
        final long longValue;
        final boolean isLong;
        private String raw;
        private BigDecimal value;

        Piece(Atom atom, int offset, int len, boolean last, long longValue, boolean isLong) {
            this.atom = atom;
            this.offset = offset;
            this.len = len;
            this.last = last;
            this.unit = last ? atom.unit : null;
            this.longValue = longValue;
            this.isLong = isLong;
        }

        /** A blank cell. */
        Piece(Atom atom) {
            this(atom, 0, 0, false, 0, true);
            raw = atom.raw;
        }

        String raw() {
            if (raw == null) {
                raw = (atom.negative && offset == 0 ? "-" : "") + atom.intPart.substring(offset, offset + len)
                        + (last ? atom.fraction : "");
            }
            return raw;
        }

        BigDecimal value() {
            if (atom.blank) {
                return null;
            }
            if (value == null) {
                value = isLong ? BigDecimal.valueOf(longValue) : new BigDecimal(raw());
            }
            return value;
        }
    }

    /** A value atom taken apart once per row instead of once per candidate piece. */
    private static final class Atom {
        final boolean blank;
        final String raw;
        final String unit;
        final boolean negative;
        final String intPart;
        final String fraction;

        Atom(ValueAtom a) {
            blank = a.blank();
            raw = a.raw();
            unit = a.unit();
            negative = raw.startsWith("-");
            String digits = negative ? raw.substring(1) : raw;
            int dot = digits.indexOf('.');
            intPart = dot < 0 ? digits : digits.substring(0, dot);
            fraction = dot < 0 ? "" : digits.substring(dot);
        }
    }

    /**
     * The depth-first search for the splits of one row. Three things keep its work polynomial: a branch is cut as
     * soon as the digits left cannot fit the columns left; a position at a group boundary (atom, offset, values
     * filled) from which no valid completion was found is remembered and never searched again, because what
     * follows a completed group does not depend on how the group was split; and every piece tried is charged to a
     * work allowance, past which the search stops and the row is left unsplit.
     */
    private static final class Search {
        private static final int DEADLINE_CHECK_MASK = 0xFFF;

        final Atom[] atoms;
        final int columns;
        final ParseBudget budget;
        /** Most values the atoms from index i on can become (one per digit, one per blank). */
        final int[] capacity;
        /** Fewest values the atoms from index i on must become. */
        final int[] minNeeded;
        final long allowance;
        long work;
        boolean aborted;
        private Set<Long> deadEnds;
        private List<Piece[]> out;

        Search(List<ValueAtom> list, int columns, ParseBudget budget) {
            this.columns = columns;
            this.budget = budget;
            this.atoms = new Atom[list.size()];
            this.capacity = new int[list.size() + 1];
            this.minNeeded = new int[list.size() + 1];
            for (int i = list.size() - 1; i >= 0; i--) {
                ValueAtom a = list.get(i);
                atoms[i] = new Atom(a);
                capacity[i] = capacity[i + 1] + (a.blank() ? 1 : Math.max(1, integerDigits(a.raw())));
                minNeeded[i] = minNeeded[i + 1] + minPieces(a);
            }
            this.allowance = budget.rowAllowance();
        }

        /** Every split of the atoms into the row's values whose groups satisfy {@code identity} when pruning. */
        List<Piece[]> run(int groupSize, Predicate<List<BigDecimal>> identity, boolean prune) {
            out = new ArrayList<>();
            deadEnds = new HashSet<>();
            long before = work;
            recurse(0, 0, new Piece[columns], 0, groupSize, identity, prune);
            work += (long) out.size() * columns; // each split is turned into values and costed afterwards
            budget.charge(work - before);
            return out;
        }

        private boolean spend() {
            if (aborted) {
                return false;
            }
            work++;
            if (work > allowance || ((work & DEADLINE_CHECK_MASK) == 0 && budget.pastDeadline())) {
                aborted = true;
            }
            return !aborted;
        }

        private void recurse(int atomIndex, int offset, Piece[] current, int filled, int groupSize,
                             Predicate<List<BigDecimal>> identity, boolean prune) {
            if (aborted) {
                return;
            }
            if (out.size() >= MAX_CANDIDATES) {
                aborted = true; // more valid splits than any reading can choose between
                return;
            }
            if (atomIndex == atoms.length) {
                if (filled == current.length) {
                    out.add(current.clone());
                }
                return;
            }
            int left = current.length - filled;
            if (left <= 0) {
                return;
            }
            Atom atom = atoms[atomIndex];
            int neededHere = atom.blank || !atom.fraction.isEmpty() ? 1
                    : (atom.intPart.length() - offset + MAX_INT_DIGITS - 1) / MAX_INT_DIGITS;
            if (neededHere + minNeeded[atomIndex + 1] > left) {
                return;
            }
            boolean boundary = prune && groupSize > 0 && filled % groupSize == 0 && filled > 0;
            long state = ((long) atomIndex << 40) | ((long) offset << 16) | filled;
            if (boundary && deadEnds.contains(state)) {
                return;
            }
            int found = out.size();
            extend(atom, atomIndex, offset, current, filled, groupSize, identity, prune);
            if (boundary && !aborted && out.size() == found) {
                deadEnds.add(state);
            }
        }

        private void extend(Atom atom, int atomIndex, int offset, Piece[] current, int filled, int groupSize,
                            Predicate<List<BigDecimal>> identity, boolean prune) {
            if (atom.blank) {
                if (!spend()) {
                    return;
                }
                current[filled] = new Piece(atom);
                if (groupOk(current, filled + 1, groupSize, identity, prune)) {
                    recurse(atomIndex + 1, 0, current, filled + 1, groupSize, identity, prune);
                }
                return;
            }
            String intPart = atom.intPart;
            boolean hasFraction = !atom.fraction.isEmpty();
            boolean signed = atom.negative && offset == 0;
            int remainingInAtom = intPart.length() - offset;
            int afterThis = capacity[atomIndex + 1];
            int minAfter = atoms.length - atomIndex - 1;
            long digits = 0;
            for (int len = 1; len <= remainingInAtom; len++) {
                boolean last = len == remainingInAtom;
                // Character.digit as BigDecimal reads digits (ValueScanner takes any Unicode digit)
                digits = len <= MAX_LONG_DIGITS ? digits * 10 + Character.digit(intPart.charAt(offset + len - 1), 10) : 0;
                if (len > 1 && intPart.charAt(offset) == '0') {
                    break;
                }
                if (len > MAX_INT_DIGITS && !last) {
                    if (!hasFraction) {
                        break;
                    }
                    len = remainingInAtom - 1; // only the whole rest (ending in the fraction) can be one more value
                    continue;
                }
                int valuesAfterInAtom = last ? 0 : 1;
                if (filled + 1 + valuesAfterInAtom + minAfter > current.length) {
                    continue;
                }
                if (last && filled + 1 + afterThis < current.length) {
                    continue;
                }
                if (!spend()) {
                    return;
                }
                boolean isLong = len <= MAX_LONG_DIGITS && !(last && hasFraction);
                current[filled] = new Piece(atom, offset, len, last, signed ? -digits : digits, isLong);
                if (!groupOk(current, filled + 1, groupSize, identity, prune)) {
                    continue;
                }
                if (last) {
                    recurse(atomIndex + 1, 0, current, filled + 1, groupSize, identity, prune);
                } else {
                    recurse(atomIndex, offset + len, current, filled + 1, groupSize, identity, prune);
                }
            }
        }
    }

    private static boolean groupOk(Piece[] current, int filled, int groupSize, Predicate<List<BigDecimal>> identity,
                                   boolean prune) {
        if (!prune || groupSize <= 0 || filled % groupSize != 0) {
            return true;
        }
        if (identity == LAST_IS_SUM) {
            Boolean holds = lastIsSumOnLongs(current, filled - groupSize, filled);
            if (holds != null) {
                return holds;
            }
        }
        List<BigDecimal> group = new ArrayList<>(groupSize);
        for (int i = filled - groupSize; i < filled; i++) {
            group.add(current[i].value());
        }
        return identity.test(group);
    }

    /** {@link #lastIsSum} of {@code pieces[from, to)} computed on longs, or null when a piece is not a long. */
    private static Boolean lastIsSumOnLongs(Piece[] pieces, int from, int to) {
        long sum = 0;
        for (int i = from; i < to; i++) {
            if (!pieces[i].isLong) {
                return null;
            }
            if (i < to - 1) {
                sum += pieces[i].longValue;
            }
        }
        Piece total = pieces[to - 1];
        return total.atom.blank ? sum == 0 : total.longValue == sum;
    }

    private static List<BigDecimal> values(Piece[] pieces) {
        List<BigDecimal> v = new ArrayList<>(pieces.length);
        for (Piece p : pieces) {
            v.add(p.value());
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
