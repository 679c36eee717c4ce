package org.nianbao.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The schemas kept in deploy/k8s/schemas, by group/version/kind:
 * <ul>
 * <li>kubernetes/VERSION/swagger-definitions.json — the {@code definitions} of Kubernetes' own OpenAPI v2 document; every
 * definition carrying {@code x-kubernetes-group-version-kind} is a top-level kind;</li>
 * <li>crds/**&#47;*.yaml — CustomResourceDefinitions as the operators publish them; every served version's
 * {@code schema.openAPIV3Schema}.</li>
 * </ul>
 * Exactly one Kubernetes version directory is allowed, and no two files may define the same group/version/kind.
 */
public final class SchemaRegistry {

    /** A schema for one group/version/kind, and the file it came from. */
    public record Entry(String gvk, JsonNode schema, boolean crd, String source) {
    }

    private final Map<String, Entry> byGvk = new LinkedHashMap<>();
    private JsonNode definitions;
    private String kubernetesVersion;

    private SchemaRegistry() {
    }

    /**
     * Where the published schemas are: -Dnianbao.schemas, else env NIANBAO_K8S_SCHEMAS, else ROOT/deploy/k8s/schemas
     * once refresh.sh has filled it, else the steering repository's ../shared/k8s-schemas. The schema files are not
     * committed (deploy/k8s/schemas/README.md says why); empty when none of these holds them.
     */
    public static Optional<Path> locate(Path root) {
        String prop = System.getProperty("nianbao.schemas");
        if (prop != null && !prop.isBlank()) {
            return Optional.of(Path.of(prop));
        }
        String env = System.getenv("NIANBAO_K8S_SCHEMAS");
        if (env != null && !env.isBlank()) {
            return Optional.of(Path.of(env));
        }
        return Stream.of(root.resolve("deploy/k8s/schemas"), root.resolve("../shared/k8s-schemas").normalize())
                .filter(dir -> Files.isDirectory(dir.resolve("kubernetes")) && Files.isDirectory(dir.resolve("crds")))
                .findFirst();
    }

    public static SchemaRegistry load(Path dir) throws IOException {
        SchemaRegistry r = new SchemaRegistry();
        Path k8s = dir.resolve("kubernetes");
        List<Path> versions;
        try (Stream<Path> s = Files.isDirectory(k8s) ? Files.list(k8s) : Stream.empty()) {
            versions = s.filter(Files::isDirectory).sorted().toList();
        }
        if (versions.size() != 1) {
            throw new IllegalStateException("expected exactly one Kubernetes version directory under " + k8s + ", found " + versions);
        }
        Path defsFile = versions.get(0).resolve("swagger-definitions.json");
        r.kubernetesVersion = versions.get(0).getFileName().toString();
        r.definitions = new ObjectMapper().readTree(defsFile.toFile()).path("definitions");
        if (!r.definitions.isObject() || r.definitions.isEmpty()) {
            throw new IllegalStateException(defsFile + " has no definitions");
        }
        String rel = dir.relativize(defsFile).toString();
        r.definitions.fields().forEachRemaining(e -> {
            for (JsonNode gvk : e.getValue().path("x-kubernetes-group-version-kind")) {
                String key = key(gvk.path("group").asText(), gvk.path("version").asText(), gvk.path("kind").asText());
                // DeleteOptions and WatchEvent list every group-version; the first definition of a GVK wins.
                r.byGvk.putIfAbsent(key, new Entry(key, e.getValue(), false, rel + "#/definitions/" + e.getKey()));
            }
        });
        Path crds = dir.resolve("crds");
        List<Path> files;
        try (Stream<Path> s = Files.isDirectory(crds) ? Files.walk(crds) : Stream.empty()) {
            files = s.filter(Files::isRegularFile)
                    .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        for (Path f : files) {
            String frel = dir.relativize(f).toString();
            for (JsonNode doc : Kustomize.parse(Files.readString(f))) {
                if (!"CustomResourceDefinition".equals(doc.path("kind").asText())) {
                    continue;
                }
                String group = doc.path("spec").path("group").asText();
                String kind = doc.path("spec").path("names").path("kind").asText();
                for (JsonNode v : doc.path("spec").path("versions")) {
                    if (!v.path("served").asBoolean(true)) {
                        continue;
                    }
                    JsonNode schema = v.path("schema").path("openAPIV3Schema");
                    if (schema.isMissingNode()) {
                        throw new IllegalStateException(frel + ": " + kind + " " + v.path("name").asText() + " has no openAPIV3Schema");
                    }
                    String key = key(group, v.path("name").asText(), kind);
                    Entry old = r.byGvk.put(key, new Entry(key, schema, true, frel));
                    if (old != null) {
                        throw new IllegalStateException(key + " is defined twice: " + old.source() + " and " + frel);
                    }
                }
            }
        }
        return r;
    }

    static String key(String group, String version, String kind) {
        return (group.isEmpty() ? "" : group + "/") + version + "/" + kind;
    }

    /** The entry for an object's apiVersion and kind, or null. */
    public Entry lookup(String apiVersion, String kind) {
        return byGvk.get(apiVersion + "/" + kind);
    }

    public JsonNode definitions() {
        return definitions;
    }

    public String kubernetesVersion() {
        return kubernetesVersion;
    }

    /** Every custom group/version/kind known, for messages. */
    public List<String> customKinds() {
        List<String> out = new ArrayList<>();
        byGvk.values().stream().filter(Entry::crd).forEach(e -> out.add(e.gvk()));
        return new ArrayList<>(new TreeSet<>(out));
    }
}
