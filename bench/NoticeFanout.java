import cn.keyaccount.support.RecordingSmsc;
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

    private static final Pattern ID = Pattern.compile("\\{\"id\":(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString("admin:Admin@2026".getBytes());

    private final String java;
    private final Path dataDir;
    private final int httpPort;
    private final int smscPort;
    private RecordingSmsc smsc;
    private Process app;

    NoticeFanout(String java, Path dataDir, int httpPort, int smscPort) {
        this.java = java;
        this.dataDir = dataDir;
        this.httpPort = httpPort;
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
            if (b.app != null) {
                b.app.destroy();
                b.app.waitFor();
            }
            System.exit(0);
        }
    }

    void run(int customers) throws Exception {
        startApp("bench-1");
        List<Long> audience = customerIds(customers);
        System.out.printf("audience: %d customers (their SMS contacts)%n", audience.size());

        // warm-up: a small notice, so that the first figures do not include the SMPP bind and JIT warm-up
        long warm = schedule(audience.subList(0, 50), "预热");
        awaitSettled(warm, Duration.ofMinutes(2));

        long heapBefore = heapUsedKb();
        long before = smsc.submitCount();
        long t0 = System.nanoTime();
        long notice = schedule(audience, "性能测试");
        long triggered = System.nanoTime();
        long total = summaryField(notice, "total");
        while (smsc.submitCount() - before < total) {
            Thread.sleep(20);
        }
        long allSubmitted = System.nanoTime();
        Map<String, Long> settled = awaitSettled(notice, Duration.ofMinutes(5));
        long allReceipts = System.nanoTime();
        long heapAfter = heapUsedKb();
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
        long notice2 = schedule(audience, "崩溃测试");
        long total2 = summaryField(notice2, "total");
        while (smsc.submitCount() - before2 < total2 / 2) {
            Thread.sleep(2);
        }
        app.destroyForcibly();
        app.waitFor();
        long atKill = smsc.submitCount() - before2;
        stopOrphanedDatabase();
        System.out.printf("run 2: %d messages; application killed (SIGKILL) after %d submits%n", total2, atKill);
        startApp("bench-2");
        Map<String, Long> s2 = awaitSettled(notice2, Duration.ofMinutes(5));
        Map<String, Long> perMessage = smsc.submits().stream().filter(s -> s.text().contains("崩溃测试"))
                .collect(Collectors.groupingBy(s -> s.destination() + "|" + s.text(), Collectors.counting()));
        long once = perMessage.values().stream().filter(n -> n == 1).count();
        long twice = perMessage.values().stream().filter(n -> n > 1).count();
        System.out.printf("run 2 after restart: submitted once %d, more than once %d, never %d; delivered %d, "
                        + "uncertain %d (of which none resent), failed %d, settled by recovery as uncertain→receipt: see"
                        + " app log%n", once, twice, total2 - once - twice, s2.get("delivered"), s2.get("uncertain"),
                s2.get("failed"));
    }

    // ---- the application ----

    void startApp(String node) throws Exception {
        Path log = Path.of("target/bench-notice-" + node + ".log");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx1g", "-Dquarkus.log.level=INFO", "-Dquarkus.http.port=" + httpPort,
                "-Dquarkus.http.host=127.0.0.1", "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("KEYACCOUNT_DATA_DIR", dataDir.toString());
        env.put("KEYACCOUNT_DEMO", "true");
        env.put("KEYACCOUNT_DEMO_CUSTOMERS", System.getenv().getOrDefault("BENCH_DEMO_CUSTOMERS", "5000"));
        env.put("KEYACCOUNT_SMPP_ENABLED", "true");
        env.put("KEYACCOUNT_SMPP_HOST", "127.0.0.1");
        env.put("KEYACCOUNT_SMPP_PORT", Integer.toString(smscPort));
        env.put("KEYACCOUNT_SMPP_MAX_PER_SECOND", "5000");
        env.put("KEYACCOUNT_NOTICE_SMPP_WINDOW", System.getenv().getOrDefault("BENCH_WINDOW", "32"));
        env.put("KEYACCOUNT_NOTICE_DISPATCH_EVERY", "1s");
        env.put("KEYACCOUNT_NODE", node);
        // a dead node's claims are recovered after 20 s instead of 2 min, to keep the run short
        env.put("KEYACCOUNT_NOTICE_CLAIM_TIMEOUT", "PT20S");
        app = pb.start();
        long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!Files.exists(log) || !Files.readString(log).contains("Listening on")) {
            if (!app.isAlive() || System.nanoTime() > end) {
                throw new IllegalStateException("the application did not start: " + log);
            }
            Thread.sleep(500);
        }
        System.out.printf("application %s started (pid %d)%n", node, app.pid());
    }

    /**
     * The embedded PostgreSQL the killed application started outlives it; it is stopped cleanly (what it committed
     * stays, as on a database server that survives the application) so that the restarted application can start
     * it again on the same data.
     */
    private void stopOrphanedDatabase() throws Exception {
        // the absolute folder: the relative one would also match another checkout's benchmark database
        Process p = new ProcessBuilder("pgrep", "-f", dataDir.toAbsolutePath().toString()).start();
        String pids = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        p.waitFor();
        List<ProcessHandle> orphans = new ArrayList<>();
        for (String pid : pids.split("\\s+")) {
            if (!pid.isBlank() && Long.parseLong(pid) != ProcessHandle.current().pid()) {
                ProcessHandle.of(Long.parseLong(pid)).ifPresent(orphans::add);
            }
        }
        orphans.forEach(ProcessHandle::destroy);
        orphans.forEach(h -> h.onExit().join());
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
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            String json = call("GET", "/api/notices/" + notice, null);
            Map<String, Long> f = new java.util.HashMap<>();
            for (String k : List.of("total", "scheduled", "sending", "sent", "delivered", "failed", "expired",
                    "uncertain")) {
                Matcher m = Pattern.compile("\"" + k + "\":(\\d+)").matcher(json);
                f.put(k, m.find() ? Long.parseLong(m.group(1)) : -1);
            }
            if (f.get("scheduled") == 0 && f.get("sending") == 0 && f.get("sent") == 0) {
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
