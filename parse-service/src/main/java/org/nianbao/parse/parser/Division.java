package org.nianbao.parse.parser;

/**
 * One entry of the national division list (level 1 province, 2 city, 3 county, 4 township/street); it exists so
 * agency names can be resolved to a region with their parents.
 */
public record Division(String code, String name, String parentCode, int level) {

    /** Placeholder city rows of municipalities and directly administered counties. */
    public boolean placeholder() {
        return name.equals("市辖区") || name.equals("县") || name.endsWith("直辖县级行政区划");
    }
}
