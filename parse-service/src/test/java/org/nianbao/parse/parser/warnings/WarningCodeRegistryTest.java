package org.nianbao.parse.parser.warnings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every {@code PARSE.*} code the module mentions is registered in {@link WarningCode}, and the README lists them all. */
class WarningCodeRegistryTest {

    private static final Pattern CODE = Pattern.compile("PARSE\\.[A-Z][A-Z0-9_]*");
    private static final Path MODULE = Path.of("").toAbsolutePath();

    @Test
    void everyCodeMentionedInSourcesOrTestsIsRegistered() throws IOException {
        TreeMap<String, String> unknown = new TreeMap<>();
        for (Path dir : List.of(MODULE.resolve("src/main/java"), MODULE.resolve("src/test/java"))) {
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                    Matcher m = CODE.matcher(Files.readString(f, StandardCharsets.UTF_8));
                    while (m.find()) {
                        if (WarningCode.of(m.group()) == null) {
                            unknown.put(m.group(), MODULE.relativize(f).toString());
                        }
                    }
                }
            }
        }
        assertEquals(new TreeMap<>(), unknown, "codes not in WarningCode");
    }

    @Test
    void mainSourcesSpellNoCodeAsAStringLiteral() throws IOException {
        List<String> literals = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MODULE.resolve("src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (Files.readString(f, StandardCharsets.UTF_8).contains("\"PARSE.")) {
                    literals.add(MODULE.relativize(f).toString());
                }
            }
        }
        assertEquals(List.of(MODULE.relativize(MODULE.resolve(
                "src/main/java/org/nianbao/parse/parser/warnings/WarningCode.java")).toString()), literals);
    }

    @Test
    void readmeTableListsExactlyTheRegistry() throws IOException {
        String readme = Files.readString(MODULE.resolve("README.md"), StandardCharsets.UTF_8);
        int from = readme.indexOf("## Warning codes");
        assertTrue(from >= 0, "README has a ## Warning codes section");
        int to = readme.indexOf("\n## ", from + 1);
        Matcher row = Pattern.compile("(?m)^\\| `(PARSE\\.[A-Z0-9_]+)` \\|").matcher(
                readme.substring(from, to < 0 ? readme.length() : to));
        Set<String> documented = new TreeSet<>();
        while (row.find()) {
            documented.add(row.group(1));
        }
        Set<String> registered = new TreeSet<>(Arrays.stream(WarningCode.values()).map(WarningCode::code).toList());
        assertEquals(registered, documented);
    }
}
