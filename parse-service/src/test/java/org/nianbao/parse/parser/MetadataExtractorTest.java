package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Title, agency, year and date forms. */
class MetadataExtractorTest {

    @ParameterizedTest
    @CsvSource({
        "2020年番禺区人民政府沙湾街道办事处政府信息公开年度报告, 番禺区人民政府沙湾街道办事处",
        "平潭综合实验区2021年度政府信息公开工作年度报告, 平潭综合实验区",
        "2016年从化区人民政府办公室 政府信息公开年度报告, 从化区人民政府办公室",
        "杭州市财政局关于2022年度政府信息公开工作年度报告, 杭州市财政局"})
    void agencyIsTheTitleWithoutYearAndReportName(String title, String agency) {
        assertEquals(agency, MetadataExtractor.agency(title));
    }

    @Test
    void signatureDateInChineseNumeralsIsALastResortWithWarning() {
        String text = "某某县人民政府2019年政府信息公开工作年度报告\n一、总体情况\n正文。\n某某县人民政府办公室\n二〇二〇年一月二十日\n";
        ParsedReport r = TestResources.PARSER.parse(text.getBytes(StandardCharsets.UTF_8), "x.txt");
        assertEquals("2020-01-20", r.publishedAt());
        assertEquals(2019, r.year());
        assertTrue(r.hasWarning("PARSE.DATE_FROM_SIGNATURE"));
    }

    @Test
    void titleBlockOnTwoLinesTakesTheAgencyLineAboveTheYearLine() {
        String text = "- 1 -\n淮安市人民政府\n2024 年政府信息公开工作年度报告\n本报告由淮安市人民政府办公室编制。\n一、总体情况\n正文。\n";
        ParsedReport r = TestResources.PARSER.parse(text.getBytes(StandardCharsets.UTF_8), "x.txt");
        assertEquals("淮安市人民政府2024 年政府信息公开工作年度报告", r.title());
        assertEquals("淮安市人民政府", r.agency());
        assertEquals("江苏省", r.region().province());
        assertEquals("city", r.agencyLevel());
    }

    @Test
    void pageChromeAboveAYearTitleLineIsNotTakenForTheAgency() {
        String text = "首页\n2024年政府信息公开工作年度报告\n一、总体情况\n正文。\n";
        ParsedReport r = TestResources.PARSER.parse(text.getBytes(StandardCharsets.UTF_8), "x.txt");
        assertEquals("2024年政府信息公开工作年度报告", r.title());
    }

    @Test
    void numbersInChineseNumerals() {
        assertEquals(20, MetadataExtractor.number("二十"));
        assertEquals(31, MetadataExtractor.number("三十一"));
        assertEquals(10, MetadataExtractor.number("十"));
        assertEquals(12, MetadataExtractor.number("十二"));
        assertEquals(2013, MetadataExtractor.hanYear("二〇一三"));
    }
}
