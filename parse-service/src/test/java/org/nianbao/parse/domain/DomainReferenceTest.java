package org.nianbao.parse.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nianbao.parse.parser.CellKeys;
import org.nianbao.parse.parser.LegacyStatsReader;

/**
 * Fails when the domain reference (parse-service/DOMAIN.md §4) and the parser's key lists drift apart: every key the
 * parser emits is named there, and every key named there is one the parser emits.
 */
class DomainReferenceTest {

    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static Set<String> quoted;
    private static String text;

    @BeforeAll
    static void read() throws Exception {
        Path doc = Path.of("DOMAIN.md");
        assertTrue(Files.exists(doc), "domain reference not found at " + doc.toAbsolutePath());
        text = Files.readString(doc);
        quoted = new LinkedHashSet<>();
        Matcher m = CODE.matcher(text);
        while (m.find()) {
            quoted.add(m.group(1));
        }
    }

    @Test
    void everyTable2KeyIsNamed() {
        List<String> missing = new ArrayList<>();
        for (String key : concat(CellKeys.S2_2021, CellKeys.S2_2019)) {
            if (!quoted.contains(key)) {
                missing.add(key);
            }
        }
        assertEquals(List.of(), missing, "table 二 keys missing from DOMAIN.md §4.1");
    }

    @Test
    void everyTable3And4RowGroupAndColumnIsNamed() {
        List<String> missing = new ArrayList<>();
        for (String part : concat(CellKeys.s3Rows(true), CellKeys.s3Rows(false), CellKeys.S3_COLUMNS,
                CellKeys.S4_GROUPS, CellKeys.S4_COLUMNS)) {
            if (!quoted.contains(part)) {
                missing.add(part);
            }
        }
        assertEquals(List.of(), missing, "table 三/四 row, group or column keys missing from DOMAIN.md §4.2–4.3");
    }

    @Test
    void everyLegacyKeyIsNamed() {
        List<String> missing = new ArrayList<>();
        for (String key : LegacyStatsReader.keys()) {
            if (!key.endsWith(".cumulative") && !quoted.contains(key)) {
                missing.add(key);
            }
        }
        assertEquals(List.of(), missing, "legacy keys missing from DOMAIN.md §4.4");
    }

    @Test
    void everyKeyNamedIsOneTheParserEmits() {
        Set<String> known = new LinkedHashSet<>(concat(CellKeys.forFormat("2021"), CellKeys.forFormat("2019"),
                LegacyStatsReader.keys()));
        List<String> unknown = new ArrayList<>();
        for (String q : quoted) {
            if (q.matches("(s[234]|legacy)(\\.[a-z0-9_]+)+") && !known.contains(q)) {
                unknown.add(q);
            }
        }
        assertEquals(List.of(), unknown, "DOMAIN.md names keys the parser does not emit");
    }

    @Test
    void keyCountsPerFormatAreStated() {
        assertTrue(text.contains("2021 = 10 + 175 + 15 = **" + CellKeys.forFormat("2021").size() + " keys**"),
                "2021 key count");
        assertTrue(text.contains("2019 = 22 + 161 + 15 = **" + CellKeys.forFormat("2019").size() + " keys**"),
                "2019 key count");
        assertEquals(10, CellKeys.S2_2021.size());
        assertEquals(22, CellKeys.S2_2019.size());
        assertEquals(175, CellKeys.s3Keys(true).size());
        assertEquals(161, CellKeys.s3Keys(false).size());
        assertEquals(15, CellKeys.s4Keys().size());
    }

    @SafeVarargs
    private static List<String> concat(List<String>... lists) {
        List<String> all = new ArrayList<>();
        for (List<String> l : lists) {
            all.addAll(l);
        }
        return all;
    }
}
