package org.nianbao.parse.schema;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Fails when this consumer's copy of an event schema drifts from the producer's original. */
class SchemaCopyDriftTest {

    private static final String SCHEMAS = "src/main/resources/schemas/";

    @Test
    void copyOfFetchedSchemaIsByteIdenticalToTheProducers() throws Exception {
        Path copy = Path.of(SCHEMAS, "report.fetched.v1.schema.json");
        Path original = Path.of("..", "ingest-service", SCHEMAS, "report.fetched.v1.schema.json");
        assertTrue(Files.exists(original), "producer schema not found at " + original.toAbsolutePath());
        assertArrayEquals(Files.readAllBytes(original), Files.readAllBytes(copy),
                copy + " differs from " + original + ": copy the producer's file, never edit the copy");
    }
}
