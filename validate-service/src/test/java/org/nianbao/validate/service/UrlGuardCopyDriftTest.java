package org.nianbao.validate.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fails when this service's copies of ingest-service's SSRF guard and its test drift from them (only the package
 * line differs), so the webhooks and the crawler refuse exactly the same URLs.
 */
class UrlGuardCopyDriftTest {

    @ParameterizedTest
    @ValueSource(strings = {"main/java/org/nianbao/%s/UrlGuard.java", "test/java/org/nianbao/%s/UrlGuardTest.java"})
    void copyDiffersFromTheOwnersOnlyInItsPackage(String file) throws Exception {
        Path original = Path.of("..", "ingest-service", "src", file.formatted("ingest/crawl"));
        Path copy = Path.of("src", file.formatted("validate/service"));
        assertTrue(Files.exists(original), "owner's file not found at " + original.toAbsolutePath());
        String expected = Files.readString(original).replace("package org.nianbao.ingest.crawl;",
                "package org.nianbao.validate.service;");
        assertEquals(expected, Files.readString(copy), copy + " differs from " + original
                + ": copy the owner's file and change only the package line");
    }
}
