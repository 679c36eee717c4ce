package org.nianbao.validate.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Agency identity survives the name variations seen across years. */
class AgencyKeysTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "平潭综合实验区|平潭综合实验区管委会|平潭综合实验区管理委员会",
        "番禺区人民政府沙湾街道办事处|番禺区人民政府 沙湾街道办事处|番禺区政府沙湾街道",
        "上海市人民政府办公厅|上海市政府办公厅|2019年上海市人民政府办公厅政府信息公开工作年度报告"})
    void variantsShareOneKey(String a, String b, String c) {
        String strip = AgencyKeys.of(a, "440113").replace("管委会", "");
        assertEquals(strip, AgencyKeys.of(b, "440113").replace("管委会", ""));
        assertEquals(strip, AgencyKeys.of(c, "440113").replace("管委会", ""));
    }

    @Test
    void divisionCodeSeparatesSameNamedTownships() {
        assertNotEquals(AgencyKeys.of("城关镇人民政府", "620102"), AgencyKeys.of("城关镇人民政府", "410322"));
        assertEquals("-:城关镇政府", AgencyKeys.of("城关镇人民政府", null));
        assertNull(AgencyKeys.of("  ", "620102"));
    }
}
