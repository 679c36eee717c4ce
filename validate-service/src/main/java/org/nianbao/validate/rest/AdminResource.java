package org.nianbao.validate.rest;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.nianbao.validate.service.MissingReportJob;
import org.nianbao.validate.service.RegisterService;

/** Register import and an on-demand missing-report check, for the provincial office's administrators. */
@Path("/api/admin")
@AdminOnly
public class AdminResource {

    private final RegisterService register;
    private final MissingReportJob missing;

    public AdminResource(RegisterService register, MissingReportJob missing) {
        this.register = register;
        this.missing = missing;
    }

    /** CSV with columns name,division_code,level,kind,province (header line optional). */
    @POST
    @Path("/register")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    public RegisterService.ImportResult importRegister(String csv) {
        return register.importCsv(csv);
    }

    /** Runs the PUBLISH.MISSING check now (optionally "as of" a date) and returns the newly found reports. */
    @POST
    @Path("/missing-check")
    @Produces(MediaType.APPLICATION_JSON)
    public List<Map<String, Object>> missingCheck(@QueryParam("today") String today) {
        LocalDate date = today == null || today.isBlank() ? LocalDate.now(ZoneOffset.ofHours(8))
                : LocalDate.parse(today);
        return missing.run(date).stream().map(m -> Map.<String, Object>of("agencyKey", m.agencyKey(),
                "agency", m.agency(), "year", m.year(), "code", m.finding().code(),
                "message", m.finding().message(), "deadline", String.valueOf(m.finding().expected()))).toList();
    }
}
