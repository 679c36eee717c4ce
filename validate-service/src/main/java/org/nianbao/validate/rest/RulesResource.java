package org.nianbao.validate.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.validate.report.ValidationJson;
import org.nianbao.validate.rules.RuleRegistry;

/** The rule catalogue as data, so UIs and dashboards can list codes, titles and severities. */
@Path("/api/rules")
public class RulesResource {

    private final ValidationJson json;
    private final ObjectMapper mapper;

    public RulesResource(ObjectMapper mapper) {
        this.mapper = mapper;
        this.json = new ValidationJson(mapper);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public ArrayNode rules() {
        ArrayNode arr = mapper.createArrayNode();
        RuleRegistry.defaults().descriptors().forEach(d -> arr.add(json.descriptor(d)));
        return arr;
    }
}
