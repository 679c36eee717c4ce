package org.nianbao.validate.rules;

/** The raw printed text and unit of a cell, because unit rules need what was printed, not only the number. */
public record CellDetail(String raw, String unit) {
}
