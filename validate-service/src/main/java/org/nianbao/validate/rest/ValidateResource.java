package org.nianbao.validate.rest;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.nianbao.validate.report.ValidationJson;
import org.nianbao.validate.service.ValidationService;

/** Checks a parsed report (e.g. an agency's draft) directly, without writing history. */
@Path("/api/validate")
public class ValidateResource {

    private final ValidationService service;
    private final ValidationJson json;

    public ValidateResource(ValidationService service, ObjectMapper mapper) {
        this.service = service;
        this.json = new ValidationJson(mapper);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public ObjectNode validate(String parsedReport) {
        return json.result(service.validateDraft(parsedReport));
    }
}
