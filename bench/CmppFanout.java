import cn.keyaccount.notice.gateway.CmppPeer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern ID = Pattern.compile("\\{\"id\":(\\d+)");
    private static final String SP = "901234";
    private static final String SECRET = "bench-secret";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString("admin:Admin@2026".getBytes());

    private final String java;
    private final Path dataDir;
    private final int httpPort;
    private final int cmppPort;
    private final int backupPort;
    private CmppPeer cmcc;
    private CmppPeer backup;
    private Process app;

    CmppFanout(String java, Path dataDir, int httpPort, int cmppPort, int backupPort) {
        this.java = java;
        this.dataDir = dataDir;
        this.httpPort = httpPort;
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
            if (b.app != null) {
                b.app.destroy();
                b.app.waitFor();
            }
            System.exit(0);
        }
    }

    void run(int customers) throws Exception {
        startApp();
        List<Long> audience = customerIds(customers);
        System.out.printf("audience: %d customers (their SMS contacts)%n", audience.size());

        // warm-up: a small notice, so that the figures do not include the login and JIT warm-up
        awaitSettled(schedule(audience.subList(0, 50), "预热"), Duration.ofMinutes(2));

        long heapBefore = heapUsedKb();
        long before = cmcc.messageCount();
        long t0 = System.nanoTime();
        long notice = schedule(audience, "性能测试");
        long triggered = System.nanoTime();
        long total = summaryField(notice, "total");
        long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (cmcc.messageCount() - before < total && System.nanoTime() < end) {
            Thread.sleep(20);
        }
        long allSubmitted = System.nanoTime();
        Map<String, Long> settled = awaitSettled(notice, Duration.ofMinutes(5));
        long allReports = System.nanoTime();
        long heapAfter = heapUsedKb();
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
        long notice2 = schedule(audience, "切换测试");
        long total2 = summaryField(notice2, "total");
        while (cmcc.messageCount() - start2 < total2 / 2) {
            Thread.sleep(2);
        }
        cmcc.close();
        long atStop = cmcc.messageCount() - start2;
        System.out.printf("run 2: %d messages; gateway cmcc gone after %d%n", total2, atStop);
        // messages accepted by cmcc whose report went away with it stay SENT: settled once none waits or is sending
        Map<String, Long> s2 = awaitSettled(notice2, Duration.ofMinutes(5), true);
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

    // ---- the application ----

    void startApp() throws Exception {
        Path log = Path.of("target/bench-cmpp.log");
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-Dquarkus.log.level=INFO",
                "-Dquarkus.http.port=" + httpPort, "-Dquarkus.http.host=127.0.0.1", "-Dkeyaccount.sms.order=cmcc,backup"));
        for (var account : Map.of("cmcc", cmppPort, "backup", backupPort).entrySet()) {
            String p = "-Dkeyaccount.sms.providers." + account.getKey() + ".";
            cmd.addAll(List.of(p + "host=127.0.0.1", p + "port=" + account.getValue(), p + "sp-id=" + SP,
                    p + "shared-secret=" + SECRET, p + "service-code=MKA0012", p + "source-number=1065712345",
                    p + "window=" + System.getenv().getOrDefault("BENCH_WINDOW", "32"),
                    p + "max-per-second=" + System.getenv().getOrDefault("BENCH_RATE", "2000")));
        }
        cmd.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("KEYACCOUNT_DATA_DIR", dataDir.toString());
        env.put("KEYACCOUNT_DEMO", "true");
        env.put("KEYACCOUNT_DEMO_CUSTOMERS", System.getenv().getOrDefault("BENCH_DEMO_CUSTOMERS", "5000"));
        env.put("KEYACCOUNT_SMPP_ENABLED", "false");
        env.put("KEYACCOUNT_NOTICE_DISPATCH_EVERY", "1s");
        app = pb.start();
        long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!Files.exists(log) || !Files.readString(log).contains("Listening on")) {
            if (!app.isAlive() || System.nanoTime() > end) {
                throw new IllegalStateException("the application did not start: " + log);
            }
            Thread.sleep(500);
        }
        System.out.printf("application started (pid %d)%n", app.pid());
    }

    long heapUsedKb() throws Exception {
        jcmd("GC.run");
        Matcher m = Pattern.compile("used (\\d+)K").matcher(jcmd("GC.heap_info"));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    private String jcmd(String command) throws Exception {
        String jcmd = Path.of(java).resolveSibling("jcmd").toString();
        Process p = new ProcessBuilder(jcmd, Long.toString(app.pid()), command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        p.waitFor();
        return out;
    }

    // ---- REST ----

    private String call(String method, String path, String body) throws IOException, InterruptedException {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + httpPort + path))
                .header("Authorization", auth).header("Accept", "application/json").timeout(Duration.ofMinutes(2));
        r = body == null ? r.GET() : r.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        HttpResponse<String> res = http.send(r.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (res.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " → " + res.statusCode() + " " + res.body());
        }
        return res.body();
    }

    List<Long> customerIds(int count) throws Exception {
        List<Long> out = new ArrayList<>();
        for (int page = 0; out.size() < count; page++) {
            Matcher m = ID.matcher(call("GET", "/api/customers?page=" + page + "&size=500", null));
            int before = out.size();
            while (m.find() && out.size() < count) {
                out.add(Long.parseLong(m.group(1)));
            }
            if (out.size() == before) {
                break;
            }
        }
        return out;
    }

    long schedule(List<Long> customers, String title) throws Exception {
        String body = "{\"purpose\":\"GENERAL\",\"template\":\"general\",\"title\":\"" + title + "\","
                + "\"customerIds\":" + customers + ",\"channels\":[\"SMS\"],\"urgent\":true,"
                + "\"parameters\":{\"title\":\"" + title + "\",\"text\":\"供电服务测试\"}}";
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(call("POST", "/api/notices", body));
        if (!m.find()) {
            throw new IllegalStateException("no notice id");
        }
        return Long.parseLong(m.group(1));
    }

    long summaryField(long notice, String field) throws Exception {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(call("GET", "/api/notices/" + notice, null));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /** Waits until no message of the notice is scheduled, sending or sent without receipt. */
    Map<String, Long> awaitSettled(long notice, Duration timeout) throws Exception {
        return awaitSettled(notice, timeout, false);
    }

    Map<String, Long> awaitSettled(long notice, Duration timeout, boolean sentIsSettled) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            String json = call("GET", "/api/notices/" + notice, null);
            Map<String, Long> f = new java.util.HashMap<>();
            for (String k : List.of("total", "scheduled", "sending", "sent", "delivered", "failed", "expired",
                    "uncertain")) {
                Matcher m = Pattern.compile("\"" + k + "\":(\\d+)").matcher(json);
                f.put(k, m.find() ? Long.parseLong(m.group(1)) : -1);
            }
            if (f.get("scheduled") == 0 && f.get("sending") == 0 && (sentIsSettled || f.get("sent") == 0)) {
                return f;
            }
            if (System.nanoTime() > end) {
                System.out.println("not settled in time: " + f);
                return f;
            }
            Thread.sleep(200);
        }
    }
}
