package org.nianbao.parse.parser;

/**
 * A region plus the level of the most precise division it was resolved to; it exists because the agency level
 * facet depends on that division level.
 *
 * @param level 1 province, 2 city, 3 county, 4 township/street, 0 unresolved
 */
public record ResolvedRegion(Region region, int level) {
}
