package org.nianbao.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The env check on a fixture with a hand-made service configuration: it must catch what it is for. */
class EnvCheckLogicTest {

    static final String SEARCH_PROPERTIES = """
            quarkus.http.port=8084
            %dev.kafka.bootstrap.servers=${KAFKA_BOOTSTRAP_SERVERS:127.0.0.1:9092}
            quarkus.datasource.jdbc.url=jdbc:postgresql://${NIANBAO_PG_HOST}:${NIANBAO_PG_PORT:5432}/db
            %dev,test.quarkus.datasource.password=${NIANBAO_PG_PASSWORD:}
            %prod.quarkus.datasource.password=${NIANBAO_PG_PASSWORD}
            %dev,test.x=${ONLY_IN_DEV}
            """;

    static ServiceConfig search() throws Exception {
        List<ServiceConfig.Known> known = new ArrayList<>(List.of(
                new ServiceConfig.Known("nianbao.search.ingest-public-url", "@ConfigMapping SearchConfig", "RUN_TIME"),
                new ServiceConfig.Known("nianbao.admin.token", "@ConfigMapping SearchConfig", "RUN_TIME"),
                new ServiceConfig.Known("nianbao.webhooks.endpoints[*].url", "@ConfigMapping NianbaoConfig", "RUN_TIME"),
                new ServiceConfig.Known("nianbao.deadlines.township.*.*", "@ConfigMapping NianbaoConfig", "RUN_TIME"),
                new ServiceConfig.Known("quarkus.log.category.*.level", "LogRuntimeConfig", "RUN_TIME"),
                new ServiceConfig.Known("quarkus.http.port", "VertxHttpConfig", "RUN_TIME"),
                new ServiceConfig.Known("quarkus.http.root-path", "VertxHttpBuildTimeConfig", "BUILD_AND_RUN_TIME_FIXED"),
                new ServiceConfig.Known("kafka.*", "Quarkus Kafka", "RUN_TIME")));
        List<ServiceConfig.Required> required = new ArrayList<>(List.of(
                new ServiceConfig.Required("nianbao.parse.ingest-url", "@ConfigMapping ParseConfig (no default, not Optional)"),
                new ServiceConfig.Required("kafka.bootstrap.servers", "@ConfigProperty in RebuildService")));
        Map<String, String> prod = new LinkedHashMap<>();
        ServiceConfig.applicationProperties(SEARCH_PROPERTIES, known, required, prod);
        return new ServiceConfig("search-service", known, required, prod);
    }

    static final String MANIFEST = """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: search-service-config-abc, namespace: nianbao}
            data:
              NIANBAO_INGEST_PUBLIC_URL: https://nianbao.example.gov.cn
              JAVA_TOOL_OPTIONS: -XX:MaxRAMPercentage=70
              KAFKA_BOOTSTRAP_SERVERS: kafka:9092
            ---
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: search-service, namespace: nianbao}
            spec:
              template:
                spec:
                  containers:
                    - name: search-service
                      image: registry.example.gov.cn/nianbao/search-service:0.1.0
                      envFrom:
                        - configMapRef: {name: search-service-config-abc}
                        - secretRef: {name: not-rendered}
                      env:
                        - name: NIANBAO_WEBHOOK_SECRET
                          valueFrom: {secretKeyRef: {name: nianbao-webhook, key: secret}}
                        - name: NIANBAO_WEBHOOKS_ENDPOINTS_0__URL
                          value: https://hooks.example/a
                        - name: NIANBAO_DEADLINES_TOWNSHIP_HANGZHOU_2024
                          value: 03-31
                        - name: QUARKUS_LOG_CATEGORY__ORG_NIANBAO__LEVEL
                          value: DEBUG
                        - name: quarkus.http.port
                          value: "8084"
                        - name: QUARKUS_HTTP_ROOT_PATH
                          value: /api
                        - name: NIANBAO_PG_HOST
                          valueFrom: {configMapKeyRef: {name: search-service-config-abc, key: PG_HOST}}
                    - name: sidecar
                      image: busybox
                      env: [{name: WHATEVER, value: "1"}]
            """;

    @Test
    void findsUnknownBuildTimeMissingAndUnresolvable() throws Exception {
        List<ObjectNode> objects = Kustomize.parse(MANIFEST);
        List<Problem> problems = new ArrayList<>();
        List<EnvCheck.ServiceContainer> containers = EnvCheck.containers(objects, problems);
        assertEquals(1, containers.size(), "only the nianbao/search-service container is ours: " + containers);
        ServiceConfig cfg = search();
        problems.addAll(EnvCheck.check(containers, s -> cfg));
        List<String> texts = problems.stream().map(Problem::toString).toList();
        String all = String.join("\n", texts);
        List<String> expected = List.of(
                // envFrom of a Secret that is not rendered
                "envFrom: Secret not-rendered is not in the rendered output",
                // a key ref to a rendered ConfigMap without that key
                "NIANBAO_PG_HOST: ConfigMap search-service-config-abc has no key PG_HOST",
                // the two known mistakes: a variable named after a property nobody reads
                "env NIANBAO_INGEST_PUBLIC_URL: set (envFrom ConfigMap search-service-config-abc) but not read by search-service",
                "nearest: NIANBAO_SEARCH_INGEST_PUBLIC_URL (nianbao.search.ingest-public-url",
                "env NIANBAO_WEBHOOK_SECRET: set (env from Secret nianbao-webhook key secret) but not read",
                // build-time property set at run time
                "env QUARKUS_HTTP_ROOT_PATH: sets quarkus.http.root-path (VertxHttpBuildTimeConfig), a BUILD_AND_RUN_TIME_FIXED property",
                // required keys
                "search-service requires nianbao.parse.ingest-url",
                "search-service requires NIANBAO_PG_PASSWORD [application.properties: %prod.quarkus.datasource.password");
        for (String e : expected) {
            assertTrue(all.contains(e), "missing finding [" + e + "] in:\n" + all);
        }
        // and nothing else: list index, map keys, quoted map key, dotted name, allow-list, kafka.*, ${…} references
        // with defaults or of other profiles, and NIANBAO_PG_HOST (set, by a broken reference) are fine
        assertEquals(expected.size() - 1, problems.size(), all);
    }

    @Test
    void environmentVariableForm() {
        assertEquals("NIANBAO_SEARCH_INGEST_PUBLIC_URL", ServiceConfig.envName("nianbao.search.ingest-public-url"));
        assertEquals("QUARKUS_LOG_CATEGORY__ORG_NIANBAO__LEVEL", ServiceConfig.envName("quarkus.log.category.\"org.nianbao\".level"));
        assertEquals("NIANBAO_WEBHOOKS_ENDPOINTS_0__URL", ServiceConfig.envName("nianbao.webhooks.endpoints[0].url"));
    }
}
