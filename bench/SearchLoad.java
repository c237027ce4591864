import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Load client for the customer search over REST, loopback only. Usage:
 *   java bench/SearchLoad.java [baseUrl] [clients] [requestsPerClient] [thinkMs] [metricsUrl]
 * With a metrics URL (the management interface's /q/metrics) each phase also prints the server's own times from the
 * application's latency histogram (http_server_requests_seconds_bucket of its route).
 * Prints latency percentiles; a bounded number of requests, then it stops.
 */
public class SearchLoad {

    static final String[] TERMS = {"化工", "钢铁", "电子", "清河", "江州", "医院", "L0", "L05", "3100", "31000", "食品", "纺织",
        "华", "鑫源", "开发区", "高新区", "制药", "数据", "建材", "公交", "王", "李", "C26", "城关", ""};

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:8080";
        if (!URI.create(base).getHost().matches("127\\.0\\.0\\.1|localhost")) {
            throw new IllegalArgumentException("load tests target this machine only");
        }
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 32;
        int perClient = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        int thinkMs = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        // the application's own latency histogram (management interface, Prometheus text): server time per phase
        metrics = args.length > 4 ? args[4] : null;
        String auth = "Basic " + Base64.getEncoder().encodeToString("supervisor:Super@2026".getBytes(StandardCharsets.UTF_8));
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        // grid first page as the list opens: default sort, no filter, page 0 of 50 (items + total)
        List<Long> firstPage = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long t0 = System.nanoTime();
            HttpResponse<String> r = http.send(get(base + "/api/customers?page=0&size=50", auth), HttpResponse.BodyHandlers.ofString());
            long t = System.nanoTime() - t0;
            if (r.statusCode() != 200) {
                throw new IllegalStateException("first page: HTTP " + r.statusCode() + " " + r.body());
            }
            if (i >= 10) {
                firstPage.add(t);
            }
        }
        report("grid first page (1 client, 50 rows + total, 50 runs)", firstPage, 0);

        // warm-up
        for (int i = 0; i < 200; i++) {
            http.send(get(url(base, new Random(i)), auth), HttpResponse.BodyHandlers.discarding());
        }
        // one request at a time: every term with each variant, the median of five
        java.util.TreeMap<Double, Double> singleBefore = serverHistogram("/api/customers");
        List<String> slowest = new ArrayList<>();
        List<Long> single = new ArrayList<>();
        for (String term : TERMS) {
            for (int variant = 0; variant < 3; variant++) {
                List<Long> runs = new ArrayList<>();
                for (int i = 0; i < 5; i++) {
                    long t0 = System.nanoTime();
                    http.send(get(url(base, term, variant), auth), HttpResponse.BodyHandlers.discarding());
                    runs.add(System.nanoTime() - t0);
                }
                Collections.sort(runs);
                single.add(runs.get(2));
                slowest.add(String.format("%8.1f ms  %s %s", runs.get(2) / 1e6, term.isEmpty() ? "(none)" : term,
                        VARIANTS[variant]));
            }
        }
        report("one request at a time, each term and variant (median of 5)", single, 0);
        reportServer("/api/customers", singleBefore);
        slowest.sort(Collections.reverseOrder());
        System.out.println("slowest: " + String.join(" | ", slowest.subList(0, 5)));

        load(http, base, auth, clients, perClient, 0, "search", random -> url(base, random));
        if (thinkMs > 0) {
            load(http, base, auth, clients, Math.max(20, perClient / 5), thinkMs, "search",
                    random -> url(base, random));
        }
        // the floor of the stack on this machine: the same clients on the smallest signed-in REST call there is (the
        // seven units, one tiny query), and on one customer's list row found by its exact 户号
        load(http, base, auth, clients, perClient, 0, "floor: GET /api/units", random -> base + "/api/units");
        load(http, base, auth, clients, perClient, 0, "floor: exact 户号 search",
                random -> base + "/api/customers?size=50&q=" + (3110000000L + 7L * (1 + random.nextInt(90_000))));
    }

    static final String[] VARIANTS = {"tier A", "by capacity desc", "by name"};

    static String metrics;

    /** The cumulative counts of http_server_requests_seconds_bucket by upper bound, for one route (all statuses). */
    static java.util.TreeMap<Double, Double> serverHistogram(String route) {
        java.util.TreeMap<Double, Double> counts = new java.util.TreeMap<>();
        if (metrics == null) {
            return counts;
        }
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(metrics))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            for (String line : r.body().split("\n")) {
                if (line.startsWith("http_server_requests_seconds_bucket{") && line.contains("uri=\"" + route + "\"")) {
                    String le = line.replaceAll(".*le=\"([^\"]+)\".*", "$1");
                    double bound = le.equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le);
                    double count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                    counts.merge(bound, count, Double::sum);
                }
            }
        } catch (Exception e) {
            System.out.println("server histogram not read: " + e);
        }
        return counts;
    }

    /** The server's own times of a phase: the share of its requests within each bound of the histogram. */
    static void reportServer(String route, java.util.TreeMap<Double, Double> before) {
        java.util.TreeMap<Double, Double> after = serverHistogram(route);
        if (after.isEmpty()) {
            return;
        }
        double total = after.lastEntry().getValue() - before.getOrDefault(after.lastKey(), 0.0);
        StringBuilder line = new StringBuilder(String.format("  server time (%s, %.0f requests):", route, total));
        String p99 = "above 30 s";
        for (var e : after.entrySet()) {
            if (e.getKey() > 1.0 && !e.getKey().isInfinite()) {
                continue;
            }
            double within = (e.getValue() - before.getOrDefault(e.getKey(), 0.0)) / Math.max(1, total);
            line.append(String.format(" ≤%s %.1f %%", e.getKey().isInfinite() ? "∞"
                    : String.format("%.0f ms", e.getKey() * 1000), 100 * within));
        }
        for (var e : after.entrySet()) {
            if ((e.getValue() - before.getOrDefault(e.getKey(), 0.0)) >= 0.99 * total) {
                p99 = e.getKey().isInfinite() ? "above 30 s" : String.format("≤ %.0f ms", e.getKey() * 1000);
                break;
            }
        }
        System.out.println(line + "; p99 " + p99);
    }

    /** Each client sends a search, waits for the answer, then (with think time) pauses 0.5–1.5 × thinkMs. */
    static void load(HttpClient http, String base, String auth, int clients, int perClient, int thinkMs, String what,
                     java.util.function.Function<Random, String> urls) throws Exception {
        String route = what.contains("/api/units") ? "/api/units" : "/api/customers";
        java.util.TreeMap<Double, Double> before = serverHistogram(route);
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        java.util.Map<String, Integer> kinds = new java.util.concurrent.ConcurrentSkipListMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int seed = c;
            futures.add(pool.submit(() -> {
                // seeds 0..31 straight into java.util.Random give first draws between 0.7298 and 0.7326 (its seed
                // scrambling is a XOR): every client's first pause was 1.23 s to within 3 ms, and the 32 "people"
                // searched at once, the one burst that made the slowest per cent of the people's-pace phase
                Random random = new Random(new java.util.SplittableRandom(seed).nextLong());
                for (int i = 0; i < perClient; i++) {
                    if (thinkMs > 0) {
                        Thread.sleep((long) (thinkMs * (0.5 + random.nextDouble())));
                    }
                    long t0 = System.nanoTime();
                    try {
                        HttpResponse<Void> r = http.send(get(urls.apply(random), auth), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() != 200) {
                            errors.incrementAndGet();
                            kinds.merge("HTTP " + r.statusCode(), 1, Integer::sum);
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        kinds.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    }
                    latencies.add(System.nanoTime() - t0);
                }
                return null;
            }));
        }
        for (Future<?> f : futures) {
            f.get();
        }
        long wall = System.nanoTime() - start;
        pool.shutdown();
        report(what + ", " + clients + " concurrent clients, " + (thinkMs > 0 ? "think time " + thinkMs
                + " ms on average" : "no think time (saturation)") + " (" + latencies.size() + " requests)",
                latencies, wall);
        System.out.printf("errors: %d %s%n", errors.get(), kinds.isEmpty() ? "" : kinds);
        reportServer(route, before);
    }

    static String url(String base, Random random) {
        String term = TERMS[random.nextInt(TERMS.length)];
        int variant = random.nextInt(4); // a quarter tier A, a quarter by capacity, half by name
        return url(base, term, Math.min(variant, 2));
    }

    static String url(String base, String term, int variant) {
        String extra = switch (variant) {
            case 0 -> "&tier=A";
            case 1 -> "&sort=-capacity";
            default -> "";
        };
        return base + "/api/customers?size=50&q=" + URLEncoder.encode(term, StandardCharsets.UTF_8) + extra;
    }

    static HttpRequest get(String url, String auth) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", auth).header("Accept", "application/json")
                .timeout(Duration.ofSeconds(30)).GET().build();
    }

    static void report(String what, List<Long> nanos, long wallNanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%s%n", what,
                pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1) / 1e6,
                wallNanos > 0 ? String.format(", %.0f req/s", sorted.size() / (wallNanos / 1e9)) : "");
    }

    static double pct(List<Long> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
    }
}
