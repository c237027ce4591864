package cn.keyaccount.demo;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The demo generator's phases and their wall times, with the CPU time of the generating thread, logged as they end
 * ("Demo data: phase …", which {@code bench/run} prints; for a small company at debug level) and once more in one line
 * at the end, with the time each table's COPY took on the writer's thread.
 */
final class Phases {

    private static final Logger LOG = Logger.getLogger(Phases.class);

    private final Map<String, Long> millis = new LinkedHashMap<>();
    private final long start = System.nanoTime();
    private final boolean verbose;
    private long last = start;
    private long lastCpu = cpu();

    /** {@code verbose}: each phase at info level (the benchmark's sizes), else at debug level. */
    Phases(boolean verbose) {
        this.verbose = verbose;
    }

    private static long cpu() {
        return java.lang.management.ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    /** The phase since the previous one has ended. */
    void done(String phase) {
        long now = System.nanoTime();
        long cpu = cpu();
        long ms = (now - last) / 1_000_000;
        millis.merge(phase, ms, Long::sum);
        LOG.logf(verbose ? Logger.Level.INFO : Logger.Level.DEBUG, "Demo data: phase %s %d ms (CPU of the generating "
                + "thread %d ms)", phase, ms, (cpu - lastCpu) / 1_000_000);
        last = now;
        lastCpu = cpu;
    }

    /** The writer's COPY time per table (overlapping the making of the rows). */
    void copies(CopyWriter writer) {
        StringBuilder line = new StringBuilder();
        writer.totals().forEach((table, t) -> line.append(String.format("%s %,d rows %,d MB %d ms; ", table, t[0],
                t[1] >> 20, t[2] / 1_000_000)));
        LOG.logf(verbose ? Logger.Level.INFO : Logger.Level.DEBUG, "Demo data: COPY on the writer's thread: %sthe "
                + "generator waited %d ms for it; CPU of the sending thread %d ms", line, writer.waitedNanos() / 1_000_000,
                writer.cpuNanos() / 1_000_000);
    }

    void log() {
        StringBuilder line = new StringBuilder();
        millis.forEach((phase, ms) -> line.append(phase).append(' ').append(ms).append(" ms; "));
        LOG.infof("Demo data: phases %stotal %d ms", line, (System.nanoTime() - start) / 1_000_000);
    }
}
