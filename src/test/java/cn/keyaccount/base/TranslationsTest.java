package cn.keyaccount.base;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every text the code asks for is translated, in Simplified Chinese and in English, in exactly one bundle. */
class TranslationsTest {

    /**
     * getTranslation("key"), the message keys of business errors ("error.…"), @Menu(title = "key") and
     * @PageTitle("key") (page titles are keys, shown in the user's language only).
     */
    private static final List<Pattern> KEY_USES = List.of(
            Pattern.compile("getTranslation\\(\\s*\"([^\"]+)\""),
            Pattern.compile("\"(error\\.[A-Za-z0-9._-]+)\""),
            Pattern.compile("@Menu\\([^)]*title\\s*=\\s*\"([^\"]+)\""),
            Pattern.compile("@PageTitle\\(\\s*\"([^\"]+)\""));
    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");
    /** ASCII double quotes, and a half-width ? , : ; ! next to a Chinese character. */
    private static final Pattern HALF_WIDTH = Pattern.compile("\"|\\?|(?<=\\p{IsHan})[,:;!]|[,:;!](?=\\p{IsHan})");

    @Test
    void each_bundle_has_the_same_keys_in_chinese_and_english() {
        Map<String, String> differences = new TreeMap<>();
        for (String bundle : Messages.BUNDLES) {
            Set<String> chinese = keys(bundle, "zh_CN");
            Set<String> english = keys(bundle, "en");
            Set<String> missingInEnglish = new TreeSet<>(chinese);
            missingInEnglish.removeAll(english);
            Set<String> missingInChinese = new TreeSet<>(english);
            missingInChinese.removeAll(chinese);
            if (!missingInEnglish.isEmpty()) {
                differences.put(bundle + "_en", "missing " + missingInEnglish);
            }
            if (!missingInChinese.isEmpty()) {
                differences.put(bundle + "_zh_CN", "missing " + missingInChinese);
            }
        }
        assertTrue(differences.isEmpty(), "keys differ between the locales: " + differences);
    }

    @Test
    void no_key_is_defined_in_two_bundles() {
        Map<String, String> owner = new HashMap<>();
        Map<String, String> duplicates = new TreeMap<>();
        for (String bundle : Messages.BUNDLES) {
            for (String key : keys(bundle, "zh_CN")) {
                String first = owner.putIfAbsent(key, bundle);
                if (first != null) {
                    duplicates.put(key, first + " and " + bundle);
                }
            }
        }
        assertTrue(duplicates.isEmpty(), "keys defined in two bundles: " + duplicates);
    }

    @Test
    void every_key_the_code_uses_is_translated() throws IOException {
        Set<String> defined = new HashSet<>();
        for (String bundle : Messages.BUNDLES) {
            for (String locale : List.of("zh_CN", "en")) {
                defined.addAll(keys(bundle, locale));
            }
        }
        Map<String, Set<String>> missing = new TreeMap<>();
        Set<String> used = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                String code = Files.readString(source);
                for (Pattern use : KEY_USES) {
                    Matcher m = use.matcher(code);
                    while (m.find()) {
                        used.add(m.group(1));
                        // "role." + role.name(): a prefix completed at run time needs at least one key under it
                        boolean prefixKnown = m.group(1).endsWith(".")
                                && defined.stream().anyMatch(k -> k.startsWith(m.group(1)));
                        if (!defined.contains(m.group(1)) && !prefixKnown) {
                            missing.computeIfAbsent(m.group(1), k -> new TreeSet<>())
                                    .add(source.getFileName().toString());
                        }
                    }
                }
            }
        }
        assertTrue(used.size() > 20, "the scan should find the keys the code uses, found " + used);
        assertTrue(missing.isEmpty(), "keys used but not translated (key=[files]): " + missing);
    }

    @Test
    void every_page_title_is_a_translation_key_not_a_text_in_both_languages() throws IOException {
        Pattern title = Pattern.compile("@PageTitle\\(\\s*\"([^\"]*)\"");
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = title.matcher(Files.readString(source));
                while (m.find()) {
                    if (!m.group(1).matches("[a-z][a-z0-9-]*(\\.[a-z0-9-]+)+")) {
                        texts.put(source.getFileName().toString(), m.group(1));
                    }
                }
            }
        }
        assertTrue(texts.isEmpty(), "@PageTitle must name a translation key (MainLayout shows it translated): " + texts);
    }

    @Test
    void chinese_texts_use_full_width_quotes_and_punctuation() throws IOException {
        Map<String, String> wrong = new TreeMap<>();
        for (String bundle : Messages.BUNDLES) {
            Properties p = properties("vaadin-i18n/" + bundle + "_zh_CN.properties");
            p.stringPropertyNames().forEach(k -> check(bundle + ": " + k, p.getProperty(k), wrong));
        }
        Properties templates = new Properties();
        try (var in = Files.newBufferedReader(Path.of("scheduler/templates/notices_zh.properties"))) {
            templates.load(in);
        }
        templates.stringPropertyNames().forEach(k -> check("notices_zh: " + k, templates.getProperty(k), wrong));
        assertTrue(wrong.isEmpty(), "Chinese text with ASCII quotes or half-width ? , : ; ! (use “” ？，：；！): "
                + String.join("\n", wrong.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList()));
    }

    private static void check(String where, String value, Map<String, String> wrong) {
        if (HAN.matcher(value).find() && HALF_WIDTH.matcher(value).find()) {
            wrong.put(where, value);
        }
    }

    private static Properties properties(String resource) {
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("bundle file missing: " + resource);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> keys(String bundle, String locale) {
        String resource = "vaadin-i18n/" + bundle + "_" + locale + ".properties";
        try (InputStream in = TranslationsTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new AssertionError("bundle file missing: " + resource);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return new TreeSet<>(p.stringPropertyNames());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
