package org.nianbao.parse.parser.warnings;

import java.math.BigDecimal;
import java.util.List;

/**
 * Every warning message the parser writes (Chinese, then English), one factory per situation, each under its
 * {@link WarningCode}; it exists so the wording of all {@code PARSE.*} warnings sits in one place instead of being
 * concatenated where each is raised.
 */
public final class ParseWarnings {

    private ParseWarnings() {
    }

    // ---- input ----------------------------------------------------------------------------------------------------

    public static ParseWarning encodingGuessed(String charset) {
        return ParseWarning.of(WarningCode.ENCODING,
                "未声明字符编码，按 " + charset + " 解码 / undeclared encoding, decoded as " + charset);
    }

    public static ParseWarning scannedPdf(int pages) {
        return ParseWarning.of(WarningCode.SCANNED_PDF,
                "PDF 无文本层（扫描件/图片），" + pages + " 页，无法读取表格 / image-only PDF, no text layer");
    }

    /** Only {@code read} of the PDF's {@code pages} pages were read, for the page limit or else the time budget. */
    public static ParseWarning pdfPagesCut(int pages, int read, boolean pageLimit) {
        return ParseWarning.of(WarningCode.BUDGET_EXCEEDED, "PDF 共 " + pages + " 页，只读取了前 "
                + read + " 页（" + (pageLimit ? "页数上限" : "时间预算") + "）/ only the first " + read + " of " + pages
                + " pages were read");
    }

    /** A Word document cut short by the time budget after {@code elements} XHTML elements. */
    public static ParseWarning officeElementsCut(long elements) {
        return ParseWarning.of(WarningCode.BUDGET_EXCEEDED, "文档超出解析时间预算，只读取了前 "
                + elements + " 个元素 / parse time budget spent; only the first part of the document was read");
    }

    // ---- report -----------------------------------------------------------------------------------------------------

    /** {@code spentOn} is what ran out: "time" or "work". */
    public static ParseWarning budgetSpent(String spentOn) {
        return ParseWarning.of(WarningCode.BUDGET_EXCEEDED, "解析超出" + ("time".equals(spentOn) ? "时间" : "工作量")
                + "预算，其余需要拆分的连写数字未拆分（单元格为空）/ parse " + spentOn
                + " budget spent; rows still to be split were left empty");
    }

    public static ParseWarning mixedFormat(String s2Format, boolean s3OtherSplit) {
        return ParseWarning.of(WarningCode.MIXED_FORMAT, "表二为" + s2Format + "版格式，表三（六）其他处理为"
                + (s3OtherSplit ? "三行（2021版）" : "单行（2019版）") + " / tables printed in different format eras");
    }

    public static ParseWarning tableNotFound() {
        return ParseWarning.of(WarningCode.TABLE_NOT_FOUND, "未找到统计表格 / no national statistics tables found");
    }

    public static ParseWarning dateFromSignature(String publishedAt) {
        return ParseWarning.of(WarningCode.DATE_FROM_SIGNATURE,
                "发布日期取自落款日期 " + publishedAt + " / publication date taken from the signature date");
    }

    // ---- tables -----------------------------------------------------------------------------------------------------

    /** {@code where} names the table and row: 表三「（一）予以公开」. */
    public static String where(String table, String rowName) {
        return "表" + table + "「" + rowName + "」";
    }

    public static ParseWarning pageNumberSkipped(String where, String pageNumber, List<String> keys) {
        return new ParseWarning(WarningCode.EXTRA_VALUES.code(), where + " 标签与数值之间的页码「"
                + pageNumber + "」已跳过 / a page number between the row label and its values was skipped", keys);
    }

    public static ParseWarning rowsNotFound(String table, List<String> missing) {
        return new ParseWarning(WarningCode.TABLE_TRUNCATED.code(),
                "表" + table + "缺少行，单元格为空 / table " + table + " rows not found: " + missing.size() + " cells",
                missing);
    }

    public static ParseWarning table4NotFound(List<String> keys) {
        return new ParseWarning(WarningCode.TABLE_TRUNCATED.code(), "表四未找到 / table 四 not found", keys);
    }

    public static ParseWarning labelReworded(String where, String printed, List<String> keys) {
        return new ParseWarning(WarningCode.LABEL_REWORDED.code(), where + "按改写的标签「" + printed
                + "」读取 / row label reworded as 「" + printed + "」", keys);
    }

    public static ParseWarning inconsistentDigits(String where, List<BigDecimal> chosen, List<String> keys) {
        return new ParseWarning(WarningCode.AMBIGUOUS_DIGITS.code(), where
                + " 数字串无法按合计关系拆分，取最可能的拆分 " + chosen + " / digit run splits with no consistent total", keys);
    }

    /** {@code alternatives} as printed: the first few candidate splits joined by " | ". */
    public static ParseWarning ambiguousDigits(String where, List<BigDecimal> chosen, String alternatives,
                                               List<String> keys) {
        return new ParseWarning(WarningCode.AMBIGUOUS_DIGITS.code(), where + " 连写数字有多种拆分，取最可能的 "
                + chosen + "（候选 " + alternatives + "）/ ambiguous digit run, chose the most plausible split", keys);
    }

    public static ParseWarning fewerValues(String where, List<String> raws, List<String> keys) {
        return new ParseWarning(WarningCode.TABLE_TRUNCATED.code(), where + " 只读到部分数值 "
                + raws + " / fewer values than columns", keys);
    }

    public static ParseWarning moreValues(String where, List<String> keys) {
        return new ParseWarning(WarningCode.EXTRA_VALUES.code(), where + " 数值多于列数，取前 "
                + keys.size() + " 个 / more values than columns", keys);
    }

    public static ParseWarning labelWithoutValues(String where, List<String> keys) {
        return new ParseWarning(WarningCode.TABLE_TRUNCATED.code(), where + " 找到行标签但没有数值"
                + " / row label without values", keys);
    }

    public static ParseWarning digitsTooLong(String where, String printed, List<String> keys) {
        return new ParseWarning(WarningCode.DIGITS_UNSPLIT.code(), where + " 数字位数超出本行各列所能容纳，未读取，"
                + "原文「" + printed + "」/ more digits than the row's cells can hold, left unread", keys);
    }

    public static ParseWarning digitsOverBudget(String where, String printed, List<String> keys) {
        return new ParseWarning(WarningCode.DIGITS_UNSPLIT.code(), where + " 连写数字可拆分方式过多或超出工作量预算，未拆分，"
                + "原文「" + printed + "」/ too many possible splits, or the search ran past its work"
                + " budget: left unsplit", keys);
    }
}
