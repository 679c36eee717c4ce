package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Agency names resolved to regions with their parents, and classified by kind and level. */
class RegionAndAgencyTest {

    private static final RegionResolver REGIONS = new RegionResolver();

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
        "番禺区人民政府沙湾街道办事处, -, 广东省, 广州市, 番禺区, street_office, township",
        "平潭综合实验区, -, 福建省, 福州市, 平潭县, government, county",
        "上海市人民政府办公厅, -, 上海市, -, -, department, province",
        "重庆市巴南区人民政府南彭街道办事处, -, 重庆市, 重庆市, 巴南区, street_office, township",
        "瓦房子镇, 朝阳县, 辽宁省, 朝阳市, 朝阳县, township, township",
        "从化区人民政府办公室, -, 广东省, 广州市, 从化区, department, county",
        "广州市越秀区大东街, -, 广东省, 广州市, 越秀区, street_office, township",
        "福建省人民政府, -, 福建省, -, -, government, province",
        "杭州市财政局, -, 浙江省, 杭州市, -, department, city",
        "北京市海淀区人民政府, -, 北京市, 北京市, 海淀区, government, county"})
    void resolves(String agency, String context, String province, String city, String county, String kind,
                  String level) {
        ResolvedRegion r = REGIONS.resolve(agency, context);
        assertEquals(province, r.region().province());
        assertEquals(city, r.region().city());
        assertEquals(county, r.region().county());
        String k = AgencyClassifier.kind(agency);
        assertEquals(kind, k);
        assertEquals(level, AgencyClassifier.level(k, r.level()));
    }
}
