package cn.keyaccount.support;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tests' clock: replaces {@code base/TimeSettings}' system clock with one a test can set, in the same zone
 * ({@code keyaccount.zone}). It runs with the real time until a test sets it. All {@code @QuarkusTest} classes share one
 * application, so a test that sets the time puts it back in a {@code finally} block or an {@code @AfterEach}
 * ({@link #reset()}).
 * <pre>
 * &#64;Inject TestClock time;
 * try { time.set(ZonedDateTime.of(2026, 3, 10, 23, 0, 0, 0, time.zone())); … } finally { time.reset(); }
 * </pre>
 */
@ApplicationScoped
public class TestClock {

    private final ZoneId zone;
    private volatile Duration offset = Duration.ZERO;

    TestClock(@ConfigProperty(name = "keyaccount.zone") ZoneId zone) {
        this.zone = zone;
    }

    @Produces
    @Alternative
    @Priority(1)
    @ApplicationScoped
    Clock clock() {
        return new Moved();
    }

    public ZoneId zone() {
        return zone;
    }

    /** From now on the application's clock reads {@code at} (and goes on ticking from there). */
    public void set(ZonedDateTime at) {
        set(at.toInstant());
    }

    public void set(Instant at) {
        offset = Duration.between(Instant.now(), at);
    }

    /** Back to the real time. */
    public void reset() {
        offset = Duration.ZERO;
    }

    /** The real clock moved by the offset a test set; a class, not a lambda, because CDI proxies the bean. */
    private final class Moved extends Clock {
        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId other) {
            return Clock.offset(Clock.system(other), offset);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(offset);
        }
    }
}
