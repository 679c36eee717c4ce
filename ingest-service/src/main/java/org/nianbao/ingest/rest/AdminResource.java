package org.nianbao.ingest.rest;

import io.smallrye.common.annotation.Blocking;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;

import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.nianbao.ingest.service.CrawlService;
import org.nianbao.ingest.service.EventRelay;
import org.nianbao.ingest.service.FolderImporter;

import java.nio.file.Path;
import java.util.Map;

/** Bulk operations for operators: import a folder, crawl a column, re-check for edits, replay events. */
@jakarta.ws.rs.Path("/api/admin")
@AdminOnly
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class AdminResource {

    private final FolderImporter folders;
    private final CrawlService crawls;
    private final EventRelay relay;

    public AdminResource(FolderImporter folders, CrawlService crawls, EventRelay relay) {
        this.folders = folders;
        this.crawls = crawls;
        this.relay = relay;
    }

    /** Body of an import request. */
    public record ImportRequest(String path) {
    }

    /** Body of a crawl request. */
    public record CrawlRequest(String url, String siteName) {
    }

    @POST
    @jakarta.ws.rs.Path("/import-folder")
    @Operation(summary = "Import every file below a folder on the service's file system")
    public FolderImporter.ImportSummary importFolder(ImportRequest request) {
        if (request == null || request.path() == null) {
            throw new IllegalArgumentException("body {\"path\": \"…\"} is required");
        }
        return folders.importFolder(Path.of(request.path()));
    }

    @POST
    @jakarta.ws.rs.Path("/crawl")
    @Operation(summary = "Crawl a government site's 年报 column politely and store every report found")
    public CrawlService.CrawlResult crawl(CrawlRequest request) {
        if (request == null || request.url() == null) {
            throw new IllegalArgumentException("body {\"url\": \"…\"} is required");
        }
        return crawls.crawl(request.url(), request.siteName());
    }

    @POST
    @jakarta.ws.rs.Path("/recheck")
    @Operation(summary = "Fetch every crawled report again now; changed bytes become new versions")
    public Map<String, Integer> recheck() {
        return Map.of("changed", crawls.recheckKnownReports());
    }

    @POST
    @jakarta.ws.rs.Path("/replay")
    @Operation(summary = "Emit report.fetched again for the current version of every report")
    public Map<String, Integer> replayAll() {
        return Map.of("replayed", relay.replayAll());
    }

    @POST
    @jakarta.ws.rs.Path("/replay/{reportId}")
    @Operation(summary = "Emit report.fetched again for every version of one report")
    public Map<String, Integer> replay(@PathParam("reportId") String reportId) {
        return Map.of("replayed", relay.replay(reportId));
    }
}
