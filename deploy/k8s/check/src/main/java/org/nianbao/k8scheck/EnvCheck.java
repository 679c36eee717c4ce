package org.nianbao.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every environment variable a rendered manifest gives one of our services must be read by that service's
 * configuration ({@link ServiceConfig}), and every configuration key the service requires must be set.
 *
 * <p>A container runs one of our services when its image is {@code nianbao/NAME-service} (any registry, tag or digest);
 * the service is the module NAME-service. Its environment: {@code env[].name}, and every key of the ConfigMaps and
 * Secrets of {@code envFrom} (with its prefix), which must be in the same rendered output — kustomize generates
 * ours — since keys of an object outside it cannot be checked: put such Secrets' keys in {@code env[]} with
 * {@code valueFrom.secretKeyRef} (as the manifests do for nianbao-pg-app, nianbao-admin, …). A
 * {@code configMapKeyRef}/{@code secretKeyRef} to an object in the output must name one of its keys.
 */
public final class EnvCheck {

    /**
     * Variables that are not Quarkus configuration but are read by the JVM or the container's launcher. Keep this list
     * short and say who reads each.
     */
    public static final Map<String, String> ALLOWED = Map.of(
            // read by the JVM itself (HotSpot), whatever the launcher
            "JAVA_TOOL_OPTIONS", "JVM",
            // read by the run-java.sh launcher of the UBI OpenJDK images Quarkus builds on
            "JAVA_OPTS", "run-java.sh launcher",
            "JAVA_OPTS_APPEND", "run-java.sh launcher");

    private static final Pattern IMAGE = Pattern.compile("(?:^|/)nianbao/([a-z0-9-]+-service)(?:[:@].*)?$");

    /** One container that runs one of our services, with its environment: variable → where it comes from. */
    public record ServiceContainer(String object, String container, String service, Map<String, String> env) {
    }

    private EnvCheck() {
    }

    /** The service containers of the rendered objects; reference problems (missing ConfigMaps, keys) go to problems. */
    public static List<ServiceContainer> containers(List<ObjectNode> objects, List<Problem> problems) {
        List<ServiceContainer> out = new ArrayList<>();
        for (ObjectNode o : objects) {
            JsonNode pod = podSpec(o);
            if (pod == null) {
                continue;
            }
            String label = Kustomize.label(o);
            String ns = o.path("metadata").path("namespace").asText("");
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode c : pod.path(list)) {
                    Matcher m = IMAGE.matcher(c.path("image").asText(""));
                    if (!m.find()) {
                        continue;
                    }
                    String cname = c.path("name").asText();
                    String where = label + " container " + cname;
                    Map<String, String> env = new LinkedHashMap<>();
                    for (JsonNode from : c.path("envFrom")) {
                        String prefix = from.path("prefix").asText("");
                        boolean isSecret = from.has("secretRef");
                        JsonNode ref = isSecret ? from.path("secretRef") : from.path("configMapRef");
                        String kind = isSecret ? "Secret" : "ConfigMap";
                        String name = ref.path("name").asText();
                        ObjectNode target = find(objects, kind, ns, name);
                        if (target == null) {
                            problems.add(new Problem(where, "envFrom", kind + " " + name + " is not in the rendered output, so the"
                                    + " variables it sets cannot be checked; name them in env[] with valueFrom."
                                    + (isSecret ? "secretKeyRef" : "configMapKeyRef") + " instead"));
                            continue;
                        }
                        for (String section : List.of("data", "binaryData", "stringData")) {
                            target.path(section).fieldNames().forEachRemaining(k -> env.put(prefix + k, "envFrom " + kind + " " + name));
                        }
                    }
                    int i = 0;
                    for (JsonNode e : c.path("env")) {
                        String var = e.path("name").asText();
                        JsonNode vf = e.path("valueFrom");
                        String src = "env";
                        for (String refKind : List.of("configMapKeyRef", "secretKeyRef")) {
                            JsonNode ref = vf.path(refKind);
                            if (ref.isMissingNode()) {
                                continue;
                            }
                            String kind = refKind.startsWith("secret") ? "Secret" : "ConfigMap";
                            String name = ref.path("name").asText();
                            String key = ref.path("key").asText();
                            src = "env from " + kind + " " + name + " key " + key;
                            ObjectNode target = find(objects, kind, ns, name);
                            if (target != null && !ref.path("optional").asBoolean(false) && !target.path("data").has(key)
                                    && !target.path("binaryData").has(key) && !target.path("stringData").has(key)) {
                                problems.add(new Problem(where, "env[" + i + "]", var + ": " + kind + " " + name + " has no key " + key));
                            }
                        }
                        env.put(var, src); // env[] wins over envFrom, as in Kubernetes
                        i++;
                    }
                    out.add(new ServiceContainer(label, cname, m.group(1), env));
                }
            }
        }
        return out;
    }

    /** The unknown variables and the missing required keys of every service container. */
    public static List<Problem> check(List<ServiceContainer> containers, Function<String, ServiceConfig> configs) {
        List<Problem> out = new ArrayList<>();
        for (ServiceContainer c : containers) {
            String where = c.object() + " container " + c.container() + " (" + c.service() + ")";
            ServiceConfig cfg = configs.apply(c.service());
            for (Map.Entry<String, String> e : c.env().entrySet()) {
                String var = e.getKey();
                if (ALLOWED.containsKey(var)) {
                    continue;
                }
                List<ServiceConfig.Known> hits = cfg.match(var);
                if (hits.isEmpty()) {
                    String near = cfg.closest(var);
                    out.add(new Problem(where, "env " + var, "set (" + e.getValue() + ") but not read by " + c.service()
                            + ": no configuration property of it has this environment-variable form"
                            + (near == null ? "" : "; nearest: " + near)));
                } else if (hits.stream().noneMatch(ServiceConfig.Known::runtime)) {
                    ServiceConfig.Known k = hits.get(0);
                    out.add(new Problem(where, "env " + var, "sets " + k.pattern() + " (" + k.origin() + "), a " + k.phase()
                            + " property: fixed when the image is built, setting it at run time has no effect"));
                }
            }
            java.util.Set<String> env = c.env().keySet();
            for (ServiceConfig.Required r : cfg.required()) {
                if (!cfg.isSet(r.property(), env)) {
                    out.add(new Problem(where, "env", c.service() + " requires " + r.property() + " [" + r.origin()
                            + "] but the manifest does not set " + ServiceConfig.envName(r.property())));
                }
            }
        }
        return out;
    }

    private static JsonNode podSpec(JsonNode o) {
        return switch (o.path("kind").asText()) {
            case "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job" -> o.path("spec").path("template").path("spec");
            case "CronJob" -> o.path("spec").path("jobTemplate").path("spec").path("template").path("spec");
            case "Pod" -> o.path("spec");
            default -> null;
        };
    }

    private static ObjectNode find(List<ObjectNode> objects, String kind, String ns, String name) {
        for (ObjectNode o : objects) {
            if (kind.equals(o.path("kind").asText()) && name.equals(o.path("metadata").path("name").asText())
                    && ns.equals(o.path("metadata").path("namespace").asText(""))) {
                return o;
            }
        }
        return null;
    }
}
