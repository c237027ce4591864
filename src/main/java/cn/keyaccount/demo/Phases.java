package cn.keyaccount.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The demo generator's phases and their wall times, logged as they end ("Demo data: phase …", which {@code bench/run}
 * prints) and once more in one line at the end, with the time each table's COPY took on the writer's thread.
 */
final class Phases {

    private static final Logger LOG = Logger.getLogger(Phases.class);

    private final Map<String, Long> millis = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private long last = start;

    /** The phase since the previous one has ended. */
    void done(String phase) {
        long now = System.nanoTime();
        long ms = (now - last) / 1_000_000;
        millis.merge(phase, ms, Long::sum);
        LOG.infof("Demo data: phase %s %d ms", phase, ms);
        last = now;
    }

    /** The writer's COPY time per table (overlapping the making of the rows). */
    void copies(CopyWriter writer) {
        StringBuilder line = new StringBuilder();
        writer.totals().forEach((table, t) -> line.append(String.format("%s %,d rows %,d MB %d ms; ", table, t[0],
                t[1] >> 20, t[2] / 1_000_000)));
        LOG.infof("Demo data: COPY on the writer's thread: %sthe generator waited %d ms for it", line,
                writer.waitedNanos() / 1_000_000);
    }

    void log() {
        StringBuilder line = new StringBuilder();
        millis.forEach((phase, ms) -> line.append(phase).append(' ').append(ms).append(" ms; "));
        LOG.infof("Demo data: phases %stotal %d ms", line, (System.nanoTime() - start) / 1_000_000);
    }
}
