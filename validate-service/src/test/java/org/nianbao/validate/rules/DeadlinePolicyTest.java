package org.nianbao.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.MonthDay;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Deadlines from 条例 第四十九条, the 2008 条例 and per-province 乡镇/街道 overrides. */
class DeadlinePolicyTest {

    private static final DeadlinePolicy POLICY = new DeadlinePolicy(MonthDay.of(1, 31), MonthDay.of(3, 31),
            MonthDay.of(3, 31), MonthDay.of(3, 31),
            Map.of("福建省", Map.of("township", MonthDay.of(2, 15), "street_office", MonthDay.of(1, 31))));

    @ParameterizedTest
    @CsvSource({
        "2021, 2021, department, county, 福建省, 2022-01-31",
        "2021, 2021, government, county, 福建省, 2022-03-31",
        "2018, pre2019, department, city, 福建省, 2019-03-31",
        "2012, pre2019, government, city, 福建省, 2013-03-31",
        "2023, 2021, township, township, 福建省, 2024-02-15",
        "2023, 2021, street_office, township, 福建省, 2024-01-31",
        "2023, 2021, township, township, 广东省, 2024-03-31"})
    void deadline(int year, String format, String kind, String level, String province, String expected) {
        assertEquals(LocalDate.parse(expected), POLICY.deadlineFor(year, FormatVersion.fromWire(format).orElseThrow(),
                kind, level, province).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource({"other", "''"})
    void unknownKindHasNoDeadline(String kind) {
        assertTrue(POLICY.deadlineFor(2021, FormatVersion.V2021, kind, "city", "福建省").isEmpty());
    }
}
