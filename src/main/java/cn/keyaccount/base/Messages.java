package cn.keyaccount.base;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * User-facing text from the translation bundles in vaadin-i18n/, Simplified Chinese first, English second.
 * One bundle per feature; the Vaadin UI and the REST error bodies both read through here.
 */
public final class Messages {

    public static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;
    public static final Locale ENGLISH = Locale.ENGLISH;
    public static final List<Locale> LOCALES = List.of(CHINESE, ENGLISH);
    /** The bundles, one per feature: vaadin-i18n/{name}_zh_CN.properties and _en.properties. */
    public static final List<String> BUNDLES =
            List.of("base", "security", "org", "customer", "assignment", "audit", "portal", "supplyplan", "visit",
                    "energy", "notice", "billing", "report", "outage", "workbench", "application", "servicerequest",
                    "portrait", "smsgateway", "repair", "requestcare", "portraitlists", "opportunity");

    private Messages() {
    }

    /**
     * A message argument that is a list of message keys (e.g. the names of open tasks): each translated into the
     * language of the message it goes into and joined as that language lists things (、 in Chinese, a comma in
     * English), so that a service can name things without knowing the reader's language.
     */
    public record KeyList(java.util.List<String> keys) {
        public KeyList {
            keys = java.util.List.copyOf(keys);
        }

        /** The keys translated and joined in the language given. */
        public String in(Locale locale) {
            return keys.stream().map(k -> get(locale, k)).collect(java.util.stream.Collectors.joining(
                    ENGLISH.equals(locale) ? ", " : "、"));
        }
    }

    public static String get(Locale locale, String key, Object... args) {
        Locale effective = "en".equals(locale == null ? null : locale.getLanguage()) ? ENGLISH : CHINESE;
        for (String bundle : BUNDLES) {
            ResourceBundle rb = bundle(bundle, effective);
            if (rb.containsKey(key)) {
                String pattern = rb.getString(key);
                if (args == null || args.length == 0) {
                    return pattern;
                }
                Object[] values = java.util.Arrays.stream(args)
                        .map(a -> a instanceof KeyList list ? list.in(effective) : a).toArray();
                return new MessageFormat(pattern, effective).format(values);
            }
        }
        return "!" + key;
    }

    public static ResourceBundle bundle(String name, Locale locale) {
        try {
            return ResourceBundle.getBundle("vaadin-i18n/" + name, locale, Messages.class.getClassLoader(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        } catch (MissingResourceException e) {
            throw new IllegalStateException("Translation bundle missing: vaadin-i18n/" + name + " " + locale, e);
        }
    }
}
