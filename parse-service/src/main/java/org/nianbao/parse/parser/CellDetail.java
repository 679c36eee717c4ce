package org.nianbao.parse.parser;

/**
 * The cell text exactly as printed and its unit; it exists so a reviewer can see what a number was read from.
 */
public record CellDetail(String raw, String unit) {
}
