package org.nianbao.k8scheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The validator is not a rubber stamp: every object of fixtures/broken.yaml must be rejected, with each error its
 * {@code check.nianbao.org/expect} annotation lists ("path: reason" fragments separated by " ; "), and every object of
 * fixtures/valid.yaml — which uses the leniencies (int-or-string, quantities, preserve-unknown-fields, embedded
 * resources) — must pass.
 */
class BrokenFixtureTest {

    static Validator validator;

    @BeforeAll
    static void load() throws Exception {
        validator = new Validator(SchemaRegistry.load(Rendered.schemas()));
    }

    static List<ObjectNode> fixture(String name) throws Exception {
        try (InputStream in = BrokenFixtureTest.class.getResourceAsStream("/fixtures/" + name)) {
            return Kustomize.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test
    void everyBrokenObjectIsRejectedWithTheExpectedErrors() throws Exception {
        List<ObjectNode> broken = fixture("broken.yaml");
        assertTrue(broken.size() >= 10, "the broken fixture lost objects: " + broken.size());
        List<String> failures = new ArrayList<>();
        for (ObjectNode o : broken) {
            List<Problem> problems = validator.validate(o, "fixtures/broken.yaml");
            String expect = o.path("metadata").path("annotations").path("check.nianbao.org/expect").asText("");
            assertFalse(expect.isBlank(), Kustomize.label(o) + " has no check.nianbao.org/expect annotation");
            if (problems.isEmpty()) {
                failures.add(Kustomize.label(o) + ": accepted, but must be rejected (" + expect + ")");
                continue;
            }
            for (String want : expect.split(" ; ")) {
                boolean found = problems.stream().anyMatch(p -> (p.path() + ": " + p.message()).contains(want.strip()));
                if (!found) {
                    failures.add(Kustomize.label(o) + ": expected an error containing [" + want.strip() + "], got " + problems);
                }
            }
            System.out.println("[k8s-check] rejected as expected: " + problems);
        }
        assertEquals(List.of(), failures, String.join("\n", failures));
    }

    @Test
    void validFixtureIsAccepted() throws Exception {
        List<Problem> problems = new ArrayList<>();
        List<ObjectNode> valid = fixture("valid.yaml");
        assertTrue(valid.size() >= 10, "the valid fixture lost objects: " + valid.size());
        for (ObjectNode o : valid) {
            problems.addAll(validator.validate(o, "fixtures/valid.yaml"));
        }
        assertEquals(List.of(), problems, Rendered.report("fixtures/valid.yaml", problems));
    }
}
