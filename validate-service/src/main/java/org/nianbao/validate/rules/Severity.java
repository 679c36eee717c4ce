package org.nianbao.validate.rules;

import java.util.Locale;

/** Ranks findings so that the overall status and alerting can be derived from them. */
public enum Severity {
    ERROR,
    WARNING,
    INFO;

    /** The lower-case wire name used in events, JSON output and the REST API. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
