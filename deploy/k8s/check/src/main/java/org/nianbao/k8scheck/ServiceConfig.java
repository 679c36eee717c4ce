package org.nianbao.k8scheck;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one service's configuration reads, taken from the service as packaged ({@code SERVICE/target/quarkus-app}: its
 * lib/boot, lib/main and app jars are exactly its runtime classpath):
 * <ul>
 * <li>every property of every Quarkus config root on that classpath (each jar's META-INF/quarkus-config-roots.list),
 * with its phase, named by SmallRye Config itself ({@code ConfigMappings.getProperties});</li>
 * <li>every property of the service's own {@code @ConfigMapping} interfaces and {@code @ConfigProperty} injection
 * points (classes of the app jar);</li>
 * <li>every key of its application.properties (profile prefix stripped) and every {@code ${NAME}} / {@code ${NAME:default}}
 * it references;</li>
 * <li>two dynamic namespaces: {@code kafka.*} (Quarkus passes every kafka.* property to the Kafka clients) where
 * kafka-clients is on the classpath, and {@code mp.messaging.*} / {@code smallrye.messaging.*} (channel and connector
 * attributes) where SmallRye Reactive Messaging is.</li>
 * </ul>
 * And what it requires: the properties of its own org.nianbao {@code @ConfigMapping}s with no default that are not
 * Optional (outside maps and lists), its {@code @ConfigProperty}s with no default that are not Optional, and every
 * {@code ${NAME}} without default in a value application.properties gives the prod profile.
 */
public final class ServiceConfig {

    /** A property (pattern: {@code *} = a map key, {@code [*]} = a list index) that something reads. */
    public record Known(String pattern, String origin, String phase) {
        public boolean runtime() {
            return phase == null || phase.equals("RUN_TIME");
        }
    }

    /** A property the service cannot start without. */
    public record Required(String property, String origin) {
    }

    private record Compiled(Known known, Pattern env, Pattern dotted) {
    }

    private final String service;
    private final List<Compiled> known = new ArrayList<>();
    private final List<Required> required;
    private final Map<String, String> prodProperties;

    public ServiceConfig(String service, List<Known> known, List<Required> required, Map<String, String> prodProperties) {
        this.service = service;
        for (Known k : known) {
            this.known.add(new Compiled(k, Pattern.compile(envRegex(k.pattern())), Pattern.compile(dottedRegex(k.pattern()))));
        }
        this.required = List.copyOf(required);
        this.prodProperties = Map.copyOf(prodProperties);
    }

    public String service() {
        return service;
    }

    public List<Required> required() {
        return required;
    }

    public Map<String, String> prodProperties() {
        return prodProperties;
    }

    /** The environment-variable form of a property name (SmallRye Config): every non-alphanumeric character → _, upper case. */
    public static String envName(String property) {
        StringBuilder sb = new StringBuilder(property.length());
        for (int i = 0; i < property.length(); i++) {
            char c = property.charAt(i);
            sb.append(Character.isLetterOrDigit(c) && c < 128 ? Character.toUpperCase(c) : '_');
        }
        return sb.toString();
    }

    static String envRegex(String pattern) {
        StringBuilder sb = new StringBuilder("^");
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.startsWith("[*]", i)) {
                sb.append("_[0-9]+_");
                i += 2;
            } else if (pattern.charAt(i) == '*') {
                sb.append("[A-Z0-9_]+?");
            } else {
                char c = pattern.charAt(i);
                sb.append(Character.isLetterOrDigit(c) && c < 128 ? String.valueOf(Character.toUpperCase(c)) : "_");
            }
        }
        return sb.append('$').toString();
    }

    static String dottedRegex(String pattern) {
        StringBuilder sb = new StringBuilder("^");
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.startsWith("[*]", i)) {
                sb.append("\\[[0-9]+\\]");
                i += 2;
            } else if (pattern.charAt(i) == '*') {
                sb.append("(?:\"[^\"]*\"|[^.]+)");
            } else {
                sb.append(Pattern.quote(String.valueOf(pattern.charAt(i))));
            }
        }
        return sb.append('$').toString();
    }

    /** The known properties an environment variable sets (by its env form, or by the dotted name itself). */
    public List<Known> match(String var) {
        List<Known> out = new ArrayList<>();
        for (Compiled c : known) {
            if (c.env().matcher(var).matches() || c.dotted().matcher(var).matches()) {
                out.add(c.known());
            }
        }
        return out;
    }

    /** The known, literal property whose env form is nearest to var (for "did you mean"). */
    public String closest(String var) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        for (Compiled c : known) {
            String p = c.known().pattern();
            if (p.contains("*")) {
                continue;
            }
            int d = Validator.distance(var, envName(p));
            if (d < bestD) {
                bestD = d;
                best = envName(p) + " (" + p + ", " + c.known().origin() + ")";
            }
        }
        return bestD <= Math.max(3, var.length() / 3) ? best : null;
    }

    /** True when the environment sets property (env form or dotted) or application.properties gives it for prod. */
    public boolean isSet(String property, Set<String> env) {
        return env.contains(envName(property)) || env.contains(property) || prodProperties.containsKey(property);
    }

    // ------------------------------------------------------------------------------------------------ loading

    private static final Pattern REF = Pattern.compile("\\$\\{([^}:$]+)(:[^}]*)?}");
    private static final String UNCONFIGURED = "org.eclipse.microprofile.config.configproperty.unconfigureddvalue";
    private static final Set<String> OPTIONAL_TYPES = Set.of("java.util.Optional", "java.util.OptionalInt",
            "java.util.OptionalLong", "java.util.OptionalDouble", "jakarta.inject.Provider", "jakarta.enterprise.inject.Instance",
            "io.smallrye.config.ConfigValue", "org.eclipse.microprofile.config.ConfigValue");

    /**
     * Loads SERVICE/target/quarkus-app of the repository at root. Fails when it is missing, or older than the service's
     * sources (src/main/java, src/main/resources, pom.xml) unless allowStale.
     */
    public static ServiceConfig load(Path root, String service, boolean allowStale) throws Exception {
        Path module = root.resolve(service);
        Path app = module.resolve("target/quarkus-app");
        if (!Files.isDirectory(app.resolve("lib/main")) || !Files.isDirectory(app.resolve("app"))) {
            throw new IllegalStateException(service + " is not packaged (" + root.relativize(app) + " is missing): the env check reads"
                    + " the service's runtime classpath. Run `./mvnw -B verify` at the root (this module comes after the services),"
                    + " or `./mvnw -o -B -DskipTests package -pl " + service + "` first.");
        }
        List<Path> appJars = list(app.resolve("app"));
        List<Path> libJars = list(app.resolve("lib/main"));
        List<Path> bootJars = Files.isDirectory(app.resolve("lib/boot")) ? list(app.resolve("lib/boot")) : List.of();
        if (appJars.isEmpty()) {
            throw new IllegalStateException(root.relativize(app.resolve("app")) + " has no jar");
        }
        FileTime built = Files.getLastModifiedTime(appJars.get(0));
        Path newer = newestSource(module, built);
        if (newer != null && !allowStale) {
            throw new IllegalStateException(root.relativize(app) + " is older than " + root.relativize(newer)
                    + ": repackage it (`./mvnw -o -B -DskipTests package -pl " + service + "`), or pass -Dnianbao.envcheck.allowStale=true");
        }
        List<URL> urls = new ArrayList<>();
        for (Path p : appJars) {
            urls.add(p.toUri().toURL());
        }
        for (Path p : libJars) {
            urls.add(p.toUri().toURL());
        }
        for (Path p : bootJars) {
            urls.add(p.toUri().toURL());
        }
        // SmallRye Config generates the implementation of build-time mappings with ASM, which the runtime lacks
        urls.add(org.objectweb.asm.ClassVisitor.class.getProtectionDomain().getCodeSource().getLocation());
        List<Known> known = new ArrayList<>();
        List<Required> required = new ArrayList<>();
        Map<String, String> prod = new LinkedHashMap<>();
        try (URLClassLoader cl = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
            Mappings m = new Mappings(cl);
            // Quarkus config roots of every extension on the runtime classpath
            for (Path jar : libJars) {
                try (JarFile jf = new JarFile(jar.toFile())) {
                    JarEntry e = jf.getJarEntry("META-INF/quarkus-config-roots.list");
                    if (e == null) {
                        continue;
                    }
                    String list = new String(jf.getInputStream(e).readAllBytes(), StandardCharsets.UTF_8);
                    for (String cls : list.split("\\R")) {
                        cls = cls.strip();
                        if (!cls.isEmpty()) {
                            m.addRoot(cls, jar.getFileName().toString(), known);
                        }
                    }
                }
            }
            // the service's own classes: @ConfigMapping interfaces and @ConfigProperty injection points
            for (Path jar : appJars) {
                try (JarFile jf = new JarFile(jar.toFile())) {
                    for (Enumeration<JarEntry> en = jf.entries(); en.hasMoreElements();) {
                        String n = en.nextElement().getName();
                        if (n.endsWith(".class") && !n.startsWith("META-INF/") && !n.endsWith("module-info.class")) {
                            m.addAppClass(n.substring(0, n.length() - 6).replace('/', '.'), known, required);
                        }
                    }
                    JarEntry props = jf.getJarEntry("application.properties");
                    if (props != null) {
                        try (InputStream in = jf.getInputStream(props)) {
                            applicationProperties(new String(in.readAllBytes(), StandardCharsets.UTF_8), known, required, prod);
                        }
                    }
                }
            }
            boolean kafka = libJars.stream().anyMatch(p -> p.getFileName().toString().startsWith("org.apache.kafka.kafka-clients-"));
            boolean messaging = libJars.stream()
                    .anyMatch(p -> p.getFileName().toString().startsWith("io.smallrye.reactive.smallrye-reactive-messaging-provider-"));
            if (kafka) {
                known.add(new Known("kafka.*", "Quarkus Kafka: every kafka.* property goes to the Kafka clients", "RUN_TIME"));
            }
            if (messaging) {
                known.add(new Known("mp.messaging.*", "SmallRye Reactive Messaging channel/connector attributes", "RUN_TIME"));
                known.add(new Known("smallrye.messaging.*", "SmallRye Reactive Messaging", "RUN_TIME"));
            }
        }
        return new ServiceConfig(service, known, required, prod);
    }

    /** Keys and ${…} references of application.properties (public for the tests). */
    public static void applicationProperties(String text, List<Known> known, List<Required> required, Map<String, String> prod)
            throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        for (String rawKey : new java.util.TreeSet<>(p.stringPropertyNames())) {
            String key = rawKey;
            boolean forProd = true;
            if (key.startsWith("%")) {
                int dot = key.indexOf('.');
                List<String> profiles = List.of(key.substring(1, dot).split(","));
                key = key.substring(dot + 1);
                forProd = profiles.contains("prod");
            }
            String value = p.getProperty(rawKey);
            known.add(new Known(key, "application.properties key", "RUN_TIME"));
            Matcher mt = REF.matcher(value);
            while (mt.find()) {
                String ref = mt.group(1);
                known.add(new Known(ref, "application.properties: ${" + ref + "} in " + rawKey, "RUN_TIME"));
                if (forProd && mt.group(2) == null) {
                    required.add(new Required(ref, "application.properties: " + rawKey + "=" + value + " (prod, no default)"));
                }
            }
            if (forProd) {
                prod.put(key, value);
            }
        }
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
        }
    }

    private static Path newestSource(Path module, FileTime built) throws IOException {
        List<Path> roots = List.of(module.resolve("src/main/java"), module.resolve("src/main/resources"), module.resolve("pom.xml"));
        for (Path r : roots) {
            if (!Files.exists(r)) {
                continue;
            }
            try (Stream<Path> s = Files.walk(r)) {
                Path p = s.filter(Files::isRegularFile).filter(f -> {
                    try {
                        return Files.getLastModifiedTime(f).compareTo(built) > 0;
                    } catch (IOException e) {
                        return false;
                    }
                }).findFirst().orElse(null);
                if (p != null) {
                    return p;
                }
            }
        }
        return null;
    }

    /** SmallRye Config and the annotations, as loaded by the service's own class loader, used reflectively. */
    private static final class Mappings {
        private final ClassLoader cl;
        private final Class<? extends Annotation> configMapping;
        private final Class<? extends Annotation> configRoot;
        private final Class<? extends Annotation> configProperty;
        private final Method configClass;
        private final Method getProperties;
        private final Class<?> property;

        @SuppressWarnings("unchecked")
        Mappings(ClassLoader cl) throws Exception {
            this.cl = cl;
            configMapping = (Class<? extends Annotation>) Class.forName("io.smallrye.config.ConfigMapping", false, cl);
            configRoot = (Class<? extends Annotation>) Class.forName("io.quarkus.runtime.annotations.ConfigRoot", false, cl);
            configProperty = (Class<? extends Annotation>) Class.forName("org.eclipse.microprofile.config.inject.ConfigProperty", false, cl);
            Class<?> mappings = Class.forName("io.smallrye.config.ConfigMappings", true, cl);
            Class<?> cc = Class.forName("io.smallrye.config.ConfigMappings$ConfigClass", false, cl);
            configClass = cc.getMethod("configClass", Class.class);
            getProperties = mappings.getMethod("getProperties", cc);
            property = Class.forName("io.smallrye.config.ConfigMappingInterface$Property", false, cl);
        }

        void addRoot(String className, String jar, List<Known> known) throws Exception {
            Class<?> c;
            try {
                c = Class.forName(className, false, cl);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException(jar + " lists config root " + className + " that cannot be loaded: " + e);
            }
            Annotation root = c.getAnnotation(configRoot);
            String phase = root == null ? "RUN_TIME" : ((Enum<?>) root.annotationType().getMethod("phase").invoke(root)).name();
            if (!c.isInterface() || c.getAnnotation(configMapping) == null) {
                throw new IllegalStateException(jar + ": config root " + className + " is not a @ConfigMapping interface;"
                        + " this check reads only @ConfigMapping roots (Quarkus 3.x)");
            }
            for (Map.Entry<String, Object> e : properties(c).entrySet()) {
                known.add(new Known(e.getKey(), className.substring(className.lastIndexOf('.') + 1) + " in " + jar, phase));
            }
        }

        void addAppClass(String className, List<Known> known, List<Required> required) throws Exception {
            Class<?> c;
            try {
                c = Class.forName(className, false, cl);
            } catch (ClassNotFoundException | LinkageError e) {
                return;
            }
            String simple = className.substring(className.lastIndexOf('.') + 1);
            if (c.isInterface() && c.getAnnotation(configMapping) != null) {
                for (Map.Entry<String, Object> e : properties(c).entrySet()) {
                    known.add(new Known(e.getKey(), "@ConfigMapping " + simple, "RUN_TIME"));
                    if (isRequired(e.getKey(), e.getValue())) {
                        required.add(new Required(e.getKey(), "@ConfigMapping " + simple + " (no default, not Optional)"));
                    }
                }
            }
            try {
                for (Field f : c.getDeclaredFields()) {
                    injection(f.getAnnotation(configProperty), f.getType(), className + "." + f.getName(), simple, known, required);
                }
                List<Executable> execs = new ArrayList<>();
                Collections.addAll(execs, c.getDeclaredConstructors());
                Collections.addAll(execs, c.getDeclaredMethods());
                for (Executable ex : execs) {
                    for (Parameter p : ex.getParameters()) {
                        injection(p.getAnnotation(configProperty), p.getType(), null, simple, known, required);
                    }
                }
            } catch (LinkageError e) {
                // a class whose members need a class not on the runtime classpath cannot be injected either
            }
        }

        private void injection(Annotation a, Class<?> type, String fieldDefault, String simple, List<Known> known,
                List<Required> required) throws Exception {
            if (a == null) {
                return;
            }
            String name = (String) a.annotationType().getMethod("name").invoke(a);
            String def = (String) a.annotationType().getMethod("defaultValue").invoke(a);
            if (name.isEmpty()) {
                if (fieldDefault == null) {
                    return;
                }
                name = fieldDefault;
            }
            known.add(new Known(name, "@ConfigProperty in " + simple, "RUN_TIME"));
            if (UNCONFIGURED.equals(def) && !OPTIONAL_TYPES.contains(type.getName())) {
                required.add(new Required(name, "@ConfigProperty in " + simple + " (no defaultValue, not Optional)"));
            }
        }

        @SuppressWarnings("unchecked")
        private Map<String, Object> properties(Class<?> c) throws Exception {
            try {
                Object cc = configClass.invoke(null, c);
                return new java.util.TreeMap<>((Map<String, Object>) getProperties.invoke(null, cc));
            } catch (java.lang.reflect.InvocationTargetException e) {
                throw new IllegalStateException("SmallRye Config cannot read the mapping " + c.getName() + ": " + e.getCause(), e.getCause());
            }
        }

        private boolean isRequired(String name, Object p) throws Exception {
            if (name.contains("*")) {
                return false;
            }
            if (flag(p, "isOptional") || flag(p, "hasDefaultValue") || flag(p, "isMap") || flag(p, "isGroup")) {
                return false;
            }
            // Optional<List<…>> is modelled as a collection: the method's return type says it is optional
            Method m = (Method) property.getMethod("getMethod").invoke(p);
            if (m != null && OPTIONAL_TYPES.contains(m.getReturnType().getName())) {
                return false;
            }
            if (flag(p, "isCollection")) {
                Object element = property.getMethod("asCollection").invoke(p);
                Object el = Class.forName("io.smallrye.config.ConfigMappingInterface$CollectionProperty", false, cl)
                        .getMethod("getElement").invoke(element);
                return !(boolean) property.getMethod("isGroup").invoke(el);
            }
            return true;
        }

        private boolean flag(Object p, String method) throws Exception {
            return (boolean) property.getMethod(method).invoke(p);
        }
    }
}
