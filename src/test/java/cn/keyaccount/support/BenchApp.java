package cn.keyaccount.support;

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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged application as the notice benchmarks drive it (bench/NoticeFanout, bench/CmppFanout): started as its
 * own JVM ({@code -Xmx1g}) on a demo company in a fresh embedded database, asked over REST as the demo administrator,
 * its heap read with jcmd after a full collection. Not a test: it lives with the test classes so that the benchmarks,
 * run from source against {@code target/test-classes}, share it.
 */
public final class BenchApp {

    private static final Pattern ID = Pattern.compile("\\{\"id\":(\\d+)");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String auth = "Basic " + Base64.getEncoder().encodeToString("admin:Admin@2026".getBytes());
    private final String java;
    private final Path dataDir;
    private final int httpPort;
    private Process app;

    public BenchApp(String java, Path dataDir, int httpPort) {
        this.java = java;
        this.dataDir = dataDir;
        this.httpPort = httpPort;
    }

    /**
     * Starts the application with these JVM options and environment (beside the demo company of
     * {@code BENCH_DEMO_CUSTOMERS}, default 5,000, and a dispatch every second) and waits until it listens.
     */
    public void start(String name, Path log, List<String> jvmOptions, Map<String, String> environment)
            throws Exception {
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-Dquarkus.log.level=INFO",
                "-Dquarkus.http.port=" + httpPort, "-Dquarkus.http.host=127.0.0.1"));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-jar", "target/quarkus-app/quarkus-run.jar"));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = pb.environment();
        env.put("KEYACCOUNT_DATA_DIR", dataDir.toString());
        env.put("KEYACCOUNT_DEMO", "true");
        env.put("KEYACCOUNT_DEMO_CUSTOMERS", System.getenv().getOrDefault("BENCH_DEMO_CUSTOMERS", "5000"));
        env.put("KEYACCOUNT_NOTICE_DISPATCH_EVERY", "1s");
        env.putAll(environment);
        app = pb.start();
        long end = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (!Files.exists(log) || !Files.readString(log).contains("Listening on")) {
            if (!app.isAlive() || System.nanoTime() > end) {
                throw new IllegalStateException("the application did not start: " + log);
            }
            Thread.sleep(500);
        }
        System.out.printf("application %s started (pid %d)%n", name, app.pid());
    }

    /** Kills the application (SIGKILL) and stops the embedded database it leaves behind, keeping what it committed. */
    public void kill() throws Exception {
        app.destroyForcibly();
        app.waitFor();
        stopOrphanedDatabase();
    }

    /** Stops the application as an operator would (SIGTERM), if it runs. */
    public void stop() throws InterruptedException {
        if (app != null) {
            app.destroy();
            app.waitFor();
        }
    }

    /**
     * The embedded PostgreSQL a killed application started outlives it; it is stopped cleanly (what it committed
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

    /** Heap in use after a full collection, in KiB (-1 when jcmd cannot tell). */
    public long heapUsedKb() throws Exception {
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

    // ---- REST, as the demo administrator ----

    public String call(String method, String path, String body) throws IOException, InterruptedException {
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

    /** The first {@code count} customers of the list (fewer if the company has fewer). */
    public List<Long> customerIds(int count) throws Exception {
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

    /** An urgent SMS notice to these customers' SMS contacts; its id. */
    public long scheduleSms(List<Long> customers, String title) throws Exception {
        String body = "{\"purpose\":\"GENERAL\",\"template\":\"general\",\"title\":\"" + title + "\","
                + "\"customerIds\":" + customers + ",\"channels\":[\"SMS\"],\"urgent\":true,"
                + "\"parameters\":{\"title\":\"" + title + "\",\"text\":\"供电服务测试\"}}";
        Matcher m = Pattern.compile("\"id\":(\\d+)").matcher(call("POST", "/api/notices", body));
        if (!m.find()) {
            throw new IllegalStateException("no notice id");
        }
        return Long.parseLong(m.group(1));
    }

    public long summaryField(long notice, String field) throws Exception {
        Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(call("GET", "/api/notices/" + notice, null));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * The notice's counts once none of its messages is scheduled or sending (nor sent without a receipt, unless
     * {@code sentIsSettled}: a gateway that went away takes its reports with it), or when the time is up.
     */
    public Map<String, Long> awaitSettled(long notice, Duration timeout, boolean sentIsSettled) throws Exception {
        long end = System.nanoTime() + timeout.toNanos();
        while (true) {
            String json = call("GET", "/api/notices/" + notice, null);
            Map<String, Long> f = new HashMap<>();
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
