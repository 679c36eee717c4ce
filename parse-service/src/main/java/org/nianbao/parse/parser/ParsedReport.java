package org.nianbao.parse.parser;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A report turned into structure — metadata, sections, canonical cells and warnings; it exists as the body of the
 * {@code report.parsed} event and of the command line's output (schema report.parsed.v1).
 */
@JsonPropertyOrder({"schemaVersion", "reportId", "source", "parsedAt", "inputType", "title", "agency", "agencyKind",
        "agencyLevel", "year", "publishedAt", "formatVersion", "region", "sections", "cells", "cellDetails", "warnings"})
public record ParsedReport(
        int schemaVersion,
        String reportId,
        JsonNode source,
        String parsedAt,
        String inputType,
        String title,
        String agency,
        String agencyKind,
        String agencyLevel,
        Integer year,
        String publishedAt,
        String formatVersion,
        Region region,
        List<Section> sections,
        Map<String, BigDecimal> cells,
        Map<String, CellDetail> cellDetails,
        List<ParseWarning> warnings) {

    public static final int SCHEMA_VERSION = 1;

    public ParsedReport withReportId(String id) {
        return new ParsedReport(schemaVersion, id, source, parsedAt, inputType, title, agency, agencyKind, agencyLevel,
                year, publishedAt, formatVersion, region, sections, cells, cellDetails, warnings);
    }

    public ParsedReport withSource(JsonNode newSource) {
        return new ParsedReport(schemaVersion, reportId, newSource, parsedAt, inputType, title, agency, agencyKind,
                agencyLevel, year, publishedAt, formatVersion, region, sections, cells, cellDetails, warnings);
    }

    /** @param isoInstant an ISO-8601 date-time such as {@code 2026-01-05T10:00:00Z} */
    public ParsedReport withParsedAt(String isoInstant) {
        return new ParsedReport(schemaVersion, reportId, source, isoInstant, inputType, title, agency, agencyKind,
                agencyLevel, year, publishedAt, formatVersion, region, sections, cells, cellDetails, warnings);
    }

    /** True when the report carries a warning with this code. */
    public boolean hasWarning(String code) {
        return warnings.stream().anyMatch(w -> w.code().equals(code));
    }
}
