package org.nianbao.parse.parser;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the numbered section headings of a report — the six national ones by their wording, or, for older
 * reports, their own consecutive ordinals; it exists so tables and narrative are read from the right section.
 */
public final class SectionLocator {

    /** Where a heading was found in the folded text. */
    public record Heading(int number, int start, int end) {
    }

    private static final String NOT_HEAD = "[^。\\d、;；:：]";
    private static final String TAIL = "[^。\\d;；:：]";
    private static final Pattern[] NATIONAL = {
        Pattern.compile("一\\s*[、.,]?\\s*(总\\s*体\\s*情\\s*况|概\\s*述|基\\s*本\\s*情\\s*况)"),
        Pattern.compile("二\\s*[、.,]\\s*" + NOT_HEAD + "{0,12}?主\\s*动\\s*公\\s*开" + NOT_HEAD + "{0,14}?情\\s*况"),
        Pattern.compile("三\\s*[、.,]\\s*" + NOT_HEAD + "{0,12}?(收\\s*到\\s*和\\s*处\\s*理|依\\s*申\\s*请)"
                + TAIL + "{0,20}?情\\s*况"),
        Pattern.compile("四\\s*[、.,]\\s*" + NOT_HEAD + "{0,24}?(复\\s*议|诉\\s*讼)" + TAIL + "{0,20}?情\\s*况"),
        Pattern.compile("五\\s*[、.,]\\s*" + NOT_HEAD + "{0,20}?问\\s*题" + TAIL + "{0,16}?(情\\s*况|措\\s*施)"),
        Pattern.compile("六\\s*[、.,]\\s*其\\s*他(" + NOT_HEAD + "{0,12}?事\\s*项)?"),
    };
    private static final String ORDINALS = "一二三四五六七八九十";
    /** "(一)" inside a run-on heading: the first sub-heading of the section. */
    private static final Pattern SUB_HEADING = Pattern.compile("[(（][一二三四五六七八九十][)）]");
    /** Words the headings of older reports end with (…情况, 概述, …措施, …统计表, …事项). */
    private static final Pattern HEADING_END_WORD = Pattern.compile("情况|概述|措施|统计表|事项");
    private static final Pattern GENERIC = Pattern.compile(
            "(?<![\\u4e00-\\u9fff])([一二三四五六七八九十])(?:\\s*[、.]\\s*|(?<=(?:^|\\n)\\s{0,8}[一二三四五六七八九十])[ \\t\\u3000]+)");

    private SectionLocator() {
    }

    /** The national headings found in order (some may be missing). */
    public static List<Heading> national(String norm) {
        List<Heading> found = new ArrayList<>();
        int from = 0;
        for (int n = 1; n <= 6; n++) {
            Matcher m = RegexScan.first(NATIONAL[n - 1], norm, from, norm.length());
            if (m != null) {
                found.add(new Heading(n, m.start(), m.end()));
                from = m.end();
            }
        }
        return found;
    }

    /** Consecutive ordinal headings 一、二、三… for reports without the national structure. */
    public static List<Heading> generic(String norm) {
        List<Heading> found = new ArrayList<>();
        int from = 0;
        int expected = 1;
        Matcher m = GENERIC.matcher(norm);
        while (expected <= 10 && m.find(from)) {
            int n = ORDINALS.indexOf(m.group(1).charAt(0)) + 1;
            if (n != expected || !looksLikeHeading(norm, m.end())) {
                from = m.start() + 1;
                continue;
            }
            int end = headingEnd(norm, m.end());
            found.add(new Heading(n, m.start(), end));
            expected++;
            from = end;
        }
        return found;
    }

    private static boolean looksLikeHeading(String s, int pos) {
        int end = headingEnd(s, pos);
        return end - pos >= 2 && end - pos <= 30;
    }

    /**
     * Where a heading ends: at a line break, sentence punctuation or a space, before an embedded sub-heading
     * "（一）", or — when flattened page text runs the heading straight into its body ("四、…改进情况目前，我县…",
     * "一、概述2016年，…") — right after the last word a heading ends with.
     */
    private static int headingEnd(String s, int pos) {
        int i = pos;
        int limit = Math.min(s.length(), pos + 30);
        boolean separated = false;
        while (i < limit) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t' || (c == ' ' && i - pos >= 2)) {
                separated = true;
                break;
            }
            if (c == '。' || c == ':' || c == '：' || c == ',' || c == '，') {
                break;
            }
            if (i - pos >= 2 && SUB_HEADING.matcher(s).region(i, s.length()).lookingAt()) {
                return i;
            }
            i++;
        }
        if (separated) {
            return i;
        }
        int cut = -1;
        Matcher m = HEADING_END_WORD.matcher(s).region(pos, i);
        while (m.find()) {
            cut = m.end();
        }
        return cut > pos + 1 ? cut : i;
    }
}
