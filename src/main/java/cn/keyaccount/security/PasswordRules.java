package cn.keyaccount.security;

import cn.keyaccount.base.Validation;
import java.util.Locale;
import me.gosimple.nbvcxz.matching.DictionaryMatcher;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.resources.Configuration;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;

/**
 * The rules every password a person sets must meet (a new user, an administrator's reset, a self-service change, the
 * first administrator's from the environment): at least {@link #MIN_LENGTH} characters, not the user name and not
 * containing it (ignoring case), and not one of the common passwords of nbvcxz's bundled list (the 100,000 most common from
 * leaked password sets, in any capitalisation, e.g. {@code Password123}). The demo company's
 * passwords are written by the demo generator and are not checked.
 */
final class PasswordRules {

    public static final int MIN_LENGTH = 10;

    /** nbvcxz's list of common passwords alone, matched against the whole password (ignoring case). */
    private static final Configuration COMMON = new ConfigurationBuilder()
            .setDictionaries(ConfigurationBuilder.getDefaultDictionaries().stream()
                    .filter(d -> "passwords".equals(d.getDictionaryName())).toList())
            .setDistanceCalc(false)
            .createConfiguration();
    private static final DictionaryMatcher MATCHER = new DictionaryMatcher();

    private PasswordRules() {
    }

    /** Adds the first rule the password breaks, if any, as an error of {@code field}. */
    public static Validation check(Validation validation, String field, String password, String username) {
        String broken = brokenRule(password, username);
        return validation.require(broken == null, field, broken, MIN_LENGTH);
    }

    /** The message key of the first rule the password breaks, or null when it meets them all. */
    public static String brokenRule(String password, String username) {
        if (password == null || password.isEmpty()) {
            return "error.required";
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return "error.password-too-short";
        }
        if (username != null && !username.isBlank()
                && password.toLowerCase(Locale.ROOT).contains(username.trim().toLowerCase(Locale.ROOT))) {
            return "error.password-contains-username";
        }
        if (isCommon(password)) {
            return "error.password-common";
        }
        return null;
    }

    static boolean isCommon(String password) {
        return MATCHER.match(COMMON, password).stream()
                .anyMatch(m -> m instanceof DictionaryMatch && m.getLength() == password.length());
    }
}
