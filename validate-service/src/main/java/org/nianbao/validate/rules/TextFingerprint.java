package org.nianbao.validate.rules;

import java.util.Arrays;
import java.util.Base64;
import java.nio.ByteBuffer;

/**
 * A set of hashed character shingles of a narrative, so copied text can be detected across years without storing the
 * text twice.
 */
public final class TextFingerprint {

    /** Characters per shingle; five Chinese characters are roughly two words. */
    public static final int SHINGLE = 5;
    public static final TextFingerprint EMPTY = new TextFingerprint(new int[0]);

    private final int[] hashes;

    private TextFingerprint(int[] sortedDistinct) {
        this.hashes = sortedDistinct;
    }

    /** Fingerprints text after dropping whitespace, punctuation and digits (years and counts change every year). */
    public static TextFingerprint of(String text) {
        String norm = normalise(text);
        int n = norm.length() - SHINGLE + 1;
        if (n <= 0) {
            return EMPTY;
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            int h = 0;
            for (int k = i; k < i + SHINGLE; k++) {
                h = 31 * h + norm.charAt(k); // same value as substring(i, i + SHINGLE).hashCode()
            }
            all[i] = h;
        }
        Arrays.sort(all);
        int distinct = 0;
        for (int i = 0; i < all.length; i++) {
            if (i == 0 || all[i] != all[i - 1]) {
                all[distinct++] = all[i];
            }
        }
        return new TextFingerprint(Arrays.copyOf(all, distinct));
    }

    static String normalise(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetter(c)) {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    public int size() {
        return hashes.length;
    }

    /** Share of this text's shingles that also occur in {@code other} (0 when this text is empty). */
    public double containedIn(TextFingerprint other) {
        if (hashes.length == 0) {
            return 0;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < hashes.length && j < other.hashes.length) {
            int c = Integer.compare(hashes[i], other.hashes[j]);
            if (c == 0) {
                common++;
                i++;
                j++;
            } else if (c < 0) {
                i++;
            } else {
                j++;
            }
        }
        return (double) common / hashes.length;
    }

    public String toBase64() {
        ByteBuffer buf = ByteBuffer.allocate(hashes.length * Integer.BYTES);
        for (int h : hashes) {
            buf.putInt(h);
        }
        return Base64.getEncoder().encodeToString(buf.array());
    }

    public static TextFingerprint fromBase64(String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            return EMPTY;
        }
        ByteBuffer buf = ByteBuffer.wrap(Base64.getDecoder().decode(encoded));
        int[] h = new int[buf.remaining() / Integer.BYTES];
        for (int i = 0; i < h.length; i++) {
            h[i] = buf.getInt();
        }
        Arrays.sort(h);
        return new TextFingerprint(h);
    }
}
