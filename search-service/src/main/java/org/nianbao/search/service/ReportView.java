package org.nianbao.search.service;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * Everything the report page shows: metadata, section texts, tables by printed label, findings, versions, and what
 * the parser could not read.
 */
public record ReportView(String id, String title, String agency, String agencyKey, String agencyKind,
                         String agencyLevel, String province, String city, String county, Integer year,
                         String publishedAt, String formatVersion, String status, Boolean late, String deadline,
                         SearchResultView.Counts counts, String validatedAt, String sourceUrl, String originalUrl,
                         List<SectionView> sections, List<TableView> tables, List<CellView> otherCells,
                         List<FindingView> findings, List<VersionView> history,
                         List<ParseWarningView> parseWarnings) {

    /**
     * Something the parser could not read with certainty (a row left unread, a truncated table): shown with the
     * report so a blank cell is never taken for one the agency left blank.
     */
    public record ParseWarningView(String code, String message, List<String> cells) {
    }

    /** One section of the text. */
    public record SectionView(int number, String heading, String text) {
    }

    /** One official table laid out as printed. */
    public record TableView(String section, String title, List<String> columns, List<RowView> rows) {
    }

    /** One printed row. */
    public record RowView(String label, List<CellView> cells) {
    }

    /**
     * One cell.
     *
     * @param value    the number, or JSON null when blank
     * @param findings indexes into {@link ReportView#findings()} of the findings that name this cell
     */
    public record CellView(String key, String label, JsonNode value, String raw, List<Integer> findings) {
    }

    /** One finding of the rule catalogue, with the Chinese labels of the cells it names. */
    public record FindingView(int index, String code, String severity, String message, List<String> cells,
                              List<String> cellLabels, JsonNode expected, JsonNode actual, String span) {
    }

    /** One version of the original seen by the pipeline. */
    public record VersionView(long version, String sha256, String fetchedAt, String sourceUrl, String validatedAt,
                              String originalUrl) {
    }
}
