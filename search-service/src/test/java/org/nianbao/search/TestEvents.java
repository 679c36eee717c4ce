package org.nianbao.search;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Loads the hand-built report.validated events of the six fixture reports (see src/test/scripts). */
public final class TestEvents {

    public static final List<String> FIXTURES = List.of("pingtan-syq-2012", "pingtan-syq-2018", "pingtan-syq-2019",
            "pingtan-syq-2021", "pingtan-syq-2023", "shanghai-bgt-2019");
    public static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    public static String raw(String name) {
        try (InputStream in = TestEvents.class.getResourceAsStream("/events/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no test event " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ObjectNode json(String name) {
        try {
            return (ObjectNode) JSON.readTree(raw(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A copy of a fixture event under another id and with other facet values, for paging and count tests. */
    public static ObjectNode synthetic(String base, String reportId, String county, int year, boolean late,
                                       String status) {
        ObjectNode event = json(base);
        event.put("reportId", reportId);
        event.put("late", late);
        event.put("status", status);
        ObjectNode report = (ObjectNode) event.get("report");
        report.put("reportId", reportId);
        report.put("year", year);
        report.put("title", county + year + "年政府信息公开工作年度报告");
        report.put("agency", county + "人民政府");
        ((ObjectNode) report.get("region")).put("county", county);
        event.put("agencyKey", county + "人民政府");
        return event;
    }
}
