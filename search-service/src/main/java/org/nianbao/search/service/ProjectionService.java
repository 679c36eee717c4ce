package org.nianbao.search.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.nianbao.search.mapping.ReportProjection;
import org.nianbao.search.mapping.ValidatedEventMapper;
import org.nianbao.search.repository.ReportIndexRepository;
import org.nianbao.search.repository.ReportIndexRepository.StoredReport;

/**
 * Applies one report.validated event to an index: newest version wins, every source version seen is kept in the
 * document's history, and applying the same event twice changes nothing.
 */
@ApplicationScoped
public class ProjectionService {

    private static final Logger LOG = Logger.getLogger(ProjectionService.class);

    /** What applying an event did. */
    public enum Outcome { WRITTEN, STALE }

    private final ValidatedEventMapper mapper;
    private final ReportIndexRepository repository;

    public ProjectionService(ValidatedEventMapper mapper, ReportIndexRepository repository) {
        this.mapper = mapper;
        this.repository = repository;
    }

    /** Applies a raw payload through the alias. */
    public Outcome apply(String payload) {
        return apply(repository.alias(), mapper.map(payload));
    }

    /** Applies a raw payload to a given index (rebuilds write to the new index directly). */
    public Outcome apply(String index, String payload) {
        return apply(index, mapper.map(payload));
    }

    public Outcome apply(String index, ReportProjection projection) {
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<StoredReport> stored = repository.find(index, projection.reportId());
            ArrayNode history = mergeHistory(stored.map(s -> s.source().path("history")).orElse(null),
                    projection.historyEntry());
            if (stored.isPresent() && stored.get().version() > projection.version()) {
                JsonNode storedHistory = stored.get().source().path("history");
                if (!history.equals(storedHistory)) {
                    ObjectNode document = stored.get().source().deepCopy();
                    document.set("history", history);
                    if (!repository.upsert(index, projection.reportId(), stored.get().version(), document)) {
                        continue;
                    }
                }
                LOG.debugf("stale event for %s (version %d < stored %d)", projection.reportId(), projection.version(),
                        stored.get().version());
                return Outcome.STALE;
            }
            ObjectNode document = projection.document().deepCopy();
            document.set("history", history);
            if (repository.upsert(index, projection.reportId(), projection.version(), document)) {
                return Outcome.WRITTEN;
            }
        }
        throw new IllegalStateException("concurrent writes kept conflicting for report " + projection.reportId());
    }

    /** One entry per source version (the later validation of a version replaces its entry), oldest first. */
    static ArrayNode mergeHistory(JsonNode stored, ObjectNode entry) {
        List<JsonNode> entries = new ArrayList<>();
        if (stored != null && stored.isArray()) {
            stored.forEach(entries::add);
        }
        long version = entry.path("version").asLong();
        JsonNode existing = entries.stream().filter(e -> e.path("version").asLong() == version).findFirst().orElse(null);
        if (existing == null) {
            entries.add(entry);
        } else if (entry.path("validatedAt").asText().compareTo(existing.path("validatedAt").asText()) > 0) {
            entries.set(entries.indexOf(existing), entry);
        }
        entries.sort(Comparator.comparingLong(e -> e.path("version").asLong()));
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        entries.forEach(out::add);
        return out;
    }
}
