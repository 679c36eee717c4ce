package org.nianbao.validate.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.Map;
import org.nianbao.validate.report.InvalidReportException;

/** A body that is not a report.parsed v1 document is the client's error (400), with the reason. */
@Provider
public class InvalidReportMapper implements ExceptionMapper<InvalidReportException> {

    @Override
    public Response toResponse(InvalidReportException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", e.getMessage())).build();
    }
}
