package cn.keyaccount.notice;

import cn.keyaccount.base.BusinessException;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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

    /**
     * A template filled in for one recipient. {@code sms} is what goes out, cut to {@link SmsText#MAX_LENGTH}
     * ({@link SmsText#capped}); {@code smsLengthAsFilled} is the length before the cut, for previews and checks.
     */
    public record Rendered(String subject, String sms, String email, int smsLengthAsFilled) {
        public int smsSegments() {
            return SmsText.segments(sms);
        }

        /** True when the filled SMS was longer than an SMS may be and was cut. */
        public boolean smsCut() {
            return smsLengthAsFilled > sms.length();
        }
    }

    private final Map<String, Properties> byLanguage;
    /** Per language, each template part ({@code key.subject}, {@code key.sms}, {@code key.email}) cut once. */
    private final Map<String, Map<String, Compiled>> compiled = new HashMap<>();

    NoticeTemplates() {
        this.byLanguage = Map.of("zh", load("zh"), "en", load("en"));
        byLanguage.forEach((language, p) -> {
            Map<String, Compiled> parts = new HashMap<>();
            for (String key : keys()) {
                for (String part : List.of(".subject", ".sms", ".email")) {
                    parts.put(key + part, Compiled.of(p.getProperty(key + part, "")));
                }
            }
            compiled.put(language, parts);
        });
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
        return renderer(key, language).render(values);
    }

    /**
     * A renderer of one template for the many recipients of a notice: each part (subject, SMS, e-mail) is filled
     * once per distinct set of the values it uses, so that an SMS that names the customer but not the contact is
     * filled once per customer, not once per contact.
     */
    public Renderer renderer(String key, String language) {
        if (!exists(key)) {
            throw BusinessException.invalid("error.notice-template-unknown", String.valueOf(key));
        }
        Map<String, Compiled> parts = compiled.get(language);
        if (parts == null) {
            throw BusinessException.invalid("error.notice-language", String.valueOf(language));
        }
        return new Renderer(parts.get(key + ".subject"), parts.get(key + ".sms"), parts.get(key + ".email"));
    }

    /** Fills one template for many recipients; see {@link #renderer}. Not thread-safe: one per fan-out. */
    public static final class Renderer {

        /** Texts kept per part; a fan-out to more distinct texts than this fills the rest without keeping them. */
        private static final int KEPT = 50_000;

        private final Compiled subject;
        private final Compiled sms;
        private final Compiled email;
        private final Map<List<String>, String> subjects = new HashMap<>();
        private final Map<List<String>, String> texts = new HashMap<>();
        private final Map<List<String>, String> emails = new HashMap<>();

        private Renderer(Compiled subject, Compiled sms, Compiled email) {
            this.subject = subject;
            this.sms = sms;
            this.email = email;
        }

        public Rendered render(Map<String, String> values) {
            String text = fill(sms, texts, values);
            return new Rendered(fill(subject, subjects, values), SmsText.capped(text), fill(email, emails, values),
                    text.length());
        }

        private static String fill(Compiled part, Map<List<String>, String> kept, Map<String, String> values) {
            List<String> used = part.valuesUsed(values);
            String text = kept.get(used);
            if (text == null) {
                text = part.fill(values);
                if (kept.size() < KEPT) {
                    kept.put(used, text);
                }
            }
            return text;
        }
    }

    /** A template part cut once into literal text and placeholders, so that filling it is a few appends. */
    private record Compiled(String[] literals, String[] names, int literalLength) {

        static Compiled of(String template) {
            List<String> literals = new ArrayList<>();
            List<String> names = new ArrayList<>();
            Matcher m = PLACEHOLDER.matcher(template);
            int from = 0;
            while (m.find()) {
                literals.add(template.substring(from, m.start()));
                names.add(m.group(1));
                from = m.end();
            }
            literals.add(template.substring(from));
            return new Compiled(literals.toArray(String[]::new), names.toArray(String[]::new),
                    literals.stream().mapToInt(String::length).sum());
        }

        /** The values this part uses, in order (null where none is given): equal lists give equal texts. */
        List<String> valuesUsed(Map<String, String> values) {
            String[] used = new String[names.length];
            for (int i = 0; i < names.length; i++) {
                used[i] = values.get(names[i]);
            }
            return Arrays.asList(used);
        }

        /** Replaces the placeholders with their values; one without a value stays visible, so a preview shows it. */
        String fill(Map<String, String> values) {
            StringBuilder out = new StringBuilder(literalLength + 16 * names.length);
            for (int i = 0; i < names.length; i++) {
                out.append(literals[i]);
                String v = values.get(names[i]);
                if (v == null) {
                    out.append('{').append(names[i]).append('}');
                } else {
                    out.append(v);
                }
            }
            return out.append(literals[names.length]).toString();
        }
    }

    private Properties properties(String language) {
        Properties p = byLanguage.get(language);
        if (p == null) {
            throw BusinessException.invalid("error.notice-language", String.valueOf(language));
        }
        return p;
    }

}
