package cn.keyaccount.deploy;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Generates deploy/keyaccount.env, the environment file of a node (systemd's EnvironmentFile), from what the code
 * reads: every property of the {@code @ConfigMapping} interfaces under cn.keyaccount (nested groups included), every
 * {@code keyaccount.*} property injected with {@code @ConfigProperty}, every property application.properties fills
 * from a KEYACCOUNT_* variable, and the KEYACCOUNT_* variables the entry point reads itself. A property that
 * application.properties fills from a short variable (keyaccount.notice.smpp.host ← KEYACCOUNT_SMPP_HOST) is listed
 * under that variable, any other under its canonical name (keyaccount.notice.smpp.window →
 * KEYACCOUNT_NOTICE_SMPP_WINDOW). The comment lines above a property in application.properties become its
 * description. {@link EnvironmentFileTest} fails when the committed file differs.
 */
final class EnvironmentFile {

    static final Path FILE = Path.of("deploy/keyaccount.env");
    private static final Path PROPERTIES = Path.of("src/main/resources/application.properties");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(KEYACCOUNT_[A-Z0-9_]+)(?::([^$}]*))?");
    private static final Pattern LITERAL = Pattern.compile("\"(KEYACCOUNT_[A-Z0-9_]+)\"");

    /** Values set (not commented out) in the shipped file: what a cluster node must have. */
    private static final Map<String, String> CLUSTER_VALUES = Map.of(
            "KEYACCOUNT_DB_URL", "jdbc:postgresql://db.example.cn:5432/keyaccount",
            "KEYACCOUNT_DB_USER", "keyaccount",
            "KEYACCOUNT_DB_PASSWORD", "",
            "KEYACCOUNT_SESSION_KEY_FILE", "/etc/keyaccount/session.key");

    /** What the entry point (base/KeyAccountApplication, base/SessionKey) reads itself, outside the Quarkus config. */
    private static final Map<String, String> ENTRY_POINT = Map.of(
            "KEYACCOUNT_DB_URL", "the external PostgreSQL (jdbc:postgresql://host:port/database); unset: the embedded"
                    + " server (one node only)",
            "KEYACCOUNT_DATA_DIR", "the embedded server's data folder (one node only; default data/postgres)",
            "KEYACCOUNT_SESSION_KEY", "the sign-in cookie's key, the same on every node (at least 32 bytes, e.g."
                    + " `openssl rand -base64 32`); or KEYACCOUNT_SESSION_KEY_FILE",
            "KEYACCOUNT_SESSION_KEY_FILE", "a file holding that key, readable by the service user only, the same"
                    + " file content on every node (docs/security.md)");

    /** Quarkus's own settings an operator of a node behind HAProxy sets. */
    private static final List<String[]> QUARKUS = List.of(
            new String[] {"QUARKUS_HTTP_HOST", "10.0.0.11", "the address the node listens on (HAProxy's side)"},
            new String[] {"QUARKUS_HTTP_PORT", "8080", "the node's port"},
            new String[] {"QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING", "true", "behind HAProxy: trust its"
                    + " X-Forwarded-* headers ..."},
            new String[] {"QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED", "true", "... (client address for the sign-in"
                    + " throttle, https for Secure cookies) ..."},
            new String[] {"QUARKUS_HTTP_PROXY_TRUSTED_PROXIES", "10.0.0.5", "... only from HAProxy's address"});

    /** One setting: the property (null for a variable read outside the config), its variable, default, description. */
    record Setting(String property, String variable, String defaultValue, List<String> description) {
    }

    private EnvironmentFile() {
    }

    public static void main(String[] args) throws IOException {
        Files.writeString(FILE, generate(), StandardCharsets.UTF_8);
        System.out.println("wrote " + FILE.toAbsolutePath());
    }

    /** The variables of every setting, in file order. */
    static List<String> variables() {
        return settings().stream().map(Setting::variable).toList();
    }

    static String generate() {
        StringBuilder out = new StringBuilder();
        out.append("""
                # Environment of one application node (systemd: EnvironmentFile=/etc/keyaccount/keyaccount.env, mode 640,
                # owner root, group keyaccount). GENERATED from the code's settings by
                # src/test/java/cn/keyaccount/deploy/EnvironmentFile.java; EnvironmentFileTest fails when this file is out of
                # date. Regenerate: ./mvnw -B -o test -Dtest=EnvironmentFileTest -Dkeyaccount.env.write=true
                #
                # Lines without "#" are what a cluster node needs; the others show the default and may be uncommented.
                # Every node of one deployment gets the same file, except KEYACCOUNT_NODE and QUARKUS_HTTP_HOST.
                # See docs/installation.md and deploy/README.md.
                """);
        String section = null;
        for (Setting s : settings()) {
            String now = sectionOf(s);
            if (!now.equals(section)) {
                section = now;
                out.append("\n# ---- ").append(section).append(" ----\n");
            }
            for (String line : s.description()) {
                out.append("# ").append(line).append('\n');
            }
            if (s.property() != null && s.property().contains("." + EXAMPLE_KEY + ".")) {
                out.append("# (").append(s.property()).append("; one such block per provider, \"")
                        .append(EXAMPLE_KEY).append("\" being an example name: docs/sms-gateways.md)\n");
            } else if (s.property() != null) {
                out.append("# (").append(s.property()).append(")\n");
            }
            if (CLUSTER_VALUES.containsKey(s.variable())) {
                out.append(s.variable()).append('=').append(CLUSTER_VALUES.get(s.variable())).append('\n');
            } else {
                out.append('#').append(s.variable()).append('=').append(s.defaultValue()).append('\n');
            }
        }
        out.append("\n# ---- Quarkus, for a node behind HAProxy ----\n");
        for (String[] q : QUARKUS) {
            out.append("# ").append(q[2]).append('\n').append(q[0]).append('=').append(q[1]).append('\n');
        }
        return out.toString();
    }

    private static String sectionOf(Setting s) {
        if (s.property() == null) {
            return "entry point";
        }
        String[] parts = s.property().split("\\.");
        return parts.length > 2 && parts[0].equals("keyaccount") ? parts[0] + "." + parts[1]
                : parts[0].equals("keyaccount") ? "keyaccount" : parts[0] + "." + parts[1];
    }

    static List<Setting> settings() {
        Map<String, String> defaults = new TreeMap<>();
        mappingProperties(defaults);
        injectedProperties(defaults);
        List<PropertyLine> lines = propertyLines();
        Map<String, List<String>> comments = new TreeMap<>();
        Map<String, Setting> byVariable = new LinkedHashMap<>();
        for (PropertyLine line : lines) {
            Matcher m = VARIABLE.matcher(line.value());
            if (m.find()) {
                // the first variable is the one to set; a nested one (an older name) is still read, deprecated
                String def = m.group(2) == null ? "" : m.group(2);
                Matcher nested = VARIABLE.matcher(line.value().substring(m.end()));
                if (line.value().startsWith("${" + m.group(1) + ":${") && nested.find()) {
                    def = nested.group(2) == null ? "" : nested.group(2);
                }
                byVariable.putIfAbsent(m.group(1), new Setting(line.key(), m.group(1), def, line.comments()));
                defaults.remove(line.key());
            } else if (defaults.containsKey(line.key())) {
                defaults.put(line.key(), line.value());
                comments.put(line.key(), line.comments());
            }
        }
        ENTRY_POINT.keySet().stream().sorted().forEach(v -> byVariable.computeIfAbsent(v,
                k -> new Setting(null, k, "", List.of(ENTRY_POINT.get(k)))));
        for (String literal : literalsInSources()) {
            byVariable.computeIfAbsent(literal, k -> new Setting(null, k, "", List.of("read by the application")));
        }
        defaults.forEach((property, def) -> byVariable.putIfAbsent(variableOf(property),
                new Setting(property, variableOf(property), def, comments.getOrDefault(property, List.of()))));
        // grouped by section in the order application.properties introduces them, each in that file's order (its
        // comments describe the lines below them), the settings only the code knows last in their section
        Map<String, List<Setting>> sections = new LinkedHashMap<>();
        sections.put("entry point", new ArrayList<>());
        for (Setting s : byVariable.values()) {
            sections.computeIfAbsent(sectionOf(s), k -> new ArrayList<>()).add(s);
        }
        return sections.values().stream().flatMap(List::stream).toList();
    }

    static String variableOf(String property) {
        return property.toUpperCase().replaceAll("[^A-Z0-9]", "_");
    }

    // ---- the config mappings ----

    private static JavaClasses mainClasses;

    private static synchronized JavaClasses mainClasses() {
        if (mainClasses == null) {
            mainClasses = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("cn.keyaccount");
        }
        return mainClasses;
    }

    private static void mappingProperties(Map<String, String> out) {
        for (JavaClass c : mainClasses()) {
            if (c.isAnnotatedWith(ConfigMapping.class)) {
                Class<?> type = c.reflect();
                walk(type, type.getAnnotation(ConfigMapping.class).prefix(), out);
            }
        }
    }

    private static void walk(Class<?> type, String prefix, Map<String, String> out) {
        for (Method m : type.getMethods()) {
            if (m.isDefault() || Modifier.isStatic(m.getModifiers()) || m.getParameterCount() > 0) {
                continue;
            }
            String name = prefix + "." + (m.isAnnotationPresent(WithName.class) ? m.getAnnotation(WithName.class).value()
                    : kebab(m.getName()));
            Class<?> r = m.getReturnType();
            Class<?> mapValue = mapOfGroups(m);
            if (mapValue != null) {
                // a map of groups (the SMS providers by name): its settings under an example name, for the operator
                // to copy once per entry (KEYACCOUNT_SMS_PROVIDERS_CMCC_HOST, …)
                walk(mapValue, name + "." + EXAMPLE_KEY, out);
            } else if (r.isInterface() && r.getName().startsWith("cn.keyaccount.")) {
                walk(r, name, out);
            } else if (m.isAnnotationPresent(WithDefault.class)) {
                out.put(name, m.getAnnotation(WithDefault.class).value());
            } else {
                // Optional, OptionalInt: unset by default
                out.put(name, "");
            }
        }
    }

    /** The example entry name of a map of groups in the file. */
    static final String EXAMPLE_KEY = "cmcc";

    /** The value type of a {@code Map<String, Group>} property whose group is one of ours, else null. */
    private static Class<?> mapOfGroups(Method m) {
        if (m.getReturnType() != Map.class
                || !(m.getGenericReturnType() instanceof java.lang.reflect.ParameterizedType t)) {
            return null;
        }
        java.lang.reflect.Type value = t.getActualTypeArguments()[1];
        return value instanceof Class<?> c && c.isInterface() && c.getName().startsWith("cn.keyaccount.") ? c : null;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase();
    }

    private static void injectedProperties(Map<String, String> out) {
        for (JavaClass c : mainClasses()) {
            Class<?> type = c.reflect();
            Stream.of(type.getDeclaredConstructors()).flatMap(k -> Stream.of(k.getParameters()))
                    .map(Parameter::getAnnotations).flatMap(Stream::of)
                    .filter(ConfigProperty.class::isInstance).map(ConfigProperty.class::cast)
                    .filter(p -> p.name().startsWith("keyaccount."))
                    .forEach(p -> out.putIfAbsent(p.name(),
                            ConfigProperty.UNCONFIGURED_VALUE.equals(p.defaultValue()) ? "" : p.defaultValue()));
            Stream.of(type.getDeclaredFields()).filter(f -> f.isAnnotationPresent(ConfigProperty.class))
                    .map(f -> f.getAnnotation(ConfigProperty.class)).filter(p -> p.name().startsWith("keyaccount."))
                    .forEach(p -> out.putIfAbsent(p.name(),
                            ConfigProperty.UNCONFIGURED_VALUE.equals(p.defaultValue()) ? "" : p.defaultValue()));
        }
    }

    // ---- application.properties and the sources ----

    record PropertyLine(String key, String value, List<String> comments) {
    }

    /** The default profile's properties (no %dev./%test.), with the comment lines just above each. */
    static List<PropertyLine> propertyLines() {
        List<PropertyLine> out = new ArrayList<>();
        List<String> comments = new ArrayList<>();
        List<String> lines = read(PROPERTIES).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.startsWith("#")) {
                String text = line.replaceFirst("^#+ ?", "");
                if (!text.startsWith("----")) {
                    comments.add(text);
                }
                continue;
            }
            if (line.isEmpty()) {
                comments = new ArrayList<>();
                continue;
            }
            StringBuilder full = new StringBuilder(line);
            while (full.toString().endsWith("\\") && i + 1 < lines.size()) {
                full.setLength(full.length() - 1);
                full.append(lines.get(++i).strip());
            }
            int eq = full.indexOf("=");
            String key = full.substring(0, eq).strip();
            if (!key.startsWith("%")) {
                out.add(new PropertyLine(key, full.substring(eq + 1).strip(), List.copyOf(comments)));
            }
            comments = new ArrayList<>();
        }
        return out;
    }

    private static TreeSet<String> literalsInSources() {
        TreeSet<String> out = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> {
                Matcher m = LITERAL.matcher(read(f));
                while (m.find()) {
                    out.add(m.group(1));
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
