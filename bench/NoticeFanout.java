import cn.keyaccount.support.BenchApp;
import cn.keyaccount.support.RecordingSmsc;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Benchmark (not a test) of the notice engine's SMS fan-out. It runs the tests' SMS centre on loopback
 * ({@code RecordingSmsc} from the compiled test classes: records every submit_sm, answers, sends a delivery receipt,
 * keeps receipts no link took for the next bound link, as a real centre does) and drives the packaged application,
 * which it starts itself:
 *
 * <ol>
 * <li>one notice to ~10,000 recipients: trigger-to-all-submitted time, messages/s, receipts matched, heap before and
 * after (after a full GC, through jcmd);</li>
 * <li>a second notice of the same size; the application is killed (SIGKILL) half-way through the fan-out and started
 * again: each message submitted once, twice, or left UNCERTAIN.</li>
 * </ol>
 *
 * Usage (see bench/notice-fanout): java -cp "target/quarkus-app/lib/main/*:target/test-classes"
 * bench/NoticeFanout.java JAVA DATA_DIR HTTP_PORT SMSC_PORT CUSTOMERS
 */
public class NoticeFanout {

    private final BenchApp app;
    private final int smscPort;
    private RecordingSmsc smsc;

    NoticeFanout(String java, Path dataDir, int httpPort, int smscPort) {
        this.app = new BenchApp(java, dataDir, httpPort);
        this.smscPort = smscPort;
    }

    public static void main(String[] args) throws Exception {
        NoticeFanout b = new NoticeFanout(args[0], Path.of(args[1]), Integer.parseInt(args[2]),
                Integer.parseInt(args[3]));
        int customers = Integer.parseInt(args[4]);
        b.smsc = RecordingSmsc.start(b.smscPort);
        try {
            b.run(customers);
        } catch (Exception e) {
            e.printStackTrace(System.out);
        } finally {
            b.app.stop();
            System.exit(0);
        }
    }

    private void start(String node) throws Exception {
        app.start(node, Path.of("target/bench-notice-" + node + ".log"), List.of(), Map.of(
                "KEYACCOUNT_SMPP_ENABLED", "true",
                "KEYACCOUNT_SMPP_HOST", "127.0.0.1",
                "KEYACCOUNT_SMPP_PORT", Integer.toString(smscPort),
                "KEYACCOUNT_SMPP_MAX_PER_SECOND", "5000",
                "KEYACCOUNT_NOTICE_SMPP_WINDOW", System.getenv().getOrDefault("BENCH_WINDOW", "32"),
                "KEYACCOUNT_NODE", node,
                // a dead node's claims are recovered after 20 s instead of 2 min, to keep the run short
                "KEYACCOUNT_NOTICE_CLAIM_TIMEOUT", "PT20S"));
    }

    void run(int customers) throws Exception {
        start("bench-1");
        List<Long> audience = app.customerIds(customers);
        System.out.printf("audience: %d customers (their SMS contacts)%n", audience.size());

        // warm-up: a small notice, so that the first figures do not include the SMPP bind and JIT warm-up
        long warm = app.scheduleSms(audience.subList(0, 50), "预热");
        app.awaitSettled(warm, Duration.ofMinutes(2), false);

        long heapBefore = app.heapUsedKb();
        long before = smsc.submitCount();
        long t0 = System.nanoTime();
        long notice = app.scheduleSms(audience, "性能测试");
        long triggered = System.nanoTime();
        long total = app.summaryField(notice, "total");
        while (smsc.submitCount() - before < total) {
            Thread.sleep(20);
        }
        long allSubmitted = System.nanoTime();
        Map<String, Long> settled = app.awaitSettled(notice, Duration.ofMinutes(5), false);
        long allReceipts = System.nanoTime();
        long heapAfter = app.heapUsedKb();
        double secs = (allSubmitted - t0) / 1e9;
        System.out.printf("run 1: %d messages; scheduling (fan-out) %.2f s; trigger to all submitted %.2f s = %.0f msg/s;"
                        + " all receipts matched after %.2f s; delivered %d, failed %d, uncertain %d%n",
                total, (triggered - t0) / 1e9, secs, total / secs, (allReceipts - t0) / 1e9,
                settled.get("delivered"), settled.get("failed"), settled.get("uncertain"));
        System.out.printf("heap used after full GC: before %d MiB, after %d MiB%n", heapBefore / 1024, heapAfter / 1024);
        System.out.printf("submits so far %d, distinct (destination, text) %d%n", smsc.submitCount(),
                smsc.submits().stream().map(s -> s.destination() + "|" + s.text()).distinct().count());

        // run 2: kill -9 half-way through the fan-out, start again, let recovery settle
        long before2 = smsc.submitCount();
        long notice2 = app.scheduleSms(audience, "崩溃测试");
        long total2 = app.summaryField(notice2, "total");
        while (smsc.submitCount() - before2 < total2 / 2) {
            Thread.sleep(2);
        }
        app.kill();
        long atKill = smsc.submitCount() - before2;
        System.out.printf("run 2: %d messages; application killed (SIGKILL) after %d submits%n", total2, atKill);
        start("bench-2");
        Map<String, Long> s2 = app.awaitSettled(notice2, Duration.ofMinutes(5), false);
        Map<String, Long> perMessage = smsc.submits().stream().filter(s -> s.text().contains("崩溃测试"))
                .collect(Collectors.groupingBy(s -> s.destination() + "|" + s.text(), Collectors.counting()));
        long once = perMessage.values().stream().filter(n -> n == 1).count();
        long twice = perMessage.values().stream().filter(n -> n > 1).count();
        System.out.printf("run 2 after restart: submitted once %d, more than once %d, never %d; delivered %d, "
                        + "uncertain %d (of which none resent), failed %d, settled by recovery as uncertain→receipt: see"
                        + " app log%n", once, twice, total2 - once - twice, s2.get("delivered"), s2.get("uncertain"),
                s2.get("failed"));
    }
}
