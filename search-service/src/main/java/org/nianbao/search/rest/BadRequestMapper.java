package org.nianbao.search.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns invalid parameters (unknown sort, bad cursor, page too large) into 400 with the reason instead of 500. */
public class BadRequestMapper {

    @ServerExceptionMapper
    public Response badRequest(IllegalArgumentException e) {
        return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", String.valueOf(e.getMessage()))).build();
    }
}
