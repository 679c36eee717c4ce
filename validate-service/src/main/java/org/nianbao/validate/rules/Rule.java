package org.nianbao.validate.rules;

import java.util.List;

/** One check from the catalogue (parse-service/DOMAIN.md §6); implementations are stateless and thread-safe. */
public interface Rule {

    RuleDescriptor descriptor();

    /** Findings for one report; empty when the report passes. */
    List<Finding> check(RuleInput input);

    default String code() {
        return descriptor().code();
    }
}
