package cn.keyaccount.base;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Arrays;

/**
 * Histogram buckets for the HTTP latency per route ({@code http_server_requests_seconds_bucket}), so that p50 and p99
 * can be computed over all nodes with {@code histogram_quantile}: a dozen fixed buckets from 5 ms to 30 s rather than
 * Micrometer's ~70 per route, which would multiply the series by the number of routes and statuses.
 */
class HttpLatencyBuckets {

    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10),
        Duration.ofSeconds(30)};
    /** The same bounds as Micrometer takes them: nanoseconds. */
    private static final double[] BUCKET_NANOS = Arrays.stream(BUCKETS).mapToDouble(Duration::toNanos).toArray();

    @Produces
    @Singleton
    MeterFilter httpLatencyBuckets() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!id.getName().equals("http.server.requests")) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .serviceLevelObjectives(BUCKET_NANOS).build().merge(config);
            }
        };
    }
}
