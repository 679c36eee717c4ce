package org.nianbao.ingest.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.nianbao.ingest.schema.ReportFetchedEvent;

import java.util.List;

/** Re-sends report.fetched for stored versions Kafka never acknowledged, and replays on request. */
@ApplicationScoped
public class EventRelay {

    private static final Logger LOG = Logger.getLogger(EventRelay.class);
    private static final int BATCH = 100;

    private final VersionEvents events;
    private final IngestService ingest;

    public EventRelay(VersionEvents events, IngestService ingest) {
        this.events = events;
        this.ingest = ingest;
    }

    @Scheduled(every = "${nianbao.ingest.relay-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "10s")
    void relayUnemitted() {
        List<ReportFetchedEvent> pending = events.unemitted(BATCH);
        if (!pending.isEmpty()) {
            long sent = pending.stream().filter(ingest::emit).count();
            LOG.infof("relay: %d of %d pending report.fetched events sent", sent, pending.size());
        }
    }

    /** Emits the current version of every report again (consumers are idempotent); returns how many were sent. */
    public int replayAll() {
        List<ReportFetchedEvent> current = events.currentVersions();
        int sent = 0;
        for (int i = 0; i < current.size(); i++) {
            if (ingest.emit(current.get(i))) {
                sent++;
            }
            if ((i + 1) % 100 == 0) {
                LOG.infof("replay: %d/%d processed, %d sent", i + 1, current.size(), sent);
            }
        }
        LOG.infof("replay: %d of %d reports re-emitted", sent, current.size());
        return sent;
    }

    /** Emits every version of one report again, oldest first. */
    public int replay(String reportId) {
        return (int) events.allVersions(reportId).stream().filter(ingest::emit).count();
    }
}
