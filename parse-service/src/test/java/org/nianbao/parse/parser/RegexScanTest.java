package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Scanning only where a match can start finds exactly what Matcher.find finds. */
class RegexScanTest {

    private static final List<Class<?>> PARSER_CLASSES = List.of(TableReader.class, SectionLocator.class,
            LegacyStatsReader.class, MetadataExtractor.class, CharsetSniffer.class, DocumentReader.class);

    @Test
    void everyParserPatternScansLikeMatcherFindOnReportTexts() throws Exception {
        List<Pattern> patterns = parserPatterns();
        assertTrue(patterns.size() > 80, "patterns found: " + patterns.size());
        List<String> texts = texts();
        Random random = new Random(7);
        int matches = 0;
        for (Pattern p : patterns) {
            for (String text : texts) {
                for (int k = 0; k < 3; k++) {
                    int from = k == 0 ? 0 : random.nextInt(text.length());
                    int to = k == 0 ? text.length() : from + random.nextInt(text.length() - from + 1);
                    List<String> expected = new ArrayList<>();
                    Matcher m = p.matcher(text).region(from, to);
                    while (m.find()) {
                        expected.add(m.start() + "-" + m.end() + ":" + m.group());
                    }
                    List<String> actual = new ArrayList<>();
                    RegexScan scan = RegexScan.of(p, text, from, to);
                    while (scan.find()) {
                        actual.add(scan.matcher().start() + "-" + scan.matcher().end() + ":" + scan.matcher().group());
                    }
                    assertEquals(expected, actual, () -> p.pattern());
                    matches += expected.size();
                }
            }
        }
        assertTrue(matches > 1000, "matches compared: " + matches);
    }

    @Test
    void rowLabelsAndHeadingsAreAnalysed() {
        List<RowSpec> rows = new ArrayList<>(TableReader.s3Rows(true));
        rows.addAll(TableReader.s3Rows(false));
        rows.addAll(TableReader.s2Rows2019());
        rows.addAll(TableReader.s2Rows2021());
        for (RowSpec row : rows) {
            assertNotNull(RegexScan.firstChars(row.label()), row.label().pattern());
        }
        BitSet first = RegexScan.firstChars(TableReader.s3Rows(true).get(2).label()); // （一）予以公开
        assertTrue(first.get('(') && first.get('予') && !first.get('一') && !first.get('公'), first.toString());
    }

    @Test
    void startCharactersOfHandWrittenPatterns() {
        assertEquals(chars("<"), RegexScan.firstChars(Pattern.compile("(?i)<(html|body)[\\s>/]")));
        assertEquals(chars("Mm"), RegexScan.firstChars(Pattern.compile("(?i)m[a-z]")));
        assertEquals(chars("ab \t\n\u000B\f\r"), RegexScan.firstChars(Pattern.compile("(?:\\s*a)?b+")));
        assertEquals(chars("x0123456789-y"), RegexScan.firstChars(Pattern.compile("\\Q\\E(?:[\\d-]{0,2}|x)y")));
        assertEquals(chars("一"), RegexScan.firstChars(Pattern.compile("一\\s*[^。]{0,3}?二")));
    }

    @Test
    void patternsItCannotAnalyseAreSearchedEverywhere() {
        for (String regex : List.of("(?<=a)b", "(?<!a)b", "a(?=b)", "^a", "a$", "\\ba", "(a)\\1", "a?", "(?:x)*",
                "a|", "[^a]b", ".b", "(?m)a", "\\w", "\\p{L}", "[a&&b]", "\\R", "a{0}")) {
            assertNull(RegexScan.firstChars(Pattern.compile(regex)), regex);
        }
        assertNull(RegexScan.firstChars(Pattern.compile("a", Pattern.MULTILINE)));
        assertEquals(chars("aA"), RegexScan.firstChars(Pattern.compile("a", Pattern.CASE_INSENSITIVE)));
    }

    @Test
    void unanalysedPatternsStillFindEverything() {
        Pattern lookbehind = Pattern.compile("(?<![\\d.])1\\s*[.、]");
        RegexScan scan = RegexScan.of(lookbehind, "x1.y 21. 1、", 0, 11);
        List<Integer> starts = new ArrayList<>();
        while (scan.find()) {
            starts.add(scan.matcher().start());
        }
        assertEquals(List.of(1, 9), starts);
    }

    private static BitSet chars(String s) {
        BitSet set = new BitSet();
        s.chars().forEach(set::set);
        return set;
    }

    private static List<String> texts() {
        List<String> texts = new ArrayList<>();
        for (String path : List.of("fixtures/shanghai-bgt-2019/page.html", "fixtures/pingtan-syq-2021/page.txt",
                "fixtures/pingtan-syq-2012/page.txt", "fixtures/pingtan-syq-2018/page.txt",
                "fixtures/pingtan-syq-2019/page.txt", "fixtures/pingtan-syq-2023/page.txt")) {
            DocumentText doc = new DocumentReader(1 << 26).read(TestResources.bytes(path), path);
            texts.add(TextNormalizer.fold(doc.body()));
            texts.add(doc.page());
        }
        texts.add("<meta http-equiv=Content-Type content=\"text/html; CHARSET=GBK\"><META charset='utf-8'>");
        return texts;
    }

    /** Every Pattern held in a static field of the parser classes, also inside lists, arrays and records. */
    private static List<Pattern> parserPatterns() throws Exception {
        List<Pattern> out = new ArrayList<>();
        for (Class<?> c : PARSER_CLASSES) {
            for (Field f : c.getDeclaredFields()) {
                if (Modifier.isStatic(f.getModifiers())) {
                    f.setAccessible(true);
                    collect(f.get(null), out);
                }
            }
        }
        return out;
    }

    private static void collect(Object value, List<Pattern> out) throws Exception {
        if (value instanceof Pattern p) {
            out.add(p);
        } else if (value instanceof Pattern[] array) {
            out.addAll(List.of(array));
        } else if (value instanceof Collection<?> items) {
            for (Object item : items) {
                collect(item, out);
            }
        } else if (value != null && value.getClass().isRecord()) {
            for (RecordComponent rc : value.getClass().getRecordComponents()) {
                rc.getAccessor().setAccessible(true);
                Object component = rc.getAccessor().invoke(value);
                if (component instanceof Pattern p) {
                    out.add(p);
                }
            }
        }
    }
}
