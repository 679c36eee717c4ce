package org.nianbao.search.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fails when this service's copies of parse-service's ConsumerProgress and KafkaBacklogMetrics drift from them
 * (only the package line differs).
 */
class ConsumerClassesCopyDriftTest {

    private static final String DIR = "src/main/java/org/nianbao/%s/messaging/";

    @ParameterizedTest
    @ValueSource(strings = {"ConsumerProgress.java", "KafkaBacklogMetrics.java"})
    void copyDiffersFromTheOwnersOnlyInItsPackage(String file) throws Exception {
        String path = DIR + file;
        Path original = Path.of("..", "parse-service", path.formatted("parse"));
        Path copy = Path.of(path.formatted("search"));
        assertTrue(Files.exists(original), "owner's file not found at " + original.toAbsolutePath());
        String expected = Files.readString(original).replace("package org.nianbao.parse.messaging;",
                "package org.nianbao.search.messaging;");
        assertEquals(expected, Files.readString(copy), copy + " differs from " + original
                + ": copy the owner's file and change only the package line");
    }
}
