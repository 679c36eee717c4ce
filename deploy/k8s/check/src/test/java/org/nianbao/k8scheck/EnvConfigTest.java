package org.nianbao.k8scheck;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every environment variable the rendered manifests give a service is read by that service's configuration, and every
 * key it requires is set. Reads each service's target/quarkus-app (see {@link ServiceConfig}).
 */
class EnvConfigTest {

    private static final Map<String, ServiceConfig> CONFIGS = new ConcurrentHashMap<>();

    static ServiceConfig config(String service) {
        return CONFIGS.computeIfAbsent(service, s -> {
            try {
                return ServiceConfig.load(Rendered.ROOT, s, Boolean.getBoolean("nianbao.envcheck.allowStale"));
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException("cannot read the configuration of " + s + ": " + e, e);
            }
        });
    }

    @TestFactory
    Stream<DynamicTest> everyVariableIsReadAndEveryRequiredKeyIsSet() throws Exception {
        List<Path> targets = Rendered.targets();
        // read the services' configurations in parallel (the slow part); failures surface in the tests below
        java.util.Set<String> services = new java.util.TreeSet<>();
        for (Path t : targets) {
            EnvCheck.containers(Rendered.of(t), new ArrayList<>()).forEach(c -> services.add(c.service()));
        }
        services.parallelStream().forEach(s -> {
            try {
                config(s);
            } catch (RuntimeException e) {
                // reported by the test that needs it
            }
        });
        return targets.stream().map(t -> DynamicTest.dynamicTest(Rendered.name(t), () -> {
            List<ObjectNode> objects = Rendered.of(t);
            List<Problem> problems = new ArrayList<>();
            List<EnvCheck.ServiceContainer> containers = EnvCheck.containers(objects, problems);
            assertFalse(containers.isEmpty(), Rendered.name(t) + ": no container runs a nianbao/*-service image");
            problems.addAll(EnvCheck.check(containers, EnvConfigTest::config));
            if (!problems.isEmpty()) {
                fail(Rendered.report(Rendered.name(t) + " environment", problems));
            }
            System.out.println("[k8s-check] " + Rendered.name(t) + ": the environment of " + containers.size()
                    + " service containers is read and complete");
        }));
    }
}
