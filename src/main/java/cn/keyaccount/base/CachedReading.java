package cn.keyaccount.base;

import org.jboss.logging.Logger;

/**
 * A value read from the database for metrics, kept for a few seconds: a scrape reads every gauge of a group from one
 * query, and two scrapers (or a dashboard refreshing often) add no load. When the read fails (the database is away)
 * the last value stays and the next attempt waits as long as a good read would; the first failure of a run is logged
 * as a warning, the return to working once.
 */
public final class CachedReading<T> {

    /** How long a value is kept. */
    public static final long MAX_AGE_NANOS = 5_000_000_000L;

    private static final Logger LOG = Logger.getLogger(CachedReading.class);

    /** The query behind the value. */
    @FunctionalInterface
    public interface Source<T> {
        T read() throws Exception;
    }

    private final Source<T> source;
    private T value;
    private long readAt;
    private boolean read;
    private boolean failing;

    public CachedReading(Source<T> source, T initial) {
        this.source = source;
        this.value = initial;
    }

    /** The value, read again when it is older than {@link #MAX_AGE_NANOS}. */
    public synchronized T get() {
        long now = System.nanoTime();
        if (!read || now - readAt >= MAX_AGE_NANOS) {
            read = true;
            readAt = now;
            try {
                value = source.read();
                if (failing) {
                    failing = false;
                    LOG.info("Metrics reading works again");
                }
            } catch (Exception e) {
                // once per run of failures at WARN (a broken query must not hide behind a flat gauge), then debug
                if (!failing) {
                    failing = true;
                    LOG.warnf(e, "Metrics reading failed; the last value stays until a reading works again");
                } else {
                    LOG.debugf(e, "Metrics reading failed again; the last value stays");
                }
            }
        }
        return value;
    }
}
