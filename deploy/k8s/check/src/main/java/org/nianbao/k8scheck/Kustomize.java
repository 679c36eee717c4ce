package org.nianbao.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Finds the repository, the kustomize targets (the base and every overlay) and renders them with kubectl. */
public final class Kustomize {

    static final YAMLMapper YAML = new YAMLMapper();

    private Kustomize() {
    }

    /** The repository root: -Dnianbao.root (set by the pom), else the nearest parent of the working directory with deploy/k8s. */
    public static Path root() {
        String prop = System.getProperty("nianbao.root");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("deploy/k8s/base"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the repository root (a directory with deploy/k8s/base); pass -Dnianbao.root=…");
    }

    /** deploy/k8s/base and every deploy/k8s/overlays/NAME that has a kustomization file, in a stable order. */
    public static List<Path> targets(Path root) throws IOException {
        List<Path> out = new ArrayList<>();
        Path base = root.resolve("deploy/k8s/base");
        if (!hasKustomization(base)) {
            throw new IllegalStateException("no kustomization file in " + base);
        }
        out.add(base);
        Path overlays = root.resolve("deploy/k8s/overlays");
        if (Files.isDirectory(overlays)) {
            try (Stream<Path> s = Files.list(overlays)) {
                s.filter(Files::isDirectory).filter(Kustomize::hasKustomization).sorted().forEach(out::add);
            }
        }
        return out;
    }

    static boolean hasKustomization(Path dir) {
        return Files.isRegularFile(dir.resolve("kustomization.yaml")) || Files.isRegularFile(dir.resolve("kustomization.yml"))
                || Files.isRegularFile(dir.resolve("Kustomization"));
    }

    /** `kubectl kustomize DIR` (or `kustomize build DIR` when only kustomize is installed); KUBECTL=/path overrides. */
    public static String render(Path dir) throws IOException, InterruptedException {
        List<String> cmd = command(dir);
        File err = File.createTempFile("kustomize", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 120 s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed (exit " + p.exitValue() + "):\n"
                        + Files.readString(err.toPath(), StandardCharsets.UTF_8).strip());
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err.toPath());
        }
    }

    private static List<String> command(Path dir) {
        String env = System.getenv("KUBECTL");
        if (env != null && !env.isBlank()) {
            return List.of(env, "kustomize", dir.toString());
        }
        Path kubectl = onPath("kubectl");
        if (kubectl != null) {
            return List.of(kubectl.toString(), "kustomize", dir.toString());
        }
        Path kustomize = onPath("kustomize");
        if (kustomize != null) {
            return List.of(kustomize.toString(), "build", dir.toString());
        }
        throw new IllegalStateException("kubectl is not installed (nor kustomize): the manifest check renders every overlay with"
                + " `kubectl kustomize`. Install it — `apt-get install kubectl` (the Kubernetes or Google Cloud apt repository;"
                + " Debian's own `kubernetes-client` 1.20 is too old for `labels:`), or any kubectl ≥ 1.27 / kustomize ≥ 5 —"
                + " or point KUBECTL=/path/to/kubectl at one.");
    }

    private static Path onPath(String name) {
        String path = System.getenv("PATH");
        if (path == null) {
            return null;
        }
        for (String d : path.split(File.pathSeparator)) {
            Path p = Path.of(d.isEmpty() ? "." : d, name);
            if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                return p;
            }
        }
        return null;
    }

    /** Every non-empty YAML document of a multi-document stream, as JSON trees. */
    public static List<ObjectNode> parse(String yaml) throws IOException {
        List<ObjectNode> out = new ArrayList<>();
        try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            while (it.hasNext()) {
                JsonNode n = it.next();
                if (n == null || n.isNull() || n.isMissingNode()) {
                    continue;
                }
                if (!n.isObject()) {
                    throw new IOException("a YAML document is not a mapping: " + n);
                }
                out.add((ObjectNode) n);
            }
        }
        return out;
    }

    /** "Kind namespace/name" for messages. */
    public static String label(JsonNode obj) {
        String kind = obj.path("kind").asText("<no kind>");
        String name = obj.path("metadata").path("name").asText("<no name>");
        String ns = obj.path("metadata").path("namespace").asText("");
        return kind + " " + (ns.isEmpty() ? "" : ns + "/") + name;
    }
}
