package org.nianbao.parse.parser;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses one published 政府信息公开工作年度报告 (HTML, PDF, DOCX, DOC/WPS or text, any common encoding) into a
 * {@link ParsedReport}: metadata, region, sections and every canonical table cell, with warnings for whatever is
 * uncertain. It exists as the single entry point of the parsing domain; construct once, thread-safe.
 */
public final class ReportParser {

    /** Default largest input accepted, in bytes. */
    public static final long DEFAULT_MAX_BYTES = 64L * 1024 * 1024;

    /** A line break inside a heading between two Han characters (the heading was wrapped). */
    private static final Pattern HEADING_WRAP =
            Pattern.compile("(?<=[\\u4e00-\\u9fff])[ \\t]*\\n\\s*(?=[\\u4e00-\\u9fff])");
    private static final Pattern WHITESPACE_RUN = Pattern.compile("\\s+");

    private static final Set<String> S3_KEYS_2021 = Set.copyOf(CellKeys.s3Keys(true));
    private static final Set<String> S3_KEYS_2019 = Set.copyOf(CellKeys.s3Keys(false));

    /** Warning code of a parse that ran out of work or time and went on with what it had read. */
    public static final String BUDGET_EXCEEDED = "PARSE.BUDGET_EXCEEDED";

    private final DocumentReader reader;
    private final RegionResolver regions;
    private final ParseBudget.Limits limits;

    public ReportParser() {
        this(DEFAULT_MAX_BYTES);
    }

    public ReportParser(long maxBytes) {
        this(maxBytes, ParseBudget.Limits.defaults());
    }

    /** A parser refusing inputs over {@code maxBytes} and giving each document the work and time of {@code limits}. */
    public ReportParser(long maxBytes, ParseBudget.Limits limits) {
        this.reader = new DocumentReader(maxBytes);
        this.regions = new RegionResolver();
        this.limits = limits;
    }

    public ParsedReport parse(byte[] content, String fileName) {
        return parse(content, fileName, ParseHints.none());
    }

    /**
     * @throws UnparseableDocumentException when nothing useful can be extracted (empty, unknown binary, corrupt,
     *     encrypted, over the size limit)
     */
    public ParsedReport parse(byte[] content, String fileName, ParseHints hints) {
        return parse(content, fileName, hints, ParseBudget.forInput(limits, content == null ? 0 : content.length));
    }

    /**
     * Parses with a budget of the caller's (whose {@link ParseBudget#used()} tells afterwards what the parse cost).
     * When the budget runs out the parse goes on with what it has read: rows still to be split keep null values,
     * and the report carries {@code PARSE.BUDGET_EXCEEDED}.
     */
    public ParsedReport parse(byte[] content, String fileName, ParseHints hints, ParseBudget budget) {
        ParseHints h = hints == null ? ParseHints.none() : hints;
        DocumentText doc = reader.read(content, fileName, budget);
        List<ParseWarning> warnings = new ArrayList<>(doc.warnings());
        String body = doc.body();
        String norm = TextNormalizer.fold(body);
        String normPage = doc.page() == body ? norm : TextNormalizer.fold(doc.page());
        ReportMetadata meta = MetadataExtractor.extract(doc, normPage, norm, h);

        List<SectionLocator.Heading> national = SectionLocator.national(norm);
        TableResult tables = doc.scanned()
                ? new TableResult(Map.of(), Map.of(), List.of(), null, null, false)
                : TableReader.read(norm, national, doc.pageNumbers(), budget);
        warnings.addAll(tables.warnings());
        if (budget.spent() && warnings.stream().noneMatch(w -> w.code().equals(BUDGET_EXCEEDED))) {
            warnings.add(ParseWarning.of(BUDGET_EXCEEDED, "解析超出" + ("time".equals(budget.spentOn()) ? "时间" : "工作量")
                    + "预算，其余需要拆分的连写数字未拆分（单元格为空）/ parse " + budget.spentOn()
                    + " budget spent; rows still to be split were left empty"));
        }

        String format = tables.s2Format();
        if (format == null && tables.s3OtherSplit() != null) {
            format = tables.s3OtherSplit() ? "2021" : "2019";
        }
        if (format != null && tables.s2Format() != null && tables.s3OtherSplit() != null
                && tables.s2Format().equals("2021") != tables.s3OtherSplit()) {
            warnings.add(ParseWarning.of("PARSE.MIXED_FORMAT", "表二为" + tables.s2Format() + "版格式，表三（六）其他处理为"
                    + (tables.s3OtherSplit() ? "三行（2021版）" : "单行（2019版）") + " / tables printed in different format eras"));
        }

        Map<String, BigDecimal> cells = new LinkedHashMap<>(TableReader.CELLS_CAPACITY);
        Map<String, CellDetail> details = new LinkedHashMap<>(TableReader.CELLS_CAPACITY);
        List<Section> sections;
        if (format != null) {
            for (String key : CellKeys.forFormat(format)) {
                cells.put(key, null);
            }
            if (tables.s2Format() != null && !tables.s2Format().equals(format)) {
                for (String key : CellKeys.forFormat(tables.s2Format())) {
                    if (key.startsWith("s2.")) {
                        cells.put(key, null);
                    }
                }
            }
            cells.putAll(tables.cells());
            details.putAll(tables.details());
            boolean s3Split = tables.s3OtherSplit() == null || tables.s3OtherSplit();
            Set<String> s3Printed = s3Split ? S3_KEYS_2021 : S3_KEYS_2019;
            cells.keySet().removeIf(k -> k.startsWith("s3.") && !s3Printed.contains(k) && !tables.cells().containsKey(k));
            sections = sections(body, national);
        } else {
            List<SectionLocator.Heading> generic = SectionLocator.generic(norm);
            Map<String, CellDetail> legacyDetails = new LinkedHashMap<>();
            Map<String, BigDecimal> legacy = doc.scanned() ? Map.of() : LegacyStatsReader.read(norm, legacyDetails, budget);
            boolean legacyEra = meta.year() != null ? meta.year() <= 2018 : !legacy.isEmpty();
            if (!doc.scanned() && legacyEra) {
                format = "pre2019";
                for (String key : LegacyStatsReader.keys()) {
                    cells.put(key, null);
                }
                cells.putAll(legacy);
                cells.putAll(LegacyStatsReader.statedWithoutTable(norm, legacy, legacyDetails));
                details.putAll(legacyDetails);
                sections = sections(body, generic.size() > national.size() ? generic : national);
            } else {
                sections = sections(body, national.size() >= 3 ? national : generic);
                if (!doc.scanned()) {
                    warnings.add(ParseWarning.of("PARSE.TABLE_NOT_FOUND",
                            "未找到统计表格 / no national statistics tables found"));
                }
            }
        }
        if (meta.dateFromSignature()) {
            warnings.add(ParseWarning.of("PARSE.DATE_FROM_SIGNATURE",
                    "发布日期取自落款日期 " + meta.publishedAt() + " / publication date taken from the signature date"));
        }

        String context = String.join(" ", nz(meta.source()), nz(h.siteName()), nz(h.province()), nz(meta.title()));
        ResolvedRegion region = regions.resolve(meta.agency(), context);
        String kind = AgencyClassifier.kind(meta.agency());
        String level = AgencyClassifier.level(kind, region.level());
        return new ParsedReport(ParsedReport.SCHEMA_VERSION, null, null, null, doc.inputType(), meta.title(),
                meta.agency(), kind, level, meta.year(), meta.publishedAt(), format, region.region(), sections, cells,
                details, warnings);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static List<Section> sections(String body, List<SectionLocator.Heading> headings) {
        List<Section> out = new ArrayList<>();
        if (headings.isEmpty()) {
            return out;
        }
        String preamble = body.substring(0, headings.get(0).start()).strip();
        if (!preamble.isEmpty()) {
            out.add(new Section(0, "", preamble));
        }
        for (int i = 0; i < headings.size(); i++) {
            SectionLocator.Heading h = headings.get(i);
            int end = i + 1 < headings.size() ? headings.get(i + 1).start() : body.length();
            String heading = HEADING_WRAP.matcher(body.substring(h.start(), h.end())).replaceAll("");
            heading = WHITESPACE_RUN.matcher(heading).replaceAll(" ").strip();
            out.add(new Section(h.number(), heading, body.substring(h.end(), end).strip()));
        }
        return out;
    }
}
