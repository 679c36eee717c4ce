package org.nianbao.validate.it;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import org.nianbao.validate.rules.Fixtures;

/** Fixture-based report.parsed payloads with a fresh reportId and agency per test run (the database persists). */
final class ItData {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Random RANDOM = new Random();

    private ItData() {
    }

    /** A random agency name of letters only (agency keys drop years, so no digits). */
    static String agency() {
        StringBuilder sb = new StringBuilder("集成测试机关");
        for (int i = 0; i < 10; i++) {
            sb.append((char) ('a' + RANDOM.nextInt(26)));
        }
        return sb.toString();
    }

    static String id(String prefix) {
        return prefix + "-" + Long.toHexString(RANDOM.nextLong());
    }

    static ObjectNode report(String fixture, String reportId, String agency) {
        try {
            ObjectNode n = (ObjectNode) MAPPER.readTree(Fixtures.json(fixture));
            n.put("reportId", reportId);
            n.put("agency", agency);
            return n;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ObjectNode cells(ObjectNode report) {
        return (ObjectNode) report.get("cells");
    }
}
