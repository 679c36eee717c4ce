package org.nianbao.validate.rules;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.nianbao.validate.rules.catalogue.CellBlankRule;
import org.nianbao.validate.rules.catalogue.CellInvalidRule;
import org.nianbao.validate.rules.catalogue.FormatSectionMissingRule;
import org.nianbao.validate.rules.catalogue.FormatTableMissingRule;
import org.nianbao.validate.rules.catalogue.FormatVersionRule;
import org.nianbao.validate.rules.catalogue.PrivacyPersonalDataRule;
import org.nianbao.validate.rules.catalogue.PublishEditedRule;
import org.nianbao.validate.rules.catalogue.PublishLateRule;
import org.nianbao.validate.rules.catalogue.PublishMissingRule;
import org.nianbao.validate.rules.catalogue.S2InForceRule;
import org.nianbao.validate.rules.catalogue.S2UnitRule;
import org.nianbao.validate.rules.catalogue.S3BalanceRule;
import org.nianbao.validate.rules.catalogue.S3OutcomeTotalRule;
import org.nianbao.validate.rules.catalogue.S3RowTotalRule;
import org.nianbao.validate.rules.catalogue.S4GroupTotalRule;
import org.nianbao.validate.rules.catalogue.TextEmptySectionRule;
import org.nianbao.validate.rules.catalogue.TextFeeUnreportedRule;
import org.nianbao.validate.rules.catalogue.TextNarrativeMismatchRule;
import org.nianbao.validate.rules.catalogue.YearCarryOverRule;
import org.nianbao.validate.rules.catalogue.YearCopyTextRule;
import org.nianbao.validate.rules.catalogue.YearSameNumbersRule;

/** The one list of catalogue rules, in catalogue order, so the validator, REST API and docs can never disagree. */
public final class RuleRegistry {

    private static final RuleRegistry DEFAULT = new RuleRegistry(List.of(
            new S3BalanceRule(), new S3RowTotalRule(), new S3OutcomeTotalRule(), new S4GroupTotalRule(),
            new S2InForceRule(), new S2UnitRule(), new CellBlankRule(), new CellInvalidRule(),
            new FormatVersionRule(), new FormatSectionMissingRule(), new FormatTableMissingRule(),
            new TextNarrativeMismatchRule(), new TextFeeUnreportedRule(), new TextEmptySectionRule(),
            new YearCarryOverRule(), new YearCopyTextRule(), new YearSameNumbersRule(),
            new PublishLateRule(), new PublishMissingRule(), new PublishEditedRule(),
            new PrivacyPersonalDataRule()));

    private final Map<String, Rule> byCode = new LinkedHashMap<>();

    public RuleRegistry(List<Rule> rules) {
        for (Rule r : rules) {
            if (byCode.put(r.code(), r) != null) {
                throw new IllegalArgumentException("duplicate rule code " + r.code());
            }
        }
    }

    public static RuleRegistry defaults() {
        return DEFAULT;
    }

    public List<Rule> rules() {
        return List.copyOf(byCode.values());
    }

    public List<RuleDescriptor> descriptors() {
        return byCode.values().stream().map(Rule::descriptor).toList();
    }

    public Optional<Rule> find(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    public PublishMissingRule publishMissing() {
        return (PublishMissingRule) byCode.get("PUBLISH.MISSING");
    }
}
