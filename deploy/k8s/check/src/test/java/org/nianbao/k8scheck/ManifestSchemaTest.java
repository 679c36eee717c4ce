package org.nianbao.k8scheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every object of deploy/k8s/base and of each deploy/k8s/overlays/*, as kustomize renders it, matches its published schema. */
class ManifestSchemaTest {

    static Validator validator;

    @BeforeAll
    static void load() throws Exception {
        validator = new Validator(SchemaRegistry.load(Rendered.schemas()));
    }

    @TestFactory
    Stream<DynamicTest> everyRenderedObjectMatchesItsSchema() throws Exception {
        List<Path> targets = Rendered.targets();
        assertTrue(targets.size() >= 2, "expected the base and at least one overlay, found " + targets);
        return targets.stream().map(t -> DynamicTest.dynamicTest(Rendered.name(t), () -> {
            List<ObjectNode> objects = Rendered.of(t);
            assertFalse(objects.isEmpty(), Rendered.name(t) + " renders no object");
            List<Problem> problems = new ArrayList<>();
            for (ObjectNode o : objects) {
                problems.addAll(validator.validate(o, Rendered.name(t)));
            }
            if (!problems.isEmpty()) {
                fail(Rendered.report(Rendered.name(t) + " (" + objects.size() + " objects)", problems));
            }
            System.out.println("[k8s-check] " + Rendered.name(t) + ": " + objects.size() + " objects match their schemas");
        }));
    }

    /** Components are checked through the overlays that use them: one that no overlay uses would escape the check. */
    @Test
    void everyComponentIsUsedByAnOverlay() throws Exception {
        Path components = Rendered.ROOT.resolve("deploy/k8s/components");
        if (!java.nio.file.Files.isDirectory(components)) {
            return;
        }
        java.util.Set<Path> used = new java.util.HashSet<>();
        for (Path t : Rendered.targets()) {
            for (String f : List.of("kustomization.yaml", "kustomization.yml", "Kustomization")) {
                Path k = t.resolve(f);
                if (java.nio.file.Files.isRegularFile(k)) {
                    for (com.fasterxml.jackson.databind.JsonNode c : Kustomize.parse(java.nio.file.Files.readString(k)).get(0).path("components")) {
                        used.add(t.resolve(c.asText()).normalize());
                    }
                }
            }
        }
        List<String> unused = new ArrayList<>();
        try (Stream<Path> s = java.nio.file.Files.list(components)) {
            s.filter(java.nio.file.Files::isDirectory).filter(Kustomize::hasKustomization).sorted()
                    .filter(d -> !used.contains(d.normalize())).forEach(d -> unused.add(Rendered.name(d)));
        }
        assertTrue(unused.isEmpty(), "components no overlay uses, so their objects are not checked: " + unused
                + " — add them to an overlay's components:");
    }
}
