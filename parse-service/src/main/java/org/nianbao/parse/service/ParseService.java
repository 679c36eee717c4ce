package org.nianbao.parse.service;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.nianbao.parse.mapping.ParsedEventMapper;
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
    private final ReportParser parser = new ReportParser();
    private final MeterRegistry metrics;

    public ParseService(OriginalClient originals, ParsedEventMapper mapper, MeterRegistry metrics) {
        this.originals = originals;
        this.mapper = mapper;
        this.metrics = metrics;
    }

    /** Parses one fetched report; throws when the document cannot be processed at all (→ dead-letter topic). */
    public ParsedReport parse(ReportFetchedEvent event) {
        byte[] content = originals.load(event.sha256());
        Timer.Sample sample = Timer.start(metrics);
        ParsedReport report = parser.parse(content, event.fileName(), mapper.hints(event));
        sample.stop(metrics.timer("nianbao.parse.duration", "inputType", String.valueOf(report.inputType())));
        metrics.counter("nianbao.parse.reports", "formatVersion", String.valueOf(report.formatVersion())).increment();
        if (!report.warnings().isEmpty()) {
            LOG.infof("report %s (%s) parsed with %d warnings: %s", event.reportId(), event.fileName(),
                    report.warnings().size(), report.warnings().stream().map(w -> w.code()).distinct().toList());
        }
        return mapper.complete(report, event, Instant.now().toString());
    }

    /** Parses a document given directly (a draft checked before publication); nothing is stored or emitted. */
    public ParsedReport parseDirect(byte[] content, String fileName) {
        return parser.parse(content, fileName);
    }
}
