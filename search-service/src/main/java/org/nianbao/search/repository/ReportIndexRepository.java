package org.nianbao.search.repository;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import co.elastic.clients.elasticsearch.core.SearchRequest;
import co.elastic.clients.elasticsearch.core.SearchResponse;
import co.elastic.clients.elasticsearch.indices.GetAliasResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.nianbao.search.config.SearchConfig;

/**
 * All access to the report index: creating a versioned index from the mapping resource behind the alias,
 * versioned upserts by report id, reads, searches and alias swaps — so nothing else talks to Elasticsearch directly.
 */
@ApplicationScoped
public class ReportIndexRepository {

    private static final Logger LOG = Logger.getLogger(ReportIndexRepository.class);

    private final ElasticsearchClient client;
    private final SearchConfig.Search config;
    private final ObjectMapper objectMapper;

    public ReportIndexRepository(ElasticsearchClient client, SearchConfig config, ObjectMapper objectMapper) {
        this.client = client;
        this.config = config.search();
        this.objectMapper = objectMapper;
    }

    /** The alias reads and writes go through. */
    public String alias() {
        return config.alias();
    }

    /** A stored document and the external version it was written with. */
    public record StoredReport(ObjectNode source, long version) {
    }

    /**
     * Creates the configured index behind the alias unless the alias already exists; safe to call repeatedly.
     * Returns false when the alias points only at indices of an older mapping version (none is the configured
     * index or a rebuild of it named {@code <index>-…}), which then need a rebuild by replay.
     */
    public boolean ensureIndex() {
        try {
            if (client.indices().existsAlias(a -> a.name(config.alias())).value()) {
                return aliasOnCurrentVersion();
            }
            if (client.indices().exists(e -> e.index(config.index())).value()) {
                LOG.infof("index %s exists without alias %s: adding the alias", config.index(), config.alias());
                client.indices().updateAliases(u -> u.actions(a -> a.add(add -> add.index(config.index())
                        .alias(config.alias()).isWriteIndex(true))));
                return true;
            }
            createIndex(config.index(), true);
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Puts the configured replica range on the indices behind the alias, so an index created before a change of the
     * setting (or by an older version with a fixed count) follows the cluster's size too.
     */
    public void applyReplicaSetting() {
        List<String> targets = aliasTargets();
        if (targets.isEmpty()) {
            return;
        }
        try {
            client.indices().putSettings(p -> p.index(targets)
                    .settings(s -> s.autoExpandReplicas(config.autoExpandReplicas())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the alias points at an index of the configured mapping version (false also when it points nowhere). */
    public boolean aliasOnCurrentVersion() {
        return aliasTargets().stream().anyMatch(this::isCurrentVersion);
    }

    /** The configured index or a rebuild of the same mapping version ({@code nianbao-reports-v2-20261125}). */
    public boolean isCurrentVersion(String index) {
        return index.equals(config.index()) || index.startsWith(config.index() + "-");
    }

    /** Creates an index from the mapping resource (replicas and shards from config), optionally with the alias. */
    public void createIndex(String index, boolean withAlias) {
        try {
            String body = indexDefinition();
            client.indices().create(c -> {
                c.index(index).withJson(new StringReader(body));
                if (withAlias) {
                    c.aliases(config.alias(), a -> a.isWriteIndex(true));
                }
                return c;
            });
            LOG.infof("created index %s%s", index, withAlias ? " behind alias " + config.alias() : "");
        } catch (ElasticsearchException e) {
            if (!"resource_already_exists_exception".equals(e.error().type())) {
                throw e;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping resource with the configured replica and shard counts. */
    public String indexDefinition() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(config.mappingResource())) {
            if (in == null) {
                throw new IllegalStateException("mapping resource not found: " + config.mappingResource());
            }
            ObjectNode definition = (ObjectNode) objectMapper.readTree(in);
            ObjectNode index = (ObjectNode) definition.with("settings").with("index");
            index.remove("number_of_replicas");
            index.put("auto_expand_replicas", config.autoExpandReplicas());
            index.put("number_of_shards", config.shards());
            return objectMapper.writeValueAsString(definition);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Optional<StoredReport> find(String index, String reportId) {
        try {
            GetResponse<ObjectNode> response = client.get(g -> g.index(index).id(reportId), ObjectNode.class);
            if (!response.found() || response.source() == null) {
                return Optional.empty();
            }
            return Optional.of(new StoredReport(response.source(), response.version() == null ? 0 : response.version()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes the document with external_gte versioning; returns false when the stored document has a higher version
     * (an older event arrived late), in which case nothing was written.
     */
    public boolean upsert(String index, String reportId, long version, ObjectNode document) {
        try {
            client.index(i -> i.index(index).id(reportId).version(version).versionType(VersionType.ExternalGte)
                    .document(document));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return false;
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public SearchResponse<ObjectNode> search(SearchRequest request) {
        try {
            return client.search(request, ObjectNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The concrete indices behind the alias. */
    public List<String> aliasTargets() {
        try {
            GetAliasResponse response = client.indices().getAlias(a -> a.name(config.alias()));
            return new ArrayList<>(response.aliases().keySet());
        } catch (ElasticsearchException e) {
            if (e.status() == 404) {
                return List.of();
            }
            throw e;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Points the alias at {@code index} only, atomically. */
    public void swapAlias(String index) {
        List<String> previous = aliasTargets();
        try {
            client.indices().updateAliases(u -> {
                for (String old : previous) {
                    if (!old.equals(index)) {
                        u.actions(a -> a.remove(r -> r.index(old).alias(config.alias())));
                    }
                }
                return u.actions(a -> a.add(add -> add.index(index).alias(config.alias()).isWriteIndex(true)));
            });
            LOG.infof("alias %s now points at %s (was %s)", config.alias(), index, previous);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Makes recent writes searchable (admin and tests; normal indexing relies on the refresh interval). */
    public void refresh(String index) {
        try {
            client.indices().refresh(r -> r.index(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Cluster status (green/yellow/red) for readiness. */
    public String clusterStatus() {
        try {
            return client.cluster().health().status().jsonValue();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether a concrete index of this name exists. */
    public boolean indexExists(String index) {
        try {
            return client.indices().exists(e -> e.index(index)).value();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Whether the alias exists. */
    public boolean aliasExists() {
        try {
            return client.indices().existsAlias(a -> a.name(config.alias())).value();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}
