package cn.keyaccount.security;

import cn.keyaccount.audit.AuditService;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sign-ins with a user name that does not exist are sampled into the audit log, not written one by one: at most one
 * entry a minute per node, counting the failures since the previous entry. Guessing names then cannot flood the
 * audit log (the throttle bounds the attempts themselves).
 */
final class UnknownNames {

    static final Duration EVERY = Duration.ofMinutes(1);

    private final AuditService audit;
    private final AtomicLong unrecorded = new AtomicLong();
    private final AtomicReference<Instant> lastEntry = new AtomicReference<>(Instant.EPOCH);

    private final Clock clock;

    UnknownNames(Clock clock, AuditService audit) {
        this.clock = clock;
        this.audit = audit;
    }

    void record(String username, String clientAddress) {
        long pending = unrecorded.incrementAndGet();
        Instant now = clock.instant();
        Instant last = lastEntry.get();
        if (now.isBefore(last.plus(EVERY)) || !lastEntry.compareAndSet(last, now)) {
            return;
        }
        unrecorded.addAndGet(-pending);
        String detail = "unknown user name" + (clientAddress == null ? "" : " from " + clientAddress)
                + (pending > 1 ? "; " + pending + " sign-ins with unknown names since the previous such entry" : "");
        audit.record(truncated(username), "LOGIN_FAILED", "USER", null, null, null, detail, null, null);
    }

    private static String truncated(String username) {
        String name = username == null ? "" : username;
        return name.length() <= 64 ? name : name.substring(0, 64);
    }
}
