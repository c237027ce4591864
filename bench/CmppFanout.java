import cn.keyaccount.notice.gateway.CmppPeer;
import cn.keyaccount.support.BenchApp;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Benchmark (not a test) of SMS over CMPP. Two CMPP gateways on loopback — the server side of SMSGate with the tests'
 * answering rule ({@code CmppPeer} from the compiled test classes: answers each part, sends a DELIVRD status report,
 * counts what each handset got) — and the packaged application with two CMPP accounts on them ("cmcc" first, then
 * "backup"), started by this program:
 *
 * <ol>
 * <li>one notice to the audience's SMS contacts through "cmcc": trigger-to-all-submitted time, messages/s, all status
 * reports matched (every message DELIVERED), heap after a full GC before and after;</li>
 * <li>a second notice of the same size; the "cmcc" gateway goes away (stops listening, drops the link) half-way
 * through the fan-out: the rest go through "backup". Counted at the two gateways: each handset got its message once,
 * twice, or never; in the application: delivered, uncertain (in flight when the link dropped), failed.</li>
 * </ol>
 *
 * Usage (see bench/cmpp): java -cp "target/quarkus-app/lib/main/*:target/test-classes" bench/CmppFanout.java JAVA
 * DATA_DIR HTTP_PORT CMPP_PORT BACKUP_PORT CUSTOMERS
 */
public class CmppFanout {

    private static final String SP = "901234";
    private static final String SECRET = "bench-secret";

    private final BenchApp app;
    private final int cmppPort;
    private final int backupPort;
    private CmppPeer cmcc;
    private CmppPeer backup;

    CmppFanout(String java, Path dataDir, int httpPort, int cmppPort, int backupPort) {
        this.app = new BenchApp(java, dataDir, httpPort);
        this.cmppPort = cmppPort;
        this.backupPort = backupPort;
    }

    public static void main(String[] args) throws Exception {
        CmppFanout b = new CmppFanout(args[0], Path.of(args[1]), Integer.parseInt(args[2]), Integer.parseInt(args[3]),
                Integer.parseInt(args[4]));
        int customers = Integer.parseInt(args[5]);
        b.cmcc = CmppPeer.start(b.cmppPort, SP, SECRET, (short) 0x30);
        b.backup = CmppPeer.start(b.backupPort, SP, SECRET, (short) 0x30);
        b.cmcc.keepParts = false;
        b.backup.keepParts = false;
        try {
            b.run(customers);
        } catch (Exception e) {
            e.printStackTrace(System.out);
        } finally {
            b.app.stop();
            System.exit(0);
        }
    }

    /** The application with two CMPP accounts on the two loopback gateways, "cmcc" first; SMPP off. */
    private void start() throws Exception {
        List<String> options = new ArrayList<>(List.of("-Dkeyaccount.sms.order=cmcc,backup"));
        for (var account : Map.of("cmcc", cmppPort, "backup", backupPort).entrySet()) {
            String p = "-Dkeyaccount.sms.providers." + account.getKey() + ".";
            options.addAll(List.of(p + "host=127.0.0.1", p + "port=" + account.getValue(), p + "sp-id=" + SP,
                    p + "shared-secret=" + SECRET, p + "service-code=MKA0012", p + "source-number=1065712345",
                    p + "window=" + System.getenv().getOrDefault("BENCH_WINDOW", "32"),
                    p + "max-per-second=" + System.getenv().getOrDefault("BENCH_RATE", "2000")));
        }
        app.start("cmpp", Path.of("target/bench-cmpp.log"), options, Map.of("KEYACCOUNT_SMPP_ENABLED", "false"));
    }

    void run(int customers) throws Exception {
        start();
        List<Long> audience = app.customerIds(customers);
        System.out.printf("audience: %d customers (their SMS contacts)%n", audience.size());

        // warm-up: a small notice, so that the figures do not include the login and JIT warm-up
        app.awaitSettled(app.scheduleSms(audience.subList(0, 50), "预热"), Duration.ofMinutes(2), false);

        long heapBefore = app.heapUsedKb();
        long before = cmcc.messageCount();
        long t0 = System.nanoTime();
        long notice = app.scheduleSms(audience, "性能测试");
        long triggered = System.nanoTime();
        long total = app.summaryField(notice, "total");
        long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (cmcc.messageCount() - before < total && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        long allSubmitted = System.nanoTime();
        Map<String, Long> settled = app.awaitSettled(notice, Duration.ofMinutes(5), false);
        long allReports = System.nanoTime();
        long heapAfter = app.heapUsedKb();
        double secs = (allSubmitted - t0) / 1e9;
        System.out.printf("run 1: %d messages (%d parts at the gateway); scheduling (fan-out) %.2f s; trigger to all "
                        + "submitted %.2f s = %.0f msg/s; all reports matched after %.2f s; delivered %d, failed %d, "
                        + "uncertain %d%n", total, cmcc.parts.get(), (triggered - t0) / 1e9, secs, total / secs,
                (allReports - t0) / 1e9, settled.get("delivered"), settled.get("failed"), settled.get("uncertain"));
        System.out.printf("heap used after full GC: before %d MiB, after %d MiB%n", heapBefore / 1024, heapAfter / 1024);

        // run 2: the first gateway goes away half-way through the fan-out
        Map<String, Integer> beforeCmcc = snapshot(cmcc);
        Map<String, Integer> beforeBackup = snapshot(backup);
        long start2 = cmcc.messageCount();
        long notice2 = app.scheduleSms(audience, "切换测试");
        long total2 = app.summaryField(notice2, "total");
        while (cmcc.messageCount() - start2 < total2 / 2) {
            Thread.sleep(2);
        }
        cmcc.close();
        long atStop = cmcc.messageCount() - start2;
        System.out.printf("run 2: %d messages; gateway cmcc gone after %d%n", total2, atStop);
        // messages accepted by cmcc whose report went away with it stay SENT: settled once none waits or is sending
        Map<String, Long> s2 = app.awaitSettled(notice2, Duration.ofMinutes(5), true);
        Map<String, Integer> got = new java.util.HashMap<>();
        cmcc.messages().forEach((k, v) -> got.merge(k, v.get() - beforeCmcc.getOrDefault(k, 0), Integer::sum));
        backup.messages().forEach((k, v) -> got.merge(k, v.get() - beforeBackup.getOrDefault(k, 0), Integer::sum));
        long once = got.values().stream().filter(n -> n == 1).count();
        long twice = got.values().stream().filter(n -> n > 1).count();
        System.out.printf("run 2: at the gateways: cmcc %d, backup %d; handsets once %d, more than once %d, never %d; "
                        + "in the application: delivered %d, uncertain %d (in flight when the link dropped), failed %d, "
                        + "sent without report %d%n", atStop, backup.messageCount() - beforeBackup.values().stream()
                        .mapToLong(Integer::longValue).sum(), once, twice, total2 - once - twice, s2.get("delivered"),
                s2.get("uncertain"), s2.get("failed"), s2.get("sent"));
    }

    private static Map<String, Integer> snapshot(CmppPeer peer) {
        Map<String, Integer> m = new java.util.HashMap<>();
        peer.messages().forEach((k, v) -> m.put(k, v.get()));
        return m;
    }
}
