package org.nianbao.validate.rules;

import java.util.List;
import java.util.Set;

/** A rule described as data (the catalogue the REST API and documentation show). */
public record RuleDescriptor(String code, Severity severity, String title, String description,
                             Set<FormatVersion> formats, Scope scope) {

    /** Whether a rule looks at one report or at the register of agencies that must report. */
    public enum Scope { REPORT, REGISTER }

    public RuleDescriptor {
        formats = Set.copyOf(formats);
    }

    public boolean appliesTo(FormatVersion format) {
        return format != null && formats.contains(format);
    }

    public List<String> formatNames() {
        return formats.stream().sorted().map(FormatVersion::wireName).toList();
    }
}
