package org.nianbao.k8scheck;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Validates rendered objects against {@link SchemaRegistry} the way a strict API server would (kubectl apply
 * --validate=strict): types, enums, required fields, bounds and patterns, and <b>unknown fields rejected</b>.
 *
 * <p>Rules beyond plain JSON Schema:
 * <ul>
 * <li>Built-in kinds (Kubernetes OpenAPI v2 definitions): an object schema with {@code properties} and no
 * {@code additionalProperties} is closed (an unknown field is an error); one with neither is free-form (RawExtension,
 * FieldsV1). {@code $ref}s are followed. IntOrString takes an integer or a string; Quantity a string in quantity syntax
 * or a number.</li>
 * <li>Custom resources (CRD openAPIV3Schema, structural): an object is closed unless it has
 * {@code x-kubernetes-preserve-unknown-fields: true} or an {@code additionalProperties} schema — what the API server
 * would otherwise prune silently. {@code x-kubernetes-int-or-string} takes an integer or a string;
 * {@code x-kubernetes-embedded-resource} allows apiVersion, kind and metadata. {@code metadata} at the top is checked
 * against Kubernetes' ObjectMeta. allOf/anyOf/oneOf/not are checked as value validations.</li>
 * <li>null is accepted anywhere (the API server treats it as unset or prunes it).</li>
 * <li>Not checked: CEL rules (x-kubernetes-validations), formats other than int-or-string/quantity, list-map key
 * uniqueness.</li>
 * </ul>
 */
public final class Validator {

    private static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";
    private static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    private static final String OBJECT_META = "io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta";
    /** resource.Quantity's grammar: signed decimal number, then a binary/decimal SI suffix or a decimal exponent. */
    private static final Pattern QUANTITY_SYNTAX = Pattern.compile(
            "^[+-]?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E|[eE][+-]?[0-9]+)?$");

    /**
     * Fields whose published CRD schema is stripped to "object, x-kubernetes-preserve-unknown-fields" but that the
     * operator documents as a Kubernetes type: checked against that type, so a typo there fails too.
     */
    static final Map<String, Map<String, String>> EMBEDDED_KUBERNETES_TYPES = Map.of(
            "elasticsearch.k8s.elastic.co/v1/Elasticsearch",
            Map.of("spec.nodeSets[*].podTemplate", "io.k8s.api.core.v1.PodTemplateSpec"),
            "kibana.k8s.elastic.co/v1/Kibana", Map.of("spec.podTemplate", "io.k8s.api.core.v1.PodTemplateSpec"));

    private final SchemaRegistry registry;
    private final Map<String, Pattern> patterns = new java.util.HashMap<>();

    public Validator(SchemaRegistry registry) {
        this.registry = registry;
    }

    /** Every problem of one object; an object whose apiVersion/kind has no schema is itself a problem. */
    public List<Problem> validate(JsonNode obj, String origin) {
        String label = Kustomize.label(obj) + (origin == null ? "" : " (" + origin + ")");
        List<Problem> out = new ArrayList<>();
        String apiVersion = obj.path("apiVersion").asText("");
        String kind = obj.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            out.add(new Problem(label, "", "no apiVersion or kind"));
            return out;
        }
        SchemaRegistry.Entry entry = registry.lookup(apiVersion, kind);
        if (entry == null) {
            out.add(new Problem(label, "", "no schema for apiVersion " + apiVersion + " kind " + kind + " (Kubernetes "
                    + registry.kubernetesVersion() + ", CRDs: " + registry.customKinds()
                    + "); add its CRD to deploy/k8s/schemas (see its README) or fix apiVersion/kind"));
            return out;
        }
        Ctx ctx = new Ctx(label, out, entry.crd(), EMBEDDED_KUBERNETES_TYPES.getOrDefault(entry.gvk(), Map.of()));
        if (entry.crd()) {
            // metadata is the API server's ObjectMeta; the CRD schema only says "object" (and may require it)
            ObjectNode rest = ((ObjectNode) obj).deepCopy();
            JsonNode meta = rest.get("metadata");
            if (meta != null) {
                check(meta, ref(OBJECT_META), "metadata", new Ctx(label, out, false, Map.of()), false);
                rest.putObject("metadata");
            }
            check(rest, entry.schema(), "", ctx, false);
        } else {
            check(obj, entry.schema(), "", ctx, false);
        }
        return out;
    }

    private record Ctx(String label, List<Problem> out, boolean crd, Map<String, String> embedded) {
        void add(String path, String msg) {
            out.add(new Problem(label, path, msg));
        }
    }

    private JsonNode ref(String name) {
        JsonNode d = registry.definitions().get(name);
        if (d == null) {
            throw new IllegalStateException("the Kubernetes definitions have no " + name);
        }
        return d;
    }

    /**
     * @param junction inside allOf/anyOf/oneOf/not: value validations only, no unknown-field checks (structural
     *                 schemas allow no properties there)
     */
    private void check(JsonNode value, JsonNode schema, String path, Ctx ctx, boolean junction) {
        if (value == null || value.isNull() || schema == null || schema.isMissingNode()) {
            return;
        }
        if (!ctx.embedded().isEmpty()) {
            String type = ctx.embedded().get(path.replaceAll("\\[[0-9]+]", "[*]"));
            if (type != null) {
                check(value, ref(type), path, new Ctx(ctx.label(), ctx.out(), false, Map.of()), junction);
                return;
            }
        }
        // $ref (built-in definitions only); the two special scalar types first.
        while (schema.has("$ref")) {
            String name = schema.get("$ref").asText().replaceFirst("^#/definitions/", "");
            if (INT_OR_STRING.equals(name)) {
                intOrString(value, path, ctx);
                return;
            }
            if (QUANTITY.equals(name)) {
                quantity(value, path, ctx);
                return;
            }
            schema = ref(name);
        }
        if (schema.path("x-kubernetes-int-or-string").asBoolean(false) || "int-or-string".equals(schema.path("format").asText())) {
            intOrString(value, path, ctx);
            // a CRD's int-or-string carries anyOf [integer, string] and may add a pattern for the string form
            if (value.isTextual()) {
                stringRules(value, schema, path, ctx);
            }
            return;
        }
        junctions(value, schema, path, ctx);
        String type = schema.path("type").asText("");
        if (type.isEmpty() && (schema.has("properties") || schema.has("additionalProperties"))) {
            type = "object";
        }
        switch (type) {
            case "object" -> object(value, schema, path, ctx, junction);
            case "array" -> {
                if (!value.isArray()) {
                    ctx.add(path, "expected an array, got " + describe(value));
                    return;
                }
                int n = value.size();
                if (schema.has("minItems") && n < schema.get("minItems").asInt()) {
                    ctx.add(path, "has " + n + " items, fewer than minItems " + schema.get("minItems").asInt());
                }
                if (schema.has("maxItems") && n > schema.get("maxItems").asInt()) {
                    ctx.add(path, "has " + n + " items, more than maxItems " + schema.get("maxItems").asInt());
                }
                JsonNode items = schema.get("items");
                for (int i = 0; i < n; i++) {
                    check(value.get(i), items, path + "[" + i + "]", ctx, junction);
                }
            }
            case "string" -> {
                if (!value.isTextual()) {
                    ctx.add(path, "expected a string, got " + describe(value));
                    return;
                }
                stringRules(value, schema, path, ctx);
            }
            case "integer" -> {
                if (!value.isIntegralNumber()) {
                    ctx.add(path, "expected an integer, got " + describe(value));
                    return;
                }
                numberRules(value, schema, path, ctx);
            }
            case "number" -> {
                if (!value.isNumber()) {
                    ctx.add(path, "expected a number, got " + describe(value));
                    return;
                }
                numberRules(value, schema, path, ctx);
            }
            case "boolean" -> {
                if (!value.isBoolean()) {
                    ctx.add(path, "expected a boolean, got " + describe(value));
                }
            }
            case "" -> {
                // no type: anything (x-kubernetes-preserve-unknown-fields leaves, JSON)
            }
            default -> ctx.add(path, "schema has unsupported type " + type);
        }
        enumRule(value, schema, path, ctx);
    }

    private void object(JsonNode value, JsonNode schema, String path, Ctx ctx, boolean junction) {
        if (!value.isObject()) {
            ctx.add(path, "expected an object, got " + describe(value));
            return;
        }
        JsonNode props = schema.get("properties");
        JsonNode additional = schema.get("additionalProperties");
        boolean preserve = schema.path("x-kubernetes-preserve-unknown-fields").asBoolean(false);
        boolean embedded = schema.path("x-kubernetes-embedded-resource").asBoolean(false);
        for (JsonNode r : schema.path("required")) {
            JsonNode v = value.get(r.asText());
            if (v == null || v.isNull()) {
                ctx.add(join(path, r.asText()), "required field is missing");
            }
        }
        if (schema.has("minProperties") && value.size() < schema.get("minProperties").asInt()) {
            ctx.add(path, "has " + value.size() + " fields, fewer than minProperties " + schema.get("minProperties").asInt());
        }
        if (schema.has("maxProperties") && value.size() > schema.get("maxProperties").asInt()) {
            ctx.add(path, "has " + value.size() + " fields, more than maxProperties " + schema.get("maxProperties").asInt());
        }
        Iterator<Map.Entry<String, JsonNode>> it = value.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> f = it.next();
            String name = f.getKey();
            String p = join(path, name);
            if (props != null && props.has(name)) {
                check(f.getValue(), props.get(name), p, ctx, junction);
            } else if (embedded && ("apiVersion".equals(name) || "kind".equals(name))) {
                if (!f.getValue().isTextual()) {
                    ctx.add(p, "expected a string, got " + describe(f.getValue()));
                }
            } else if (embedded && "metadata".equals(name)) {
                check(f.getValue(), ref(OBJECT_META), p, ctx, junction);
            } else if (additional != null && additional.isObject()) {
                check(f.getValue(), additional, p, ctx, junction);
            } else if (additional != null && additional.isBoolean()) {
                if (!additional.asBoolean()) {
                    ctx.add(p, unknown(name, props));
                }
            } else if (preserve || junction) {
                // kept as is
            } else if (!ctx.crd() && (props == null || props.isEmpty())) {
                // built-in free-form object (RawExtension, FieldsV1)
            } else {
                ctx.add(p, unknown(name, props));
            }
        }
    }

    private void junctions(JsonNode value, JsonNode schema, String path, Ctx ctx) {
        for (JsonNode sub : schema.path("allOf")) {
            check(value, sub, path, ctx, true);
        }
        JsonNode anyOf = schema.get("anyOf");
        if (anyOf != null && anyOf.isArray() && anyOf.size() > 0) {
            List<List<Problem>> fails = new ArrayList<>();
            boolean ok = false;
            for (JsonNode sub : anyOf) {
                List<Problem> p = trial(value, sub, path, ctx);
                if (p.isEmpty()) {
                    ok = true;
                    break;
                }
                fails.add(p);
            }
            if (!ok) {
                ctx.add(path, "matches none of anyOf: " + summary(fails));
            }
        }
        JsonNode oneOf = schema.get("oneOf");
        if (oneOf != null && oneOf.isArray() && oneOf.size() > 0) {
            int matched = 0;
            List<List<Problem>> fails = new ArrayList<>();
            for (JsonNode sub : oneOf) {
                List<Problem> p = trial(value, sub, path, ctx);
                if (p.isEmpty()) {
                    matched++;
                } else {
                    fails.add(p);
                }
            }
            if (matched != 1) {
                ctx.add(path, matched == 0 ? "matches none of oneOf: " + summary(fails)
                        : "matches " + matched + " alternatives of oneOf, exactly one allowed (mutually exclusive fields?)");
            }
        }
        JsonNode not = schema.get("not");
        if (not != null && not.isObject() && trial(value, not, path, ctx).isEmpty()) {
            ctx.add(path, "must not match " + not);
        }
    }

    private List<Problem> trial(JsonNode value, JsonNode sub, String path, Ctx ctx) {
        List<Problem> out = new ArrayList<>();
        check(value, sub, path, new Ctx(ctx.label(), out, ctx.crd(), ctx.embedded()), true);
        return out;
    }

    private static String summary(List<List<Problem>> fails) {
        List<String> parts = new ArrayList<>();
        for (List<Problem> f : fails) {
            parts.add(f.isEmpty() ? "?" : (f.get(0).path().isEmpty() ? "" : f.get(0).path() + ": ") + f.get(0).message());
        }
        return String.join(" | ", parts);
    }

    private void intOrString(JsonNode value, String path, Ctx ctx) {
        if (!value.isTextual() && !value.isIntegralNumber()) {
            ctx.add(path, "expected an integer or a string, got " + describe(value));
        }
    }

    private void quantity(JsonNode value, String path, Ctx ctx) {
        if (value.isNumber()) {
            return;
        }
        if (!value.isTextual()) {
            ctx.add(path, "expected a quantity (string such as 500m or 2Gi, or a number), got " + describe(value));
        } else if (!QUANTITY_SYNTAX.matcher(value.asText()).matches()) {
            ctx.add(path, "\"" + value.asText() + "\" is not a quantity (such as 500m, 1, 2Gi, 1.5G)");
        }
    }

    private void stringRules(JsonNode value, JsonNode schema, String path, Ctx ctx) {
        String s = value.asText();
        int len = s.codePointCount(0, s.length());
        if (schema.has("minLength") && len < schema.get("minLength").asInt()) {
            ctx.add(path, "\"" + s + "\" is shorter than minLength " + schema.get("minLength").asInt());
        }
        if (schema.has("maxLength") && len > schema.get("maxLength").asInt()) {
            ctx.add(path, "is longer than maxLength " + schema.get("maxLength").asInt());
        }
        if (schema.has("pattern")) {
            String re = schema.get("pattern").asText();
            Pattern p = patterns.computeIfAbsent(re, k -> {
                try {
                    return Pattern.compile(k);
                } catch (PatternSyntaxException e) {
                    return null;
                }
            });
            if (p != null && !p.matcher(s).find()) {
                ctx.add(path, "\"" + s + "\" does not match pattern " + re);
            }
        }
    }

    private void numberRules(JsonNode value, JsonNode schema, String path, Ctx ctx) {
        double d = value.asDouble();
        if (schema.has("minimum")) {
            double min = schema.get("minimum").asDouble();
            boolean excl = schema.path("exclusiveMinimum").asBoolean(false);
            if (excl ? d <= min : d < min) {
                ctx.add(path, value + " is below the minimum " + schema.get("minimum") + (excl ? " (exclusive)" : ""));
            }
        }
        if (schema.has("maximum")) {
            double max = schema.get("maximum").asDouble();
            boolean excl = schema.path("exclusiveMaximum").asBoolean(false);
            if (excl ? d >= max : d > max) {
                ctx.add(path, value + " is above the maximum " + schema.get("maximum") + (excl ? " (exclusive)" : ""));
            }
        }
    }

    private void enumRule(JsonNode value, JsonNode schema, String path, Ctx ctx) {
        JsonNode en = schema.get("enum");
        if (en == null || !en.isArray() || en.isEmpty()) {
            return;
        }
        for (JsonNode e : en) {
            if (e.equals(value) || (e.isNumber() && value.isNumber() && e.asDouble() == value.asDouble())) {
                return;
            }
        }
        ctx.add(path, describeValue(value) + " is not one of " + en);
    }

    private static String unknown(String name, JsonNode props) {
        StringBuilder sb = new StringBuilder("unknown field \"").append(name).append('"');
        String best = null;
        int bestD = Integer.MAX_VALUE;
        if (props != null) {
            Iterator<String> it = props.fieldNames();
            while (it.hasNext()) {
                String c = it.next();
                int d = distance(name.toLowerCase(), c.toLowerCase());
                if (d < bestD) {
                    bestD = d;
                    best = c;
                }
            }
        }
        if (best != null && bestD <= Math.max(2, name.length() / 3)) {
            sb.append(" (did you mean \"").append(best).append("\"?)");
        }
        return sb.toString();
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int c = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + c);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }

    private static String join(String path, String name) {
        String n = name.matches("[A-Za-z_][A-Za-z0-9_-]*") ? name : "\"" + name + "\"";
        return path.isEmpty() ? n : path + "." + n;
    }

    private static String describe(JsonNode v) {
        String t = v.isTextual() ? "string" : v.isIntegralNumber() ? "integer" : v.isNumber() ? "number"
                : v.isBoolean() ? "boolean" : v.isArray() ? "array" : v.isObject() ? "object" : v.getNodeType().toString();
        return t + " " + describeValue(v);
    }

    private static String describeValue(JsonNode v) {
        String s = v.isContainerNode() ? (v.isArray() ? "[…]" : "{…}") : v.toString();
        return s.length() > 60 ? s.substring(0, 57) + "…" : s;
    }
}
