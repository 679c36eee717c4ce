package org.nianbao.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.nianbao.validate.rules.catalogue.S3BalanceRule;

/** The catalogue is complete (parse-service/DOMAIN.md §6), every rule class is registered and every code is unique. */
class RuleRegistryTest {

    /** The codes of parse-service/DOMAIN.md §6 with their severities, copied from its table. */
    private static final List<String> DOMAIN_CODES = List.of(
            "S3.BALANCE:error", "S3.ROW_TOTAL:error", "S3.OUTCOME_TOTAL:error", "S4.GROUP_TOTAL:error",
            "S2.IN_FORCE:warning", "S2.UNIT:warning", "CELL.BLANK:warning", "CELL.INVALID:error",
            "FORMAT.VERSION:error", "FORMAT.SECTION_MISSING:error", "FORMAT.TABLE_MISSING:error",
            "TEXT.NARRATIVE_MISMATCH:warning", "TEXT.FEE_UNREPORTED:warning", "TEXT.EMPTY_SECTION:warning",
            "YEAR.CARRY_OVER:error", "YEAR.COPY_TEXT:warning", "YEAR.SAME_NUMBERS:warning", "PUBLISH.LATE:error",
            "PUBLISH.MISSING:error", "PUBLISH.EDITED:warning", "PRIVACY.PERSONAL_DATA:error");

    @Test
    void everyDomainCodeIsRegisteredWithItsSeverity() {
        Set<String> registered = RuleRegistry.defaults().descriptors().stream()
                .map(d -> d.code() + ":" + d.severity().wireName()).collect(Collectors.toSet());
        assertEquals(Set.copyOf(DOMAIN_CODES), registered);
    }

    @Test
    void codesAreUniqueAndDescribed() {
        List<RuleDescriptor> ds = RuleRegistry.defaults().descriptors();
        assertEquals(ds.size(), new HashSet<>(ds.stream().map(RuleDescriptor::code).toList()).size());
        for (RuleDescriptor d : ds) {
            assertFalse(d.title().isBlank(), d.code());
            assertFalse(d.description().isBlank(), d.code());
            assertFalse(d.formats().isEmpty(), d.code());
        }
        assertThrows(IllegalArgumentException.class,
                () -> new RuleRegistry(List.of(new S3BalanceRule(), new S3BalanceRule())));
    }

    @Test
    void everyRuleClassInTheCatalogueIsRegistered() throws IOException, URISyntaxException {
        Path dir = Path.of(S3BalanceRule.class.getResource("S3BalanceRule.class").toURI()).getParent();
        Set<String> classes;
        try (Stream<Path> files = Files.list(dir)) {
            classes = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("Rule.class"))
                    .map(n -> n.substring(0, n.length() - ".class".length())).collect(Collectors.toSet());
        }
        Set<String> registered = RuleRegistry.defaults().rules().stream().map(r -> r.getClass().getSimpleName())
                .collect(Collectors.toSet());
        assertEquals(classes, registered);
    }

    @Test
    void pre2019ReportsGetOnlyTextPrivacyDeadlineAndCopyRules() {
        Set<String> pre = RuleRegistry.defaults().descriptors().stream()
                .filter(d -> d.appliesTo(FormatVersion.PRE2019)).map(RuleDescriptor::code)
                .collect(Collectors.toSet());
        assertEquals(Set.of("FORMAT.VERSION", "YEAR.COPY_TEXT", "PUBLISH.LATE", "PUBLISH.MISSING", "PUBLISH.EDITED",
                "PRIVACY.PERSONAL_DATA"), pre);
        assertTrue(RuleRegistry.defaults().find("TEXT.FEE_UNREPORTED").orElseThrow().descriptor()
                .formats().equals(Set.of(FormatVersion.V2021)));
    }
}
