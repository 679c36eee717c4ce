package org.nianbao.validate.rules;

import java.util.List;
import java.util.Locale;

/** The overall verdict on a report, derived only from the severities of its findings. */
public enum Status {
    COMPLIANT,
    WARNINGS,
    NONCOMPLIANT;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Status of(List<Finding> findings) {
        boolean warning = false;
        for (Finding f : findings) {
            if (f.severity() == Severity.ERROR) {
                return NONCOMPLIANT;
            }
            warning |= f.severity() == Severity.WARNING;
        }
        return warning ? WARNINGS : COMPLIANT;
    }
}
