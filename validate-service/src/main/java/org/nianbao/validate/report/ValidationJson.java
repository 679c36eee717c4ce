package org.nianbao.validate.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.nianbao.validate.rules.Finding;
import org.nianbao.validate.rules.RuleDescriptor;
import org.nianbao.validate.rules.ValidationResult;

/** Writes findings and results in the report.validated v1 wire shape, shared by the CLI, REST API and producer. */
public final class ValidationJson {

    private final ObjectMapper mapper;

    public ValidationJson(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ArrayNode findings(List<Finding> findings) {
        ArrayNode arr = mapper.createArrayNode();
        for (Finding f : findings) {
            arr.add(finding(f));
        }
        return arr;
    }

    public ObjectNode finding(Finding f) {
        ObjectNode o = mapper.createObjectNode();
        o.put("code", f.code());
        o.put("severity", f.severity().wireName());
        o.put("message", f.message());
        ArrayNode cells = o.putArray("cells");
        f.cells().forEach(cells::add);
        o.set("expected", value(f.expected()));
        o.set("actual", value(f.actual()));
        o.put("span", f.span());
        return o;
    }

    /** status, counts, findings, late, deadline and agencyKey of a result (the fields report.validated adds). */
    public ObjectNode result(ValidationResult r) {
        ObjectNode o = mapper.createObjectNode();
        o.put("status", r.status().wireName());
        ObjectNode counts = o.putObject("counts");
        counts.put("error", r.counts().error());
        counts.put("warning", r.counts().warning());
        counts.put("info", r.counts().info());
        o.set("findings", findings(r.findings()));
        if (r.late() == null) {
            o.putNull("late");
        } else {
            o.put("late", r.late());
        }
        o.put("deadline", r.deadline() == null ? null : r.deadline().toString());
        o.put("agencyKey", r.agencyKey());
        return o;
    }

    public ObjectNode descriptor(RuleDescriptor d) {
        ObjectNode o = mapper.createObjectNode();
        o.put("code", d.code());
        o.put("severity", d.severity().wireName());
        o.put("title", d.title());
        o.put("description", d.description());
        ArrayNode formats = o.putArray("formats");
        d.formatNames().forEach(formats::add);
        o.put("scope", d.scope().name().toLowerCase(java.util.Locale.ROOT));
        return o;
    }

    private JsonNode value(Object v) {
        if (v == null) {
            return mapper.nullNode();
        }
        if (v instanceof Long l) {
            return mapper.getNodeFactory().numberNode(l);
        }
        if (v instanceof Integer i) {
            return mapper.getNodeFactory().numberNode(i);
        }
        if (v instanceof Double d) {
            return mapper.getNodeFactory().numberNode(d);
        }
        return mapper.getNodeFactory().textNode(v.toString());
    }
}
