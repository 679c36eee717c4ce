package org.nianbao.search.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nianbao.search.TestEvents;

class CellCatalogueTest {

    @Test
    void tablesHaveTheSizesOfDomainSection4() {
        assertEquals(10 + 25 * 7 + 15, CellCatalogue.tablesFor("2021").stream().mapToInt(t -> t.keys().size()).sum());
        assertEquals(6 + 6 + 6 + 2 + 2 + 23 * 7 + 15,
                CellCatalogue.tablesFor("2019").stream().mapToInt(t -> t.keys().size()).sum());
        assertEquals(List.of(), CellCatalogue.tablesFor("pre2019"));
        assertEquals(List.of(), CellCatalogue.tablesFor(null));
    }

    @Test
    void everyKeyIsUniqueAndLabelled() {
        List<String> keys = CellCatalogue.allKeys();
        assertEquals(keys.size(), new HashSet<>(keys).size());
        keys.forEach(k -> assertTrue(CellCatalogue.label(k).isPresent(), k));
        assertEquals("三、（一）予以公开 · 自然人", CellCatalogue.label("s3.granted.natural").orElseThrow());
    }

    @ParameterizedTest
    @ValueSource(strings = {"pingtan-syq-2019", "pingtan-syq-2021", "pingtan-syq-2023", "shanghai-bgt-2019"})
    void fixtureCellsAreExactlyTheTableKeysOfTheirFormat(String fixture) {
        JsonNode report = TestEvents.json(fixture).get("report");
        Set<String> cells = new HashSet<>();
        report.get("cells").fieldNames().forEachRemaining(cells::add);
        Set<String> tableKeys = new HashSet<>();
        CellCatalogue.tablesFor(report.get("formatVersion").asText()).forEach(t -> tableKeys.addAll(t.keys()));
        assertEquals(tableKeys, cells);
    }

    @Test
    void mappingResourceHasEveryKeyAsDouble() throws Exception {
        JsonNode cells;
        try (InputStream in = getClass().getResourceAsStream("/elasticsearch/reports-v2.json")) {
            cells = new ObjectMapper().readTree(in).at("/mappings/properties/cells/properties");
        }
        Set<String> mapped = new HashSet<>();
        cells.fieldNames().forEachRemaining(mapped::add);
        assertEquals(new HashSet<>(CellCatalogue.allKeys()), mapped);
        cells.forEach(field -> assertEquals("double", field.get("type").asText()));
    }
}
