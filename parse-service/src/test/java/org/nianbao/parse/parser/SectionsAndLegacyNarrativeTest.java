package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Older (pre-2019) reports as crawled page text: headings that run straight into their text, and statistics stated
 * only in the narrative; it exists to pin those two general rules apart from the real corpus.
 */
class SectionsAndLegacyNarrativeTest {

    private static ParsedReport parse(String text) {
        return TestResources.PARSER.parse(text.getBytes(StandardCharsets.UTF_8), "x.txt");
    }

    @Test
    void runOnHeadingsEndAtTheirLastHeadingWordOrTheFirstSubHeading() {
        ParsedReport r = parse("某某县人民政府2012年政府信息公开工作年度报告 一、 概述2012年，全县推进公开。"
                + "二、主动公开政府信息情况（一）主动公开政府信息的数量全县公开信息100条。"
                + "三、政府信息依申请公开工作情况 全年未收到申请。"
                + "四、政府信息公开工作存在的主要问题及改进情况目前，我县仍存在不足。"
                + "五、平潭县政府信息公开情况统计表指标名称计量单位2012年度主动公开信息数条100");
        assertEquals(List.of("一、 概述", "二、主动公开政府信息情况", "三、政府信息依申请公开工作情况",
                "四、政府信息公开工作存在的主要问题及改进情况", "五、平潭县政府信息公开情况统计表"),
                r.sections().stream().filter(s -> s.number() > 0).map(Section::heading).toList());
        assertEquals("目前，我县仍存在不足。", r.sections().get(4).text());
    }

    @Test
    void withoutAStatisticsTableTheNarrativeTotalsAreKept() {
        ParsedReport r = parse("某某局2013年信息公开年度报告 一、概述 概述。二、主动公开政府信息情况 2013年新增主动公开政府信息45条。"
                + "三、依申请公开情况 全年未收到政府信息公开申请。四、行政复议、行政诉讼情况 我局收到政府信息公开行政复议0件。");
        assertEquals("pre2019", r.formatVersion());
        assertEquals(45, r.cells().get("legacy.active.total").intValue());
        assertEquals(0, r.cells().get("legacy.applications.total").intValue());
        assertEquals(0, r.cells().get("legacy.review.total").intValue());
        assertNull(r.cells().get("legacy.suit.total"), "no litigation figure is stated");
        assertEquals("未收到政府信息公开申请", r.cellDetails().get("legacy.applications.total").raw());
    }

    @Test
    void aStatisticsTableWinsOverTheNarrative() {
        ParsedReport r = parse("某某县人民政府2011年政府信息公开工作年度报告 一、概述 全年主动公开政府信息999条。"
                + "附件：统计表 指标名称计量单位2011年度 主动公开信息数条425 受理依申请公开信息总数条0 对申请的答复数条0");
        assertEquals(425, r.cells().get("legacy.active.total").intValue());
        assertEquals(0, r.cells().get("legacy.replies.total").intValue());
    }
}
