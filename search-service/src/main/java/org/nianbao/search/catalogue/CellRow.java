package org.nianbao.search.catalogue;

import java.util.List;

/** One printed row of an official table, so a page can show a label next to the canonical keys of its cells. */
public record CellRow(String label, List<String> keys) {

    public CellRow {
        keys = List.copyOf(keys);
    }
}
