package org.nianbao.parse.parser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** Loads the copied fixtures and seeds from the test classpath; exists so tests never read /work/shared. */
final class TestResources {

    static final ObjectMapper JSON = new ObjectMapper();
    static final ReportParser PARSER = new ReportParser();

    private TestResources() {
    }

    static byte[] bytes(String path) {
        try (InputStream in = TestResources.class.getResourceAsStream("/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("missing test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String text(String path) {
        return new String(bytes(path), java.nio.charset.StandardCharsets.UTF_8);
    }

    static JsonNode json(String path) {
        try {
            return JSON.readTree(bytes(path));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Expected cells (key → number or null) that the report lacks or reads otherwise; empty when all match. */
    static List<String> wrongCells(ParsedReport report, JsonNode expected) {
        return wrongCells(report, expected, key -> false);
    }

    /** As {@link #wrongCells(ParsedReport, JsonNode)}, except differing cells for which {@code excused} holds. */
    static List<String> wrongCells(ParsedReport report, JsonNode expected, Predicate<String> excused) {
        List<String> wrong = new ArrayList<>();
        expected.fields().forEachRemaining(cell -> {
            String key = cell.getKey();
            if (!report.cells().containsKey(key)) {
                wrong.add(key + " missing");
            } else if (!same(report.cells().get(key), cell.getValue()) && !excused.test(key)) {
                wrong.add(key + "=" + report.cells().get(key) + " expected " + cell.getValue());
            }
        });
        return wrong;
    }

    /** Same numeric value (1e-6 relative), or both null. */
    static boolean same(BigDecimal actual, JsonNode expected) {
        if (expected == null || expected.isNull()) {
            return actual == null;
        }
        if (actual == null) {
            return false;
        }
        double e = expected.asDouble();
        return Math.abs(actual.doubleValue() - e) <= 1e-6 * Math.max(1.0, Math.abs(e));
    }
}
