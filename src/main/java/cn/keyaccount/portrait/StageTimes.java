package cn.keyaccount.portrait;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Where measuring customers spends its time on this node, summed over the worker threads: wall time per customer,
 * and the measuring thread's CPU in each stage — reading the year (the query, the transfer and decoding the arrays
 * into the series), summing it ({@link CustomerYear}), the typical shapes (medians), and figures with tags. What the
 * benchmark prints (bench/portrait) and the log line of a chunk shows.
 */
final class StageTimes {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final LongAdder customers = new LongAdder();
    private final LongAdder wall = new LongAdder();
    private final LongAdder read = new LongAdder();
    private final LongAdder sums = new LongAdder();
    private final LongAdder shapes = new LongAdder();
    private final LongAdder figures = new LongAdder();

    /** The current thread's CPU time, ns (0 where the JVM does not measure it). */
    static long cpu() {
        return THREADS.isCurrentThreadCpuTimeSupported() ? THREADS.getCurrentThreadCpuTime() : 0;
    }

    void add(long wallNanos, long readCpu, long sumsCpu, long shapesCpu, long figuresCpu) {
        customers.increment();
        wall.add(wallNanos);
        read.add(readCpu);
        sums.add(sumsCpu);
        shapes.add(shapesCpu);
        figures.add(figuresCpu);
    }

    void reset() {
        customers.reset();
        wall.reset();
        read.reset();
        sums.reset();
        shapes.reset();
        figures.reset();
    }

    long customers() {
        return customers.sum();
    }

    /** Per customer in ms: wall, then CPU of read, sums, shapes, figures and tags, and their total. */
    double[] perCustomerMillis() {
        double n = Math.max(1, customers.sum());
        double r = read.sum() / 1e6 / n;
        double s = sums.sum() / 1e6 / n;
        double sh = shapes.sum() / 1e6 / n;
        double f = figures.sum() / 1e6 / n;
        return new double[] {wall.sum() / 1e6 / n, r, s, sh, f, r + s + sh + f};
    }

    @Override
    public String toString() {
        double[] ms = perCustomerMillis();
        return String.format(java.util.Locale.ROOT, "%d customers; per customer: wall %.2f ms, CPU %.2f ms (read "
                + "%.2f, sums %.2f, shapes %.2f, figures and tags %.2f)", customers(), ms[0], ms[5], ms[1], ms[2],
                ms[3], ms[4]);
    }
}
