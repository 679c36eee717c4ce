package org.nianbao.validate.rules;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import java.util.Optional;

/**
 * When a report is due: 条例 第四十九条 (部门 by 1月31日, 县级以上人民政府 by 3月31日), 3月31日 for every body before the
 * 2019 revision, and per-province overrides for 乡镇/街道 whose deadline each province sets.
 *
 * @param townshipOverrides province name → agency level or kind (township, street_office) → deadline
 * @param townshipDefault   deadline for 乡镇/街道 when the province has no override
 */
public record DeadlinePolicy(MonthDay department, MonthDay government, MonthDay legacy, MonthDay townshipDefault,
                             Map<String, Map<String, MonthDay>> townshipOverrides) {

    public static final DeadlinePolicy LAW = new DeadlinePolicy(MonthDay.of(1, 31), MonthDay.of(3, 31),
            MonthDay.of(3, 31), MonthDay.of(3, 31), Map.of());

    public DeadlinePolicy {
        townshipOverrides = townshipOverrides == null ? Map.of() : Map.copyOf(townshipOverrides);
    }

    /** The deadline for the report of {@code year} by an agency of this kind, level and province, if known. */
    public Optional<LocalDate> deadlineFor(Integer year, FormatVersion format, String agencyKind, String agencyLevel,
                                           String province) {
        if (year == null) {
            return Optional.empty();
        }
        int due = year + 1;
        if (year <= 2018 || format == FormatVersion.PRE2019) {
            return Optional.of(legacy.atYear(due));
        }
        boolean township = "township".equals(agencyLevel) || "township".equals(agencyKind)
                || "street_office".equals(agencyKind);
        if (township) {
            Map<String, MonthDay> byLevel = province == null ? Map.of() : townshipOverrides.getOrDefault(province, Map.of());
            MonthDay md = byLevel.get(agencyKind);
            if (md == null) {
                md = byLevel.getOrDefault("township", townshipDefault);
            }
            return Optional.of(md.atYear(due));
        }
        if ("department".equals(agencyKind)) {
            return Optional.of(department.atYear(due));
        }
        if ("government".equals(agencyKind)) {
            return Optional.of(government.atYear(due));
        }
        return Optional.empty();
    }

    public Optional<LocalDate> deadlineFor(ParsedReportView r) {
        return deadlineFor(r.year(), r.format(), r.agencyKind(), r.agencyLevel(), r.province());
    }
}
