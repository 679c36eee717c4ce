package org.nianbao.parse.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.nianbao.parse.config.ParseConfig;
import org.nianbao.parse.mapping.ParsedEventMapper;
import org.nianbao.parse.parser.ParseBudget;
import org.nianbao.parse.parser.ParsedReport;
import org.nianbao.parse.parser.ReportParser;
import org.nianbao.parse.schema.ReportFetchedEvent;

import java.time.Instant;

/** Loads a fetched report's original, parses it and completes the result with the event's identity. */
@ApplicationScoped
public class ParseService {

    private static final Logger LOG = Logger.getLogger(ParseService.class);

    private final OriginalClient originals;
    private final ParsedEventMapper mapper;
    private final ReportParser parser;
    private final ParseBudget.Limits limits;
    private final MeterRegistry metrics;
    private final ParseAdmission admission;

    public ParseService(OriginalClient originals, ParsedEventMapper mapper, MeterRegistry metrics, ParseConfig config,
                        ParseAdmission admission) {
        this.originals = originals;
        this.admission = admission;
        this.mapper = mapper;
        this.metrics = metrics;
        ParseConfig.Budget b = config.budget();
        this.limits = new ParseBudget.Limits(b.rowWork(), b.documentWork(), b.documentWorkPerKb(), b.time(),
                b.timePerMb(), b.maxPages());
        this.parser = new ReportParser(config.maxOriginalBytes(), limits);
    }

    /** Parses one fetched report; throws when the document cannot be processed at all (→ dead-letter topic). */
    public ParsedReport parse(ReportFetchedEvent event) {
        byte[] content = originals.load(event.sha256());
        ParsedReport report;
        ParseBudget budget;
        Timer.Sample sample;
        try (ParseAdmission.Permit permit = admission.admit(content, event.fileName())) {
            sample = Timer.start(metrics);
            budget = ParseBudget.forInput(limits, content.length);
            report = parser.parse(content, event.fileName(), mapper.hints(event), budget);
        }
        sample.stop(metrics.timer("nianbao.parse.duration", "inputType", String.valueOf(report.inputType())));
        metrics.summary("nianbao.parse.work", "inputType", String.valueOf(report.inputType())).record(budget.used());
        if (budget.spentOn() != null) {
            metrics.counter("nianbao.parse.budget.exceeded", "on", budget.spentOn()).increment();
            LOG.warnf("report %s (%s, %d bytes): parse %s budget spent, went on with what was read", event.reportId(),
                    event.fileName(), content.length, budget.spentOn());
        }
        metrics.counter("nianbao.parse.reports", "formatVersion", String.valueOf(report.formatVersion())).increment();
        if (!report.warnings().isEmpty()) {
            LOG.infof("report %s (%s) parsed with %d warnings: %s", event.reportId(), event.fileName(),
                    report.warnings().size(), report.warnings().stream().map(w -> w.code()).distinct().toList());
        }
        return mapper.complete(report, event, Instant.now().toString());
    }

    /** Parses a document given directly (a draft checked before publication); nothing is stored or emitted. */
    public ParsedReport parseDirect(byte[] content, String fileName) {
        try (ParseAdmission.Permit permit = admission.admit(content, fileName)) {
            return parser.parse(content, fileName);
        }
    }
}
