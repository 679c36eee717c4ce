package org.nianbao.search.kibana;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every field the Kibana saved objects in deploy/kibana use exists in the index mapping with an aggregatable type. */
class KibanaSavedObjectsTest {

    private static final Path SAVED_OBJECTS = Path.of("..", "deploy", "kibana", "nianbao-saved-objects.ndjson");
    private static final Set<String> NUMERIC = Set.of("integer", "long", "double", "float", "scaled_float", "short");
    private static final Set<String> AGGREGATABLE = Set.of("keyword", "integer", "long", "double", "float",
            "scaled_float", "short", "date", "boolean");
    private static final Pattern KUERY_FIELD = Pattern.compile("([A-Za-z_][A-Za-z0-9_.]*)\\s*:");
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Map<String, String> fieldTypes;
    private static List<JsonNode> objects;

    @BeforeAll
    static void load() throws Exception {
        try (InputStream in = KibanaSavedObjectsTest.class.getResourceAsStream("/elasticsearch/reports-v2.json")) {
            fieldTypes = new HashMap<>();
            flatten("", JSON.readTree(in).at("/mappings/properties"), fieldTypes);
        }
        objects = new ArrayList<>();
        for (String line : Files.readAllLines(SAVED_OBJECTS, StandardCharsets.UTF_8)) {
            if (!line.isBlank()) {
                objects.add(JSON.readTree(line));
            }
        }
    }

    /** Field path → type; dotted property names (cells) expand like Elasticsearch does; multi-fields included. */
    static void flatten(String prefix, JsonNode properties, Map<String, String> out) {
        Iterator<Map.Entry<String, JsonNode>> fields = properties.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String path = prefix + field.getKey();
            JsonNode def = field.getValue();
            if (def.has("properties")) {
                flatten(path + ".", def.get("properties"), out);
            } else if (def.has("type") && !"object".equals(def.get("type").asText())) {
                out.put(path, def.get("type").asText());
                def.path("fields").fields().forEachRemaining(sub -> out.put(path + "." + sub.getKey(),
                        sub.getValue().path("type").asText()));
            }
        }
    }

    private static List<JsonNode> ofType(String type) {
        return objects.stream().filter(o -> type.equals(o.path("type").asText())).toList();
    }

    @Test
    void dataViewIsTheAliasWithADateTimeField() {
        List<JsonNode> views = ofType("index-pattern");
        assertEquals(1, views.size());
        assertEquals("nianbao-reports", views.get(0).at("/attributes/title").asText());
        assertEquals("date", fieldTypes.get(views.get(0).at("/attributes/timeFieldName").asText()));
    }

    @Test
    void everyAggregationFieldExistsWithAnAggregatableType() throws Exception {
        List<JsonNode> visualizations = ofType("visualization");
        assertTrue(visualizations.size() >= 8);
        int checked = 0;
        for (JsonNode vis : visualizations) {
            String title = vis.at("/attributes/title").asText();
            JsonNode state = JSON.readTree(vis.at("/attributes/visState").asText());
            for (JsonNode agg : state.get("aggs")) {
                String field = agg.path("params").path("field").asText(null);
                if (field == null) {
                    continue;
                }
                String type = fieldTypes.get(field);
                assertTrue(type != null, title + ": field " + field + " is not in the mapping");
                assertTrue(AGGREGATABLE.contains(type), title + ": " + field + " is " + type);
                if (Set.of("sum", "avg", "max", "min").contains(agg.get("type").asText())) {
                    assertTrue(NUMERIC.contains(type), title + ": " + agg.get("type") + " of non-numeric " + field);
                }
                checked++;
            }
            JsonNode source = JSON.readTree(vis.at("/attributes/kibanaSavedObjectMeta/searchSourceJSON").asText());
            Matcher m = KUERY_FIELD.matcher(source.at("/query/query").asText());
            while (m.find()) {
                assertTrue(AGGREGATABLE.contains(fieldTypes.get(m.group(1))), title + ": query field " + m.group(1));
                checked++;
            }
            assertEquals("nianbao-reports", vis.at("/references/0/id").asText(), title);
            assertEquals(source.get("indexRefName").asText(), vis.at("/references/0/name").asText(), title);
        }
        assertTrue(checked > 40, "fields checked: " + checked);
    }

    @Test
    void dashboardsReferenceOnlyVisualizationsOfTheFile() throws Exception {
        Set<String> visIds = new HashSet<>();
        ofType("visualization").forEach(v -> visIds.add(v.get("id").asText()));
        List<JsonNode> dashboards = ofType("dashboard");
        assertEquals(3, dashboards.size());
        for (JsonNode dashboard : dashboards) {
            JsonNode panels = JSON.readTree(dashboard.at("/attributes/panelsJSON").asText());
            assertFalse(panels.isEmpty());
            Set<String> refNames = new HashSet<>();
            for (JsonNode ref : dashboard.get("references")) {
                assertTrue(visIds.contains(ref.get("id").asText()), ref.toString());
                refNames.add(ref.get("name").asText());
            }
            panels.forEach(p -> assertTrue(refNames.contains(p.get("panelRefName").asText()), p.toString()));
        }
    }

    @Test
    void idsAreUnique() {
        Set<String> ids = new HashSet<>();
        objects.forEach(o -> assertTrue(ids.add(o.get("type").asText() + "/" + o.get("id").asText()), o.get("id").asText()));
    }
}
