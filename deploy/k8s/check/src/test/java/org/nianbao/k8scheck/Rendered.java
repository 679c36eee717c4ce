package org.nianbao.k8scheck;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Renders each kustomize target once per test JVM; shared by the schema and the env tests. */
final class Rendered {

    static final Path ROOT = Kustomize.root();
    private static final Map<Path, List<ObjectNode>> CACHE = new ConcurrentHashMap<>();

    private Rendered() {
    }

    /**
     * The published schemas, or the schema tests are skipped with the reason (they are not committed: see
     * deploy/k8s/schemas/README.md). CI and developers with them validate every manifest on every run.
     */
    static Path schemas() {
        java.util.Optional<Path> dir = SchemaRegistry.locate(ROOT);
        if (dir.isEmpty()) {
            String why = "WARNING: no Kubernetes/CRD schemas found (-Dnianbao.schemas, NIANBAO_K8S_SCHEMAS, "
                    + "deploy/k8s/schemas after refresh.sh, ../shared/k8s-schemas): the schema checks are SKIPPED; "
                    + "run deploy/k8s/schemas/refresh.sh on a machine that reaches GitHub";
            System.err.println(why);
            org.junit.jupiter.api.Assumptions.abort(why);
        }
        System.err.println("manifest check: schemas from " + dir.get());
        return dir.get();
    }

    static List<Path> targets() throws Exception {
        return Kustomize.targets(ROOT);
    }

    static String name(Path target) {
        return ROOT.relativize(target).toString();
    }

    static List<ObjectNode> of(Path target) throws Exception {
        List<ObjectNode> cached = CACHE.get(target);
        if (cached == null) {
            cached = Kustomize.parse(Kustomize.render(target));
            CACHE.put(target, cached);
        }
        return cached;
    }

    static String report(String title, List<Problem> problems) {
        StringBuilder sb = new StringBuilder(title).append(": ").append(problems.size()).append(" problem(s)");
        for (Problem p : problems) {
            sb.append("\n  - ").append(p);
        }
        return sb.toString();
    }
}
