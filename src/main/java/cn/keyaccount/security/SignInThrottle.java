package cn.keyaccount.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Locale;

/**
 * Limits failed sign-ins per client address and per user name with token buckets (bucket4j), checked before any
 * password hashing or audit write. An attempt takes a token and a successful one gives it back, so only failures
 * count and a burst of parallel guesses cannot overrun the limit. The buckets live in memory on each node.
 */
@ApplicationScoped
class SignInThrottle {

    private final Cache<String, Bucket> addresses;
    private final Cache<String, Bucket> names;
    private final int perAddress;
    private final int perName;
    private final Duration window;

    SignInThrottle(SecurityConfig config) {
        SecurityConfig.Throttle throttle = config.throttle();
        this.perAddress = throttle.failuresPerAddress();
        this.perName = throttle.failuresPerName();
        this.window = throttle.window();
        this.addresses = Caffeine.newBuilder().maximumSize(throttle.tracked()).expireAfterAccess(window).build();
        this.names = Caffeine.newBuilder().maximumSize(throttle.tracked()).expireAfterAccess(window).build();
    }

    /**
     * The key a user name is throttled under: the name itself, but for an administrator the name together with the
     * client address, so that failures elsewhere never keep the administrator out.
     */
    static String nameKey(String username, boolean administrator, String address) {
        String name = username == null ? "" : username.toLowerCase(Locale.ROOT);
        return administrator ? name + "@" + address : name;
    }

    /** Whether the address has used up its failures (a look without taking a token; no address: never). */
    boolean addressExhausted(String address) {
        return address != null && bucket(addresses, address, perAddress).getAvailableTokens() < 1;
    }

    boolean tryAddress(String address) {
        return address == null || bucket(addresses, address, perAddress).tryConsume(1);
    }

    boolean tryName(String nameKey) {
        return bucket(names, nameKey, perName).tryConsume(1);
    }

    /** A successful sign-in gives back the tokens its attempt took. */
    void succeeded(String address, String nameKey) {
        if (address != null) {
            bucket(addresses, address, perAddress).addTokens(1);
        }
        bucket(names, nameKey, perName).addTokens(1);
    }

    private Bucket bucket(Cache<String, Bucket> buckets, String key, int failures) {
        return buckets.get(key, k -> Bucket.builder()
                .addLimit(limit -> limit.capacity(failures).refillGreedy(failures, window))
                .build());
    }
}
