package org.nianbao.validate.rules;

import java.util.Optional;

/** The three national format eras, because which rules apply depends on the era a report follows. */
public enum FormatVersion {
    PRE2019("pre2019"),
    V2019("2019"),
    V2021("2021");

    private final String wireName;

    FormatVersion(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<FormatVersion> fromWire(String value) {
        if (value == null) {
            return Optional.empty();
        }
        for (FormatVersion v : values()) {
            if (v.wireName.equals(value)) {
                return Optional.of(v);
            }
        }
        return Optional.empty();
    }

    /** The format a report covering {@code year} is required to use. */
    public static FormatVersion requiredFor(int year) {
        if (year <= 2018) {
            return PRE2019;
        }
        return year <= 2020 ? V2019 : V2021;
    }
}
