package org.nianbao.validate.rules;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Shared plumbing for catalogue rules: the descriptor from the message bundle and finding construction. */
public abstract class AbstractRule implements Rule {

    public static final Set<FormatVersion> ALL = EnumSet.allOf(FormatVersion.class);
    public static final Set<FormatVersion> NATIONAL = EnumSet.of(FormatVersion.V2019, FormatVersion.V2021);

    private final RuleDescriptor descriptor;

    protected AbstractRule(String code, Severity severity, Set<FormatVersion> formats) {
        this(code, severity, formats, RuleDescriptor.Scope.REPORT);
    }

    protected AbstractRule(String code, Severity severity, Set<FormatVersion> formats, RuleDescriptor.Scope scope) {
        Messages m = Messages.defaults();
        this.descriptor = new RuleDescriptor(code, severity, m.get("rule." + code + ".title"),
                m.get("rule." + code + ".description"), formats, scope);
    }

    @Override
    public final RuleDescriptor descriptor() {
        return descriptor;
    }

    protected Finding finding(Severity severity, String message, List<String> cells, Object expected, Object actual,
                              String span) {
        return new Finding(code(), severity, message, cells, expected, actual, span);
    }

    protected Finding finding(String message, List<String> cells, Object expected, Object actual) {
        return finding(descriptor.severity(), message, cells, expected, actual, null);
    }

    /**
     * Records the verdict of one identity: a plain failure at the rule's severity; a failure that involves a blank as
     * a warning marked "（空白按 0 计）"; a pass that involves a blank is remembered for one summarising info finding.
     */
    protected void judge(RuleInput in, Arithmetic a, List<String> cells, String message, List<Finding> out,
                         List<String> heldWithBlanks) {
        if (a.holds()) {
            if (a.blankInvolved()) {
                heldWithBlanks.addAll(a.blankCells());
            }
            return;
        }
        Number expected = Num.wire(a.sum());
        Number actual = Num.wire(a.declared());
        if (a.blankInvolved()) {
            out.add(finding(Severity.WARNING, message + in.messages().get("suffix.blank_as_zero"), cells, expected,
                    actual, null));
        } else {
            out.add(finding(descriptor.severity(), message, cells, expected, actual, null));
        }
    }

    /** Adds the one info finding saying how many cells were blank in identities that held only with blank = 0. */
    protected void summariseBlanks(RuleInput in, List<String> heldWithBlanks, List<Finding> out) {
        if (heldWithBlanks.isEmpty()) {
            return;
        }
        List<String> distinct = new ArrayList<>(new java.util.LinkedHashSet<>(heldWithBlanks));
        out.add(finding(Severity.INFO, in.messages().get("blank.held", code(), distinct.size()), distinct, null,
                null, null));
    }
}
