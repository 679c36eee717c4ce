package org.nianbao.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.nianbao.validate.rules.catalogue.PublishMissingRule;

/** A registered agency is missing only after its deadline and only without a report. */
class PublishMissingRuleTest {

    private final PublishMissingRule rule = RuleRegistry.defaults().publishMissing();

    @Test
    void missingAfterDeadline() {
        ValidationContext ctx = ValidationContext.lawAsOf(LocalDate.of(2025, 2, 1));
        Finding f = rule.checkAgency("平潭综合实验区财政金融局", "department", "city", "福建省", 2024, false, ctx)
                .orElseThrow();
        assertEquals("PUBLISH.MISSING", f.code());
        assertEquals(Severity.ERROR, f.severity());
        assertEquals("2025-01-31", f.expected());
        assertTrue(f.message().contains("平潭综合实验区财政金融局"));
    }

    @Test
    void notMissingBeforeDeadlineOrWithReport() {
        ValidationContext onDeadline = ValidationContext.lawAsOf(LocalDate.of(2025, 1, 31));
        assertTrue(rule.checkAgency("X局", "department", "city", "福建省", 2024, false, onDeadline).isEmpty());
        ValidationContext later = ValidationContext.lawAsOf(LocalDate.of(2025, 6, 1));
        assertTrue(rule.checkAgency("X局", "department", "city", "福建省", 2024, true, later).isEmpty());
        assertTrue(rule.checkAgency("X区政府", "government", "county", "福建省", 2024, false,
                ValidationContext.lawAsOf(LocalDate.of(2025, 3, 1))).isEmpty());
    }
}
