package cn.keyaccount.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Arrays;
import org.wildfly.security.password.Password;
import org.wildfly.security.password.PasswordFactory;
import org.wildfly.security.password.WildFlyElytronPasswordProvider;
import org.wildfly.security.password.interfaces.BCryptPassword;
import org.wildfly.security.password.util.ModularCrypt;

/** bcrypt through WildFly Elytron, as Quarkus ships it. */
public final class Passwords {

    private static final WildFlyElytronPasswordProvider PROVIDER = new WildFlyElytronPasswordProvider();

    private Passwords() {
    }

    /** How long one check takes on this machine (the median of a few), measured once. */
    static Duration checkTime() {
        return CheckTime.MEDIAN;
    }

    private static final class CheckTime {
        static final Duration MEDIAN = measure();

        private static Duration measure() {
            String hash = hash("measuring-the-check-time");
            long[] nanos = new long[3];
            for (int i = 0; i < nanos.length; i++) {
                long start = System.nanoTime();
                matches("not-the-password", hash);
                nanos[i] = System.nanoTime() - start;
            }
            Arrays.sort(nanos);
            return Duration.ofNanos(nanos[1]);
        }
    }

    public static String hash(String plain) {
        return BcryptUtil.bcryptHash(plain, 10);
    }

    public static boolean matches(String plain, String hash) {
        try {
            Password stored = ModularCrypt.decode(hash);
            PasswordFactory factory = PasswordFactory.getInstance(BCryptPassword.ALGORITHM_BCRYPT, PROVIDER);
            return factory.verify(factory.translate(stored), plain.toCharArray());
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
