package cn.keyaccount.notice;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** A provider's throughput limit: hands out evenly spaced slots, {@code perSecond} of them a second. */
final class ThroughputLimiter {

    private final long intervalNanos;
    private long next = System.nanoTime();

    ThroughputLimiter(int perSecond) {
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / Math.max(1, perSecond);
    }

    /** Waits for the next slot. */
    void acquire() {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, next);
            next = slot + intervalNanos;
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
    }
}
