package org.nianbao.search.repository;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch._types.HealthStatus;
import co.elastic.clients.elasticsearch._types.OpType;
import co.elastic.clients.elasticsearch._types.mapping.DynamicMapping;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import org.elasticsearch.client.ResponseException;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import org.nianbao.search.config.SearchConfig;

/**
 * A lease kept as one document in Elasticsearch, so that of all search-service replicas of a cluster exactly one runs
 * a job that must run once per cluster (the index migration), and another takes over when the holder dies: the
 * document names its holder and an expiry, and every change is a compare-and-set on its sequence number.
 */
@ApplicationScoped
public class MigrationLease {

    private static final String ALREADY_EXISTS = "resource_already_exists_exception";

    private final ElasticsearchClient client;
    private final ObjectMapper json;
    private final String index;
    private final Clock clock;
    private volatile boolean indexReady;

    @Inject
    public MigrationLease(ElasticsearchClient client, ObjectMapper json, SearchConfig config) {
        this(client, json, config.search().lockIndex(), Clock.systemUTC());
    }

    MigrationLease(ElasticsearchClient client, ObjectMapper json, String index, Clock clock) {
        this.client = client;
        this.json = json;
        this.index = index;
        this.clock = clock;
    }

    /**
     * Takes or renews the lease {@code name} for {@code holder} for {@code ttl}: true when it is free, expired or
     * already held by {@code holder}; false when another holder's lease is still running, another replica won
     * the same race, or the lease index is not usable yet (the caller tries again in its next round).
     */
    public boolean tryAcquire(String name, String holder, Duration ttl) {
        ensureIndex();
        ObjectNode lease = json.createObjectNode().put("holder", holder)
                .put("expiresAtMillis", clock.millis() + ttl.toMillis());
        try {
            GetResponse<ObjectNode> current = client.get(g -> g.index(index).id(name), ObjectNode.class);
            if (!current.found() || current.source() == null) {
                client.index(i -> i.index(index).id(name).opType(OpType.Create).document(lease));
                return true;
            }
            ObjectNode held = current.source();
            boolean mine = holder.equals(held.path("holder").asText());
            boolean expired = held.path("expiresAtMillis").asLong(0) < clock.millis();
            if (!mine && !expired) {
                return false;
            }
            client.index(i -> i.index(index).id(name).ifSeqNo(current.seqNo()).ifPrimaryTerm(current.primaryTerm())
                    .document(lease));
            return true;
        } catch (ElasticsearchException e) {
            if (e.status() == 409) {
                return false;
            }
            throw e;
        } catch (IOException e) {
            if (status(e) == 409) {
                return false; // another replica wrote the lease between our read and our write
            }
            if (status(e) == 503) {
                return false; // the lease index another replica has just created has no active shard yet
            }
            throw new UncheckedIOException(e);
        }
    }

    /** The HTTP status of a failed call the client reports as an I/O error (some 409s come this way), else 0. */
    private static int status(IOException e) {
        return e instanceof ResponseException r ? r.getResponse().getStatusLine().getStatusCode() : 0;
    }

    /** Gives the lease up if {@code holder} still holds it, so the next replica need not wait for the expiry. */
    public void release(String name, String holder) {
        try {
            GetResponse<ObjectNode> current = client.get(g -> g.index(index).id(name), ObjectNode.class);
            if (current.found() && current.source() != null
                    && holder.equals(current.source().path("holder").asText())) {
                client.delete(d -> d.index(index).id(name).ifSeqNo(current.seqNo())
                        .ifPrimaryTerm(current.primaryTerm()));
            }
        } catch (ElasticsearchException e) {
            if (e.status() != 409 && e.status() != 404) {
                throw e;
            }
        } catch (IOException e) {
            if (status(e) != 409 && status(e) != 404) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Creates the lease index unless it exists; one created by another replica a moment ago is waited for. */
    private void ensureIndex() {
        if (indexReady) {
            return;
        }
        try {
            if (client.indices().exists(e -> e.index(index)).value()) {
                awaitUsable();
            } else {
                client.indices().create(c -> c.index(index)
                        .settings(s -> s.numberOfShards("1").autoExpandReplicas("0-2"))
                        .mappings(m -> m.dynamic(DynamicMapping.False)));
            }
        } catch (ElasticsearchException e) {
            if (!ALREADY_EXISTS.equals(e.error().type())) {
                throw e;
            }
            awaitUsable();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        indexReady = true;
    }

    private void awaitUsable() {
        try {
            client.cluster().health(h -> h.index(index).waitForStatus(HealthStatus.Yellow)
                    .timeout(t -> t.time("30s")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
