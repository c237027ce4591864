package cn.keyaccount.notice;

import cn.keyaccount.base.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The message templates schedulers edit in {@code scheduler/templates/notices_zh.properties} and
 * {@code notices_en.properties}: per template a name, an e-mail subject and body and an SMS text, with
 * {@code {placeholder}}s filled from the recipient and the notice's parameters.
 */
@ApplicationScoped
public class NoticeTemplates {

    public static final List<String> LANGUAGES = List.of("zh", "en");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)}");

    /** A template filled in for one recipient. */
    public record Rendered(String subject, String sms, String email) {
        public int smsSegments() {
            return SmsText.segments(sms);
        }
    }

    private final Map<String, Properties> byLanguage;

    NoticeTemplates() {
        this.byLanguage = Map.of("zh", load("zh"), "en", load("en"));
    }

    private static Properties load(String language) {
        String path = "scheduler/templates/notices_" + language + ".properties";
        try (InputStream in = NoticeTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("Notice templates missing on the classpath: " + path);
            }
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The keys of all templates, e.g. {@code bill-issued}. */
    public List<String> keys() {
        TreeSet<String> keys = new TreeSet<>();
        byLanguage.get("zh").stringPropertyNames().stream().filter(k -> k.endsWith(".sms"))
                .forEach(k -> keys.add(k.substring(0, k.length() - 4)));
        return List.copyOf(keys);
    }

    public boolean exists(String key) {
        return key != null && byLanguage.get("zh").containsKey(key + ".sms");
    }

    public String name(String key, String language) {
        return properties(language).getProperty(key + ".name", key);
    }

    /** The placeholders a template uses beyond the recipient's own. */
    public List<String> parameters(String key) {
        TreeSet<String> names = new TreeSet<>();
        for (String part : List.of(".subject", ".sms", ".email")) {
            Matcher m = PLACEHOLDER.matcher(byLanguage.get("zh").getProperty(key + part, ""));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        names.removeAll(List.of("customerName", "accountNo", "contactName"));
        return List.copyOf(names);
    }

    public Rendered render(String key, String language, Map<String, String> values) {
        if (!exists(key)) {
            throw BusinessException.invalid("error.notice-template-unknown", String.valueOf(key));
        }
        Properties p = properties(language);
        return new Rendered(fill(p.getProperty(key + ".subject", ""), values),
                fill(p.getProperty(key + ".sms", ""), values), fill(p.getProperty(key + ".email", ""), values));
    }

    private Properties properties(String language) {
        Properties p = byLanguage.get(language);
        if (p == null) {
            throw BusinessException.invalid("error.notice-language", String.valueOf(language));
        }
        return p;
    }

    /** Replaces the placeholders with their values; one without a value stays visible, so a preview shows it. */
    static String fill(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String v = values.get(m.group(1));
            m.appendReplacement(out, Matcher.quoteReplacement(v == null ? m.group() : v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
