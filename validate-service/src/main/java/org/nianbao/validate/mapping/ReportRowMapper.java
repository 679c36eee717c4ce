package org.nianbao.validate.mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nianbao.validate.report.ValidationJson;
import org.nianbao.validate.repository.ValidatedReportEntity;
import org.nianbao.validate.rules.FormatVersion;
import org.nianbao.validate.rules.ParsedReportView;
import org.nianbao.validate.rules.PriorReport;
import org.nianbao.validate.rules.TextFingerprint;
import org.nianbao.validate.rules.ValidationResult;

/** Converts between the rules' value types and the stored history row (cells and findings as JSON). */
@ApplicationScoped
public class ReportRowMapper {

    private static final TypeReference<LinkedHashMap<String, Double>> CELLS = new TypeReference<>() {
    };

    private final ObjectMapper mapper;
    private final ValidationJson json;

    public ReportRowMapper(ObjectMapper mapper) {
        this.mapper = mapper;
        this.json = new ValidationJson(mapper);
    }

    /** Writes a report, its parsed body and its verdict into the row. */
    public void fill(ValidatedReportEntity e, ParsedReportView r, JsonNode body, ValidationResult result,
                     OffsetDateTime validatedAt) {
        e.setReportId(r.reportId());
        e.setAgencyKey(result.agencyKey());
        e.setYear(r.year());
        e.setSourceVersion(r.sourceVersion());
        e.setFormatVersion(r.format() == null ? null : r.format().wireName());
        e.setPublishedAt(r.publishedAt());
        e.setReport(body.toString());
        e.setCells(write(r.cells()));
        e.setFingerprint(TextFingerprint.of(r.narrative()).toBase64());
        applyResult(e, result, validatedAt);
    }

    public void applyResult(ValidatedReportEntity e, ValidationResult result, OffsetDateTime validatedAt) {
        e.setStatus(result.status().wireName());
        e.setErrorCount(result.counts().error());
        e.setWarningCount(result.counts().warning());
        e.setInfoCount(result.counts().info());
        e.setLate(result.late());
        e.setDeadline(result.deadline());
        e.setFindings(json.findings(result.findings()).toString());
        e.setValidatedAt(validatedAt);
    }

    public String findingsJson(ValidationResult result) {
        return json.findings(result.findings()).toString();
    }

    public PriorReport toPrior(ValidatedReportEntity e) {
        return new PriorReport(e.getReportId(), e.getYear(),
                FormatVersion.fromWire(e.getFormatVersion()).orElse(null), readCells(e.getCells()),
                TextFingerprint.fromBase64(e.getFingerprint()));
    }

    public JsonNode readTree(String stored) {
        try {
            return mapper.readTree(stored);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    private Map<String, Double> readCells(String stored) {
        try {
            return mapper.readValue(stored, CELLS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored cells are unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
