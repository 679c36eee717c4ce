package org.nianbao.parse.parser;

/**
 * The administrative region an agency belongs to, resolved against the national division list; it exists so
 * reports can be browsed by province, city and county.
 */
public record Region(String province, String city, String county, String code) {

    /** A region nothing could be resolved for. */
    public static Region unknown() {
        return new Region(null, null, null, null);
    }
}
