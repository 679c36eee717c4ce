package org.nianbao.validate.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/** Runs the missing-report check on a schedule and alerts after the transaction committed. */
@ApplicationScoped
public class MissingReportJob {

    private final MissingReportService service;
    private final WebhookService webhooks;

    public MissingReportJob(MissingReportService service, WebhookService webhooks) {
        this.service = service;
        this.webhooks = webhooks;
    }

    @Scheduled(cron = "{nianbao.missing-check.cron}", identity = "missing-report-check",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run(LocalDate.now(ZoneOffset.ofHours(8)));
    }

    /** Checks, records and alerts; returns the newly found missing reports. */
    public List<MissingReportService.Missing> run(LocalDate today) {
        List<MissingReportService.Missing> found = service.check(today);
        found.forEach(m -> webhooks.reportMissing(m.agency(), m.agencyKey(), m.year(), m.finding()));
        return found;
    }
}
