package org.nianbao.validate.rules.catalogue;

import java.util.List;
import org.nianbao.validate.rules.AbstractRule;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.RuleInput;
import org.nianbao.validate.rules.Severity;

/** A published report whose bytes changed later was silently edited; readers of the first version were misinformed. */
public final class PublishEditedRule extends AbstractRule {

    public PublishEditedRule() {
        super("PUBLISH.EDITED", Severity.WARNING, ALL);
    }

    @Override
    public List<Finding> check(RuleInput in) {
        int version = in.report().sourceVersion();
        if (version <= 1 || in.report().draft()) {
            return List.of();
        }
        return List.of(finding(in.messages().get("PUBLISH.EDITED.edited", version), List.of(), 1, version));
    }
}
