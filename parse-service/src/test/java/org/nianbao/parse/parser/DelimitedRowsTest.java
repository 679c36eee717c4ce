package org.nianbao.parse.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Markdown, tab and CSV rows become tab cells with blank markers; sentences and grouped numbers stay as printed. */
class DelimitedRowsTest {

    private static final String B = String.valueOf(DocumentText.BLANK);

    @Test
    void markdownRowKeepsBlankValuesAndDropsMergedLabelRemnants() {
        assertEquals("2.重复申请\t821\t" + B + "\t" + B + "\t1",
                DelimitedRows.normalize("|  |  | 2.重复申请 | 821 |  |  | 1 |"));
        assertEquals("", DelimitedRows.normalize("|---|:---:|---|"));
        assertEquals("结果维持\t总计\t未经复议直接起诉\t复议后起诉",
                DelimitedRows.normalize("| 结果维持 | 总计 | 未经复议直接起诉 |  |  | 复议后起诉 |  |"));
    }

    @Test
    void tabRowKeepsBlankValues() {
        assertEquals("行政许可\t" + B + "\t5", DelimitedRows.normalize("行政许可\t\t5"));
    }

    @Test
    void csvRowCommasAreCellBoundariesButGroupedNumbersAndSentencesStay() {
        assertEquals("行政许可\t442\t278", DelimitedRows.normalize("行政许可,442,278"));
        assertEquals("5\t" + B + "\t2\t7", DelimitedRows.normalize("5,,2,7"));
        assertEquals("行政许可\t1,234\t5", DelimitedRows.normalize("行政许可,\"1,234\",5"));
        assertEquals("三、本年度办理结果\t（一）予以公开\t" + B + "\t258",
                DelimitedRows.normalize("三、本年度办理结果,（一）予以公开,,258"));
        assertEquals("共收到申请1,234,567件", DelimitedRows.normalize("共收到申请1,234,567件"));
        assertEquals("1,234,567", DelimitedRows.normalize("1,234,567"));
        assertEquals("我们做了三件事,一是公开,二是答复", DelimitedRows.normalize("我们做了三件事,一是公开,二是答复"));
    }
}
