package org.nianbao.parse.parser;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Answers "is {@code element.text().length()} at least n" without building the text in the usual cases; it exists
 * because jsoup's {@link Element#text()} is linear in the subtree and allocates, and calling it on every candidate
 * container and table cell made body detection quadratic.
 *
 * <p>Exact by construction: jsoup's text keeps every character of the subtree's text nodes that is neither
 * whitespace ({@code ' ', \t, \n, \f, \r}, no-break space) nor invisible (zero-width space, soft hyphen), so their
 * count is a lower bound; it only collapses whitespace and adds single separator spaces, each after a kept
 * character, so twice the raw text length is an upper bound. Only when the bounds straddle {@code n} is the text
 * built.
 */
final class TextLength {

    private TextLength() {
    }

    /** Exactly {@code element.text().length() >= n}. */
    static boolean atLeast(Element element, int n) {
        long[] counts = new long[2]; // [0] characters jsoup surely keeps, [1] raw characters of all text nodes
        if (count(element, n, counts)) {
            return true;
        }
        if (2 * counts[1] < n) {
            return false;
        }
        return element.text().length() >= n;
    }

    /** Adds up the subtree's text; true as soon as {@code n} surely kept characters were seen. */
    private static boolean count(Node node, int n, long[] counts) {
        for (int i = 0; i < node.childNodeSize(); i++) {
            Node child = node.childNode(i);
            if (child instanceof TextNode t) {
                String s = t.getWholeText();
                counts[1] += s.length();
                for (int k = 0; k < s.length(); k++) {
                    char c = s.charAt(k);
                    if (c > ' ' && c != '\u00A0' && c != '\u00AD' && c != '\u200B') {
                        counts[0]++;
                    }
                }
                if (counts[0] >= n) {
                    return true;
                }
            } else if (child instanceof Element && count(child, n, counts)) {
                return true;
            }
        }
        return false;
    }
}
