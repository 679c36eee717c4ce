package org.nianbao.validate.mapping;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.nianbao.validate.repository.ValidatedReportEntity;

/** Builds the report.validated v1 payload from a stored row (the parsed body is carried unchanged). */
@ApplicationScoped
public class ValidatedEventMapper {

    private final ObjectMapper mapper;
    private final ReportRowMapper rows;

    public ValidatedEventMapper(ObjectMapper mapper, ReportRowMapper rows) {
        this.mapper = mapper;
        this.rows = rows;
    }

    public ObjectNode toEvent(ValidatedReportEntity e) {
        ObjectNode o = mapper.createObjectNode();
        o.put("schemaVersion", 1);
        o.put("reportId", e.getReportId());
        o.put("validatedAt", e.getValidatedAt().toInstant().toString());
        o.set("report", rows.readTree(e.getReport()));
        o.put("status", e.getStatus());
        ObjectNode counts = o.putObject("counts");
        counts.put("error", e.getErrorCount());
        counts.put("warning", e.getWarningCount());
        counts.put("info", e.getInfoCount());
        o.set("findings", rows.readTree(e.getFindings()));
        if (e.getLate() == null) {
            o.putNull("late");
        } else {
            o.put("late", e.getLate());
        }
        o.put("deadline", e.getDeadline() == null ? null : e.getDeadline().toString());
        o.put("agencyKey", e.getAgencyKey());
        return o;
    }

    /** The findings view served by GET /api/reports/{id}/findings. */
    public ObjectNode toFindings(ValidatedReportEntity e) {
        ObjectNode o = toEvent(e);
        o.remove("report");
        o.remove("schemaVersion");
        return o;
    }
}
