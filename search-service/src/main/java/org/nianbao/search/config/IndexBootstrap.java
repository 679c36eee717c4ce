package org.nianbao.search.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.jboss.logging.Logger;
import org.nianbao.search.repository.ReportIndexRepository;
import org.nianbao.search.service.RebuildService;

/**
 * Creates the versioned index behind the alias at startup when it is missing, before any event is consumed; when the
 * alias still points at an index of an older mapping version (after an upgrade), starts a rebuild by replay into the
 * current version, so documents the old mapping could not take are not lost and nobody has to remember the step.
 */
@ApplicationScoped
public class IndexBootstrap {

    private static final Logger LOG = Logger.getLogger(IndexBootstrap.class);
    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

    private final ReportIndexRepository repository;
    private final RebuildService rebuild;
    private final SearchConfig config;

    public IndexBootstrap(ReportIndexRepository repository, RebuildService rebuild, SearchConfig config) {
        this.repository = repository;
        this.rebuild = rebuild;
        this.config = config;
    }

    void onStart(@Observes StartupEvent event) {
        if (repository.ensureIndex()) {
            return;
        }
        String target = config.search().index() + "-" + ZonedDateTime.now(ZoneOffset.UTC).format(SUFFIX);
        LOG.warnf("alias %s points at %s, an older mapping version than %s: rebuilding into %s by replay of %s; "
                + "searches use the old index until the alias swap (progress: GET /api/admin/index)",
                repository.alias(), repository.aliasTargets(), config.search().index(), target,
                config.search().rebuildTopic());
        rebuild.start(target);
    }
}
