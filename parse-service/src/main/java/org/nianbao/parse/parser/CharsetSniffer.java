package org.nianbao.parse.parser;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes report bytes whose encoding is often undeclared (GBK pages without a charset meta) or mis-declared (UTF-8
 * pages keeping a GBK meta): BOM, then a declared charset unless the bytes are plainly UTF-8, then strict UTF-8, then
 * GB18030; it exists because Chinese government sites mix UTF-8 and GBK freely.
 */
public final class CharsetSniffer {

    private static final Pattern META_CHARSET =
            Pattern.compile("(?i)<meta[^>]{0,200}?charset\\s*=\\s*[\"']?\\s*([a-z0-9_\\-]+)");
    private static final Charset GB18030 = Charset.forName("GB18030");
    /**
     * Valid UTF-8 holding this many non-ASCII characters outweighs a declared legacy charset: crawlers and CMS exports
     * re-encode pages to UTF-8 and keep the old GBK/GB2312 meta, while GBK Chinese text practically never forms that
     * much valid UTF-8 (a handful of characters can, hence the floor).
     */
    private static final int MIN_NON_ASCII_FOR_UTF8 = 8;

    private CharsetSniffer() {
    }

    public static DecodedText decode(byte[] bytes, boolean lookForMeta) {
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return new DecodedText(new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8), "UTF-8", false);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xFF) == 0xFE) {
            return new DecodedText(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16LE), "UTF-16LE", false);
        }
        if (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFE && (bytes[1] & 0xFF) == 0xFF) {
            return new DecodedText(new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_16BE), "UTF-16BE", false);
        }
        if (lookForMeta) {
            String head = new String(bytes, 0, Math.min(bytes.length, 4096), StandardCharsets.ISO_8859_1);
            Matcher m = RegexScan.first(META_CHARSET, head, 0, head.length());
            if (m != null) {
                Charset declared = charsetOrNull(m.group(1));
                if (declared != null) {
                    if (declared.equals(StandardCharsets.UTF_8)) {
                        String utf8 = strictUtf8(bytes);
                        return utf8 == null ? new DecodedText(new String(bytes, GB18030), "GB18030", true)
                                : new DecodedText(utf8, declared.name(), false);
                    }
                    String utf8 = strictUtf8(bytes);
                    if (utf8 != null && nonAscii(utf8) >= MIN_NON_ASCII_FOR_UTF8) {
                        return new DecodedText(utf8, "UTF-8", false);
                    }
                    return new DecodedText(new String(bytes, widen(declared)), widen(declared).name(), false);
                }
            }
        }
        String utf8 = strictUtf8(bytes);
        if (utf8 != null) {
            return new DecodedText(utf8, "UTF-8", false);
        }
        return new DecodedText(new String(bytes, GB18030), "GB18030", true);
    }

    /** GB2312 and GBK pages routinely contain GB18030-only characters; decode them with the superset. */
    private static Charset widen(Charset c) {
        String n = c.name().toUpperCase(Locale.ROOT);
        return n.equals("GB2312") || n.equals("GBK") || n.equals("X-GBK") || n.equals("EUC-CN") ? GB18030 : c;
    }

    private static Charset charsetOrNull(String name) {
        try {
            return Charset.forName(name.trim());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static int nonAscii(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) > 0x7F) {
                n++;
            }
        }
        return n;
    }

    /** The bytes as UTF-8, or null when they are not valid UTF-8. */
    static String strictUtf8(byte[] bytes) {
        String lenient = new String(bytes, StandardCharsets.UTF_8);
        if (lenient.indexOf('\uFFFD') < 0) {
            return lenient; // every malformed sequence would have become U+FFFD, so the bytes are valid
        }
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
