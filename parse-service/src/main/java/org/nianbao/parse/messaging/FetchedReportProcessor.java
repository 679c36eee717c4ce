package org.nianbao.parse.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.Record;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Outgoing;
import org.jboss.logging.Logger;
import org.nianbao.parse.mapping.ParsedEventMapper;
import org.nianbao.parse.parser.ParsedReport;
import org.nianbao.parse.schema.ReportFetchedEvent;
import org.nianbao.parse.service.ParseService;

/**
 * report.fetched → report.parsed. A message that cannot be read or whose document cannot be parsed throws, which
 * nacks it onto report.fetched.dlq with the reason; the original stays in ingest-service and can be replayed.
 *
 * <p>Parses run on the {@code report-parser} worker pool, whose size ({@code nianbao.parse.concurrency}) is also the
 * number of records taken from Kafka at a time: the consumer pauses instead of piling records up, and since every
 * parse is bounded by its budget no record waits near the channel's unprocessed-record limit.
 */
@ApplicationScoped
public class FetchedReportProcessor {

    private static final Logger LOG = Logger.getLogger(FetchedReportProcessor.class);
    /** The worker pool of parses, sized by {@code smallrye.messaging.worker.report-parser.max-concurrency}. */
    static final String WORKER_POOL = "report-parser";

    private final ParseService service;
    private final ParsedEventMapper mapper;
    private final MeterRegistry metrics;
    private final ConsumerProgress progress;

    public FetchedReportProcessor(ParseService service, ParsedEventMapper mapper, MeterRegistry metrics,
                                  ConsumerProgress progress) {
        this.service = service;
        this.mapper = mapper;
        this.metrics = metrics;
        this.progress = progress;
    }

    @Incoming("report-fetched")
    @Outgoing("report-parsed")
    @Blocking(value = WORKER_POOL, ordered = false)
    public Record<String, String> process(String payload) {
        progress.started();
        try {
            ReportFetchedEvent event = mapper.readFetched(payload);
            ParsedReport report = service.parse(event);
            LOG.infof("parsed report %s v%s: %s %s (%s, %d cells)", event.reportId(), event.version(), report.agency(),
                    report.year(), report.formatVersion(), report.cells().size());
            return Record.of(event.reportId(), mapper.toJson(report));
        } catch (RuntimeException | Error e) {
            // An Error is counted and logged (with its stack) here too: SmallRye nacks it to the DLQ without a word.
            metrics.counter("nianbao.parse.failures", "reason", e.getClass().getSimpleName()).increment();
            boolean error = e instanceof Error;
            LOG.errorf(error ? e : null, "report.fetched message not processed, sent to report.fetched.dlq: %s",
                    error ? e : e.getMessage());
            throw e;
        } finally {
            progress.finished();
        }
    }
}
