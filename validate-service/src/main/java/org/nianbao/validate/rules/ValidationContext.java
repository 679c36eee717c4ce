package org.nianbao.validate.rules;

import java.time.LocalDate;
import java.util.Objects;

/** What a validation run depends on besides the report and its history: deadlines and the current date. */
public record ValidationContext(LocalDate today, DeadlinePolicy deadlines) {

    public ValidationContext {
        Objects.requireNonNull(today, "today");
        deadlines = deadlines == null ? DeadlinePolicy.LAW : deadlines;
    }

    public static ValidationContext lawAsOf(LocalDate today) {
        return new ValidationContext(today, DeadlinePolicy.LAW);
    }
}
