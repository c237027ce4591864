package cn.keyaccount.report;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.demo.DemoDataGenerator.Login;
import cn.keyaccount.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.value.registry.ValueRegistry;
import io.quarkus.vertx.http.HttpServer;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * The Prometheus metrics as a scraper reads them (docs/monitoring.md): on the management interface, with the series
 * named there, and moving when a report batch runs, a notice goes out, a job fires and a route is called. Here rather
 * than in base because the batch's entry points are the report package's own.
 */
@QuarkusTest
class MetricsScrapeTest {

    private static final Pattern SERIES = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    /** Where the management interface listens (a free port in tests), as the running application says. */
    URL metrics;
    @ConfigProperty(name = "quarkus.management.host")
    String managementHost;
    @Inject
    MonthlyReportBatch batch;
    @Inject
    ReportFixtures fixtures;
    @Inject
    Scheduler quartz;

    @BeforeEach
    void findTheManagementInterface(ValueRegistry values) throws Exception {
        int port = values.containsKey(HttpServer.MANAGEMENT_TEST_PORT) ? values.get(HttpServer.MANAGEMENT_TEST_PORT)
                : values.get(HttpServer.HTTP_SERVER).getManagementPort();
        metrics = java.net.URI.create("http://127.0.0.1:" + port + "/q/metrics").toURL();
    }

    /** One series: its name, labels and value. */
    private record Series(String name, Map<String, String> labels, double value) {
    }

    private List<Series> scrape() {
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        List<Series> series = new ArrayList<>();
        for (String line : text.split("\n")) {
            Matcher m = SERIES.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Map<String, String> labels = new HashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            series.add(new Series(m.group(1), labels, Double.parseDouble(m.group(4))));
        }
        return series;
    }

    /** The sum of the series of that name carrying those labels; NaN when there is none. */
    private static double value(List<Series> scrape, String name, String... labels) {
        List<Series> matching = scrape.stream().filter(s -> s.name().equals(name)).filter(s -> {
            for (int i = 0; i < labels.length; i += 2) {
                if (!labels[i + 1].equals(s.labels().get(labels[i]))) {
                    return false;
                }
            }
            return true;
        }).toList();
        return matching.isEmpty() ? Double.NaN : matching.stream().mapToDouble(Series::value).sum();
    }

    private static double orZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    private void awaitTrue(String what, java.util.function.BooleanSupplier condition) throws InterruptedException {
        long until = System.nanoTime() + 120_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertTrue(System.nanoTime() < until, "waited two minutes for " + what);
            Thread.sleep(250);
        }
    }

    @Test
    void a_batch_run_a_notice_sent_a_job_and_a_route_move_their_named_series() throws Exception {
        List<Series> before = scrape();
        long customerId = Api.visibleCustomerIds(Login.ADMIN).getFirst();
        Api.as(Login.ADMIN).get("/api/customers/{id}", customerId).then().statusCode(200);

        YearMonth month = YearMonth.of(2012, 3);
        long customer = fixtures.newCustomer();
        fixtures.importDays(customer, LocalDate.of(2012, 3, 5), LocalDate.of(2012, 3, 6));
        assertTrue(batch.create(month, 50));
        JobKey resume = quartz.getJobKeys(GroupMatcher.anyJobGroup()).stream()
                .filter(k -> k.getName().equals("energy-report-resume")).findFirst().orElseThrow();
        quartz.triggerJob(resume);
        awaitTrue("the batch, run by the cluster's resume job", () -> batch.progress(month.toString()).finished());
        // the report-ready notice goes out with the dispatcher's next run (every second in tests)
        double sentBefore = orZero(value(before, "keyaccount_notice_outcomes_total"));
        awaitTrue("the report-ready notice sent", () -> value(scrape(), "keyaccount_notice_outcomes_total")
                > sentBefore);
        List<Series> after = scrape();

        assertTrue(value(after, "keyaccount_report_batch_customers_total", "outcome", "made")
                >= orZero(value(before, "keyaccount_report_batch_customers_total", "outcome", "made")) + 1,
                "the report made counted");
        assertTrue(value(after, "keyaccount_import_files_total", "kind", "readings", "outcome", "imported")
                >= orZero(value(before, "keyaccount_import_files_total", "kind", "readings", "outcome", "imported"))
                + 1, "the interval-data import counted");
        assertTrue(value(after, "keyaccount_import_rows_total", "kind", "readings", "outcome", "imported")
                >= orZero(value(before, "keyaccount_import_rows_total", "kind", "readings", "outcome", "imported"))
                + 2 * 96, "with its rows (two days of quarter hours)");
        assertFalse(Double.isNaN(value(after, "keyaccount_report_batch_chunks", "state", "finished")));
        assertFalse(Double.isNaN(value(after, "keyaccount_report_batch_open")));
        assertTrue(value(after, "keyaccount_job_runs_seconds_count", "job_name", "energy-report-resume",
                        "outcome", "success")
                >= orZero(value(before, "keyaccount_job_runs_seconds_count", "job_name", "energy-report-resume")) + 1,
                "the job run counted under its identity");
        assertTrue(value(after, "keyaccount_job_runs_seconds_sum", "job_name", "energy-report-resume") > 0,
                "and timed");
        assertTrue(value(after, "keyaccount_job_runs_seconds_count", "job_name", "notice-dispatch")
                > orZero(value(before, "keyaccount_job_runs_seconds_count", "job_name", "notice-dispatch")));

        for (String channel : List.of("SMS", "EMAIL", "PORTAL")) {
            for (String state : List.of("SCHEDULED", "SENDING", "UNCERTAIN")) {
                assertFalse(Double.isNaN(value(after, "keyaccount_notice_messages", "channel", channel,
                        "state", state)), channel + " " + state);
            }
        }
        assertEquals(1.0, value(after, "keyaccount_notice_sms_link"), "the link is in exactly one state");
        assertEquals(4, after.stream().filter(s -> s.name().equals("keyaccount_notice_sms_link")).count());

        assertTrue(value(after, "http_server_requests_seconds_count", "uri", "/api/customers/{id}",
                "method", "GET", "status", "200")
                >= orZero(value(before, "http_server_requests_seconds_count", "uri", "/api/customers/{id}",
                "method", "GET", "status", "200")) + 1, "the route by its template");
        assertTrue(after.stream().noneMatch(s -> s.labels().getOrDefault("uri", "").matches(".*/\\d+.*")),
                "no raw id in any route");
        assertFalse(Double.isNaN(value(after, "http_server_requests_seconds_bucket", "uri", "/api/customers/{id}",
                "le", "0.25")), "latency buckets for p50/p99 over the nodes");
    }

    @Test
    void a_customer_page_with_its_id_is_counted_under_the_route_template() {
        given().redirects().follow(false).get("/customers/12345");
        given().redirects().follow(false).get("/VAADIN/dynamic/resource/0/7e1b2c3d-0000-4000-8000-000000000000/x.xlsx");
        List<Series> after = scrape();
        assertTrue(after.stream().noneMatch(s -> s.labels().getOrDefault("uri", "").contains("12345")));
        assertTrue(after.stream().noneMatch(s -> s.labels().getOrDefault("uri", "").contains("7e1b2c3d")));
    }

    @Test
    void the_metrics_are_on_the_loopback_management_port_and_not_on_the_application_port() {
        assertEquals("127.0.0.1", managementHost, "not reachable from another machine unless the operator says so");
        String onTheApplicationPort = given().get("/q/metrics").then().extract().asString();
        assertFalse(onTheApplicationPort.contains("jvm_memory_used_bytes"), "no metrics through the load balancer");
        assertTrue(given().get(metrics).then().statusCode(200).extract().asString().contains("jvm_memory_used_bytes"));
    }

    @Test
    void every_series_the_dashboard_draws_is_named_in_the_monitoring_guide() throws Exception {
        String dashboard = java.nio.file.Files.readString(java.nio.file.Path.of("deploy/grafana-dashboard.json"));
        String guide = java.nio.file.Files.readString(java.nio.file.Path.of("docs/monitoring.md"));
        Matcher m = Pattern.compile("\\b(keyaccount_[a-z_]+|http_server_requests_seconds_[a-z]+)").matcher(dashboard);
        int found = 0;
        while (m.find()) {
            String base = m.group(1).replaceAll("_(total|seconds_count|seconds_sum|seconds_max|seconds_bucket"
                    + "|count|sum|max|bucket)$", "");
            assertTrue(guide.contains("`" + base), m.group(1) + " is drawn but not documented");
            found++;
        }
        assertTrue(found >= 10, "the dashboard draws the suite's series");
    }
}
