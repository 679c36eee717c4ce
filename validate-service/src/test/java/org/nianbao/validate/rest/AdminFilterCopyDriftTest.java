package org.nianbao.validate.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fails when this service's copies of search-service's admin filter, its annotation and its test drift from them
 * (only the package line differs), so every service guards its admin endpoints the same way.
 */
class AdminFilterCopyDriftTest {

    @ParameterizedTest
    @ValueSource(strings = {"main/java/org/nianbao/%s/rest/AdminOnly.java",
        "main/java/org/nianbao/%s/rest/AdminTokenFilter.java", "test/java/org/nianbao/%s/rest/AdminTokenFilterTest.java"})
    void copyDiffersFromTheOwnersOnlyInItsPackage(String file) throws Exception {
        Path original = Path.of("..", "search-service", "src", file.formatted("search"));
        Path copy = Path.of("src", file.formatted("validate"));
        assertTrue(Files.exists(original), "owner's file not found at " + original.toAbsolutePath());
        String expected = Files.readString(original).replace("package org.nianbao.search.rest;",
                "package org.nianbao.validate.rest;");
        assertEquals(expected, Files.readString(copy), copy + " differs from " + original
                + ": copy the owner's file and change only the package line");
    }
}
