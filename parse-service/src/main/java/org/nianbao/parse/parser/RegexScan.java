package org.nianbao.parse.parser;

import java.util.BitSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a pattern by trying it only where the text holds a character its matches can start with; it exists because
 * java.util.regex attempts a match at every position, and scanning whole reports for labels and headings that way
 * was a large part of parsing.
 *
 * <p>The characters are read once from the pattern's own text. Only a small, exactly understood part of the syntax
 * is analysed (literals, {@code \Q…\E} quotes, classes, {@code \s \d}, groups, alternation, quantifiers,
 * case-insensitivity as a flag or a leading {@code (?i)}); a pattern with anything else (lookaround, anchors,
 * boundaries, back-references, other flags) or one that could match the empty string is searched at every position
 * as before. Without those constructs a match attempt at a position does not depend on the text before it, so the
 * first position where the attempt succeeds is exactly what {@link Matcher#find()} over the region returns. The
 * analysis is kept per Pattern for the life of the JVM, so pass patterns held in constants, not ones compiled per
 * call.
 */
final class RegexScan {

    /**
     * What a pattern's matches can start with: {@code first} (null = unknown, search everywhere) and, when that is
     * one character, {@code only} (else -1), found with String.indexOf.
     */
    private record Starts(BitSet first, int only) {
        static Starts of(BitSet first) {
            return new Starts(first, first != null && first.cardinality() == 1 ? first.nextSetBit(0) : -1);
        }
    }

    private static final Starts EVERYWHERE = new Starts(null, -1);
    private static final int MAX_USEFUL = 4096;
    private static final Map<Pattern, Starts> STARTS = new ConcurrentHashMap<>();

    private final Matcher matcher;
    private final BitSet first;
    private final int only;
    private final CharSequence text;
    private final int to;
    private int next;

    private RegexScan(Pattern pattern, CharSequence text, int from, int to) {
        Starts starts = STARTS.computeIfAbsent(pattern, RegexScan::analyse);
        this.matcher = pattern.matcher(text);
        this.first = starts.first();
        this.only = starts.only();
        this.text = text;
        this.to = to;
        this.next = from;
        if (first == null) {
            matcher.region(from, to);
        }
    }

    /** Matches of {@code pattern} in {@code text[from, to)}, as {@code pattern.matcher(text).region(from, to)}. */
    static RegexScan of(Pattern pattern, CharSequence text, int from, int to) {
        return new RegexScan(pattern, text, from, to);
    }

    /** The first match in {@code text[from, to)} as a matcher positioned on it, or null when there is none. */
    static Matcher first(Pattern pattern, CharSequence text, int from, int to) {
        RegexScan scan = of(pattern, text, from, to);
        return scan.find() ? scan.matcher : null;
    }

    /** Like {@link Matcher#find()}: the next match after the previous one; read it from {@link #matcher()}. */
    boolean find() {
        if (first == null) {
            return matcher.find();
        }
        if (only >= 0 && text instanceof String string) {
            for (int i = string.indexOf(only, next); i >= 0 && i < to; i = string.indexOf(only, i + 1)) {
                if (matcher.region(i, to).lookingAt()) {
                    next = matcher.end(); // never empty: analysed patterns cannot match the empty string
                    return true;
                }
            }
        } else {
            for (int i = next; i < to; i++) {
                if (first.get(text.charAt(i)) && matcher.region(i, to).lookingAt()) {
                    next = matcher.end();
                    return true;
                }
            }
        }
        next = to;
        return false;
    }

    /** The matcher, positioned on the last match {@link #find()} reported. */
    Matcher matcher() {
        return matcher;
    }

    /** The characters a match can start with, or null when the pattern is searched everywhere. */
    static BitSet firstChars(Pattern pattern) {
        return STARTS.computeIfAbsent(pattern, RegexScan::analyse).first();
    }

    private static Starts analyse(Pattern pattern) {
        // flags() also reports inline flags; case-insensitivity is allowed, from the flag or a leading (?i)
        if ((pattern.flags() & ~Pattern.CASE_INSENSITIVE) != 0) {
            return EVERYWHERE;
        }
        String regex = pattern.pattern();
        boolean caseInsensitive = pattern.flags() != 0;
        try {
            Parser parser = new Parser(regex, regex.startsWith("(?i)") ? 4 : 0);
            Node node = parser.alternation();
            if (parser.pos != regex.length() || node.nullable) {
                return EVERYWHERE;
            }
            BitSet first = caseInsensitive ? withCaseVariants(node.first) : node.first;
            return first.cardinality() > MAX_USEFUL ? EVERYWHERE : Starts.of(first);
        } catch (Unsupported e) {
            return EVERYWHERE;
        }
    }

    /** Adds every character that equals one in the set when upper- or lower-cased (more than (?i) can match). */
    private static BitSet withCaseVariants(BitSet set) {
        BitSet out = (BitSet) set.clone();
        for (int c = 0; c <= Character.MAX_VALUE; c++) {
            if (set.get(Character.toLowerCase(c)) || set.get(Character.toUpperCase(c))
                    || set.get(Character.toTitleCase(c))) {
                out.set(c);
            }
        }
        for (int c = set.nextSetBit(0); c >= 0; c = set.nextSetBit(c + 1)) {
            out.set(Character.toLowerCase(c) & 0xFFFF);
            out.set(Character.toUpperCase(c) & 0xFFFF);
        }
        return out;
    }

    /** What a piece of a pattern can start with, and whether it can match nothing. */
    private record Node(BitSet first, boolean nullable) {
    }

    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    /** Recursive descent over the supported syntax; throws {@link Unsupported} on anything else. */
    private static final class Parser {
        private final String re;
        int pos;

        Parser(String re, int pos) {
            this.re = re;
            this.pos = pos;
        }

        Node alternation() {
            Node node = sequence();
            while (pos < re.length() && re.charAt(pos) == '|') {
                pos++;
                Node next = sequence();
                BitSet first = (BitSet) node.first.clone();
                first.or(next.first);
                node = new Node(first, node.nullable || next.nullable);
            }
            return node;
        }

        private Node sequence() {
            BitSet first = new BitSet();
            boolean nullable = true;
            while (pos < re.length() && re.charAt(pos) != '|' && re.charAt(pos) != ')') {
                Node atom = quantified(atom());
                if (nullable) {
                    first.or(atom.first);
                    nullable = atom.nullable;
                }
            }
            return new Node(first, nullable);
        }

        private Node quantified(Node atom) {
            if (pos >= re.length()) {
                return atom;
            }
            char c = re.charAt(pos);
            boolean optional;
            if (c == '?' || c == '*') {
                pos++;
                optional = true;
            } else if (c == '+') {
                pos++;
                optional = atom.nullable;
            } else if (c == '{') {
                int close = re.indexOf('}', pos);
                if (close < 0) {
                    throw new Unsupported();
                }
                String[] bounds = re.substring(pos + 1, close).split(",", -1);
                int min = Integer.parseInt(bounds[0].trim());
                pos = close + 1;
                optional = min == 0 || atom.nullable;
            } else {
                return atom;
            }
            if (pos < re.length() && (re.charAt(pos) == '?' || re.charAt(pos) == '+')) {
                pos++; // lazy or possessive: same start characters
            }
            return new Node(atom.first, optional);
        }

        private Node atom() {
            char c = re.charAt(pos);
            switch (c) {
                case '(' -> {
                    pos++;
                    if (re.startsWith("?:", pos) || re.startsWith("?>", pos)) {
                        pos += 2;
                    } else if (re.charAt(pos) == '?') {
                        throw new Unsupported(); // lookaround, named groups, inline flags
                    }
                    Node inner = alternation();
                    expect(')');
                    return inner;
                }
                case '[' -> {
                    return new Node(charClass(), false);
                }
                case '\\' -> {
                    return escape();
                }
                case '.' -> {
                    pos++;
                    return new Node(all(), false);
                }
                case '^', '$', ')', '|', '*', '+', '?', '{' -> throw new Unsupported();
                default -> {
                    pos++;
                    return literal(c);
                }
            }
        }

        private Node escape() {
            pos++;
            char c = re.charAt(pos++);
            switch (c) {
                case 's' -> {
                    return new Node(chars(" \t\n\u000B\f\r"), false);
                }
                case 'd' -> {
                    BitSet digits = new BitSet();
                    digits.set('0', '9' + 1);
                    return new Node(digits, false);
                }
                case 'Q' -> {
                    int end = re.indexOf("\\E", pos);
                    if (end < 0) {
                        throw new Unsupported();
                    }
                    String quoted = re.substring(pos, end);
                    pos = end + 2;
                    return quoted.isEmpty() ? new Node(new BitSet(), true) : literal(quoted.charAt(0));
                }
                default -> {
                    return literal(escaped(c));
                }
            }
        }

        /** The character an escape other than a class or quote stands for. */
        private char escaped(char c) {
            switch (c) {
                case 't' -> {
                    return '\t';
                }
                case 'n' -> {
                    return '\n';
                }
                case 'r' -> {
                    return '\r';
                }
                case 'f' -> {
                    return '\f';
                }
                case 'u' -> {
                    char u = (char) Integer.parseInt(re.substring(pos, pos + 4), 16);
                    pos += 4;
                    return u;
                }
                default -> {
                    if (Character.isLetterOrDigit(c)) {
                        throw new Unsupported(); // \b, \w, \p{…}, back-references, …
                    }
                    return c;
                }
            }
        }

        private BitSet charClass() {
            pos++;
            if (re.charAt(pos) == '^') {
                pos++;
                skipClass();
                return all();
            }
            BitSet set = new BitSet();
            if (re.charAt(pos) == ']') {
                throw new Unsupported();
            }
            while (re.charAt(pos) != ']') {
                char c = re.charAt(pos);
                if (c == '[' || re.startsWith("&&", pos)) {
                    throw new Unsupported();
                }
                char low;
                if (c == '\\') {
                    pos++;
                    char e = re.charAt(pos++);
                    if (e == 's') {
                        set.or(chars(" \t\n\u000B\f\r"));
                        continue;
                    }
                    if (e == 'd') {
                        set.set('0', '9' + 1);
                        continue;
                    }
                    low = escaped(e);
                } else {
                    low = c;
                    pos++;
                }
                if (re.charAt(pos) == '-' && re.charAt(pos + 1) != ']') {
                    pos++;
                    char h = re.charAt(pos);
                    char high;
                    if (h == '\\') {
                        pos++;
                        high = escaped(re.charAt(pos++));
                    } else if (h == '[') {
                        throw new Unsupported();
                    } else {
                        high = h;
                        pos++;
                    }
                    if (high < low) {
                        throw new Unsupported();
                    }
                    set.set(low, high + 1);
                } else {
                    set.set(low);
                }
            }
            pos++;
            checkNoSurrogates(set);
            return set;
        }

        /** Steps over a negated class (it may start anywhere, so its exact content does not matter). */
        private void skipClass() {
            if (re.charAt(pos) == ']') {
                pos++;
            }
            while (re.charAt(pos) != ']') {
                char c = re.charAt(pos);
                if (c == '[') {
                    throw new Unsupported();
                }
                pos += c == '\\' ? 2 : 1;
            }
            pos++;
        }

        private Node literal(char c) {
            if (Character.isSurrogate(c)) {
                throw new Unsupported();
            }
            BitSet set = new BitSet();
            set.set(c);
            return new Node(set, false);
        }

        private void expect(char c) {
            if (pos >= re.length() || re.charAt(pos) != c) {
                throw new Unsupported();
            }
            pos++;
        }

        private static void checkNoSurrogates(BitSet set) {
            int s = set.nextSetBit(Character.MIN_SURROGATE);
            if (s >= 0 && s <= Character.MAX_SURROGATE) {
                throw new Unsupported();
            }
        }

        private static BitSet chars(String s) {
            BitSet set = new BitSet();
            for (int i = 0; i < s.length(); i++) {
                set.set(s.charAt(i));
            }
            return set;
        }

        private static BitSet all() {
            BitSet set = new BitSet();
            set.set(0, Character.MAX_VALUE + 1);
            return set;
        }
    }
}
