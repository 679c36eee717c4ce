package org.nianbao.search.config;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.nianbao.search.repository.ReportIndexRepository;

/** Creates the versioned index behind the alias at startup when it is missing, before any event is consumed. */
@ApplicationScoped
public class IndexBootstrap {

    private final ReportIndexRepository repository;

    public IndexBootstrap(ReportIndexRepository repository) {
        this.repository = repository;
    }

    void onStart(@Observes StartupEvent event) {
        repository.ensureIndex();
    }
}
