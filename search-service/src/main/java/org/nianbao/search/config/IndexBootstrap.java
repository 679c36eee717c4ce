package org.nianbao.search.config;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;
import org.nianbao.search.repository.MigrationLease;
import org.nianbao.search.repository.ReportIndexRepository;
import org.nianbao.search.service.RebuildService;

/**
 * Creates the versioned index behind the alias at startup when it is missing, before any event is consumed, and keeps
 * the replica setting of the live index current. When the alias still points at an index of an older mapping version
 * (after an upgrade), one replica of the cluster — the holder of the {@link MigrationLease} — rebuilds by replay into
 * the configured index, so documents the old mapping could not take are not lost and nobody has to remember the
 * step; the other replicas keep serving the old index and take the lease over if the holder dies mid-rebuild (the
 * replay is idempotent, so the successor resumes into the same index).
 */
@ApplicationScoped
public class IndexBootstrap {

    static final String LEASE = "index-migration";
    private static final Logger LOG = Logger.getLogger(IndexBootstrap.class);

    private final ReportIndexRepository repository;
    private final RebuildService rebuild;
    private final MigrationLease lease;
    private final SearchConfig.Search config;
    private final String holder = Optional.ofNullable(System.getenv("HOSTNAME")).orElse("search-service") + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    private ScheduledExecutorService ticker;

    public IndexBootstrap(ReportIndexRepository repository, RebuildService rebuild, MigrationLease lease,
                          SearchConfig config) {
        this.repository = repository;
        this.rebuild = rebuild;
        this.lease = lease;
        this.config = config.search();
    }

    void onStart(@Observes StartupEvent event) {
        if (repository.ensureIndex()) {
            repository.applyReplicaSetting();
            return;
        }
        LOG.warnf("alias %s points at %s, an older mapping version than %s: the replica holding the %s lease "
                + "rebuilds into %s by replay of %s; searches use the old index until the alias swap "
                + "(progress: GET /api/admin/index on that replica)", repository.alias(), repository.aliasTargets(),
                config.index(), LEASE, config.index(), config.rebuildTopic());
        Duration period = config.migrationRecheck().compareTo(config.migrationLease().dividedBy(3)) < 0
                ? config.migrationRecheck() : config.migrationLease().dividedBy(3);
        ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "index-migration");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleWithFixedDelay(this::tick, 0, period.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One look at the migration: done, running here (renew the lease), or to be started if the lease is ours. */
    void tick() {
        try {
            if (repository.aliasOnCurrentVersion()) {
                lease.release(LEASE, holder);
                repository.applyReplicaSetting();
                LOG.infof("alias %s is on the current mapping version %s", repository.alias(),
                        repository.aliasTargets());
                ticker.shutdown();
                return;
            }
            RebuildService.Status status = rebuild.status();
            boolean runningHere = status != null && status.finishedAt() == null;
            if (runningHere) {
                lease.tryAcquire(LEASE, holder, config.migrationLease());
                return;
            }
            if (status != null && "failed".equals(status.phase())) {
                lease.release(LEASE, holder);
            }
            if (lease.tryAcquire(LEASE, holder, config.migrationLease())) {
                LOG.infof("%s holds the %s lease: rebuilding into %s", holder, LEASE, config.index());
                rebuild.startOrResume(config.index());
            } else {
                LOG.debugf("another replica holds the %s lease", LEASE);
            }
        } catch (RuntimeException e) {
            LOG.warnf("index migration check failed, retried in the next round: %s", e.toString());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (ticker != null) {
            ticker.shutdownNow();
            try {
                lease.release(LEASE, holder);
            } catch (RuntimeException e) {
                LOG.debugf("lease not released at shutdown (it expires by itself): %s", e.toString());
            }
        }
    }
}
