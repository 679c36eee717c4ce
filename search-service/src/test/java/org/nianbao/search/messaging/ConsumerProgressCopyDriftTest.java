package org.nianbao.search.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Fails when this service's copy of parse-service's ConsumerProgress drifts from it (only the package differs). */
class ConsumerProgressCopyDriftTest {

    private static final String FILE = "src/main/java/org/nianbao/%s/messaging/ConsumerProgress.java";

    @Test
    void copyDiffersFromTheOwnersOnlyInItsPackage() throws Exception {
        Path original = Path.of("..", "parse-service", FILE.formatted("parse"));
        Path copy = Path.of(FILE.formatted("search"));
        assertTrue(Files.exists(original), "owner's file not found at " + original.toAbsolutePath());
        String expected = Files.readString(original).replace("package org.nianbao.parse.messaging;",
                "package org.nianbao.search.messaging;");
        assertEquals(expected, Files.readString(copy), copy + " differs from " + original
                + ": copy the owner's file and change only the package line");
    }
}
