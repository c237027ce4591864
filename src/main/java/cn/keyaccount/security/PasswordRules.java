package cn.keyaccount.security;

import cn.keyaccount.base.Validation;
import java.util.List;
import java.util.Locale;
import me.gosimple.nbvcxz.Nbvcxz;
import me.gosimple.nbvcxz.matching.DictionaryMatcher;
import me.gosimple.nbvcxz.matching.match.DictionaryMatch;
import me.gosimple.nbvcxz.resources.ConfigurationBuilder;

/**
 * The rules every password a person sets must meet (a new user, an administrator's reset, a self-service change, the
 * first administrator's from the environment): at least {@link #MIN_LENGTH} characters, not the user name and not
 * containing it (ignoring case), and not one of the common passwords of nbvcxz's bundled list (about 30,000 from
 * leaked password sets, also written in leetspeak or reversed, e.g. {@code P@ssw0rd123}). The demo company's
 * passwords are written by the demo generator and are not checked.
 */
public final class PasswordRules {

    public static final int MIN_LENGTH = 10;

    private static final Nbvcxz COMMON = new Nbvcxz(new ConfigurationBuilder()
            .setDictionaries(ConfigurationBuilder.getDefaultDictionaries().stream()
                    .filter(d -> "passwords".equals(d.getDictionaryName())).toList())
            .setPasswordMatchers(List.of(new DictionaryMatcher()))
            .setDistanceCalc(false)
            .createConfiguration());

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
        return COMMON.estimate(password).getMatches().stream()
                .anyMatch(m -> m instanceof DictionaryMatch d && d.getLength() == password.length());
    }
}
