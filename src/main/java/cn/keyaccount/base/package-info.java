/**
 * What every feature stands on: {@link AbstractEntity} (identity and {@code @Version} optimistic locking), the one
 * {@link BusinessException} (a message key, its arguments and a kind that decides the HTTP status), {@link Validation}
 * (field errors collected and thrown together), {@link Messages} (the i18n bundles, Simplified Chinese first),
 * {@link SheetRows} (an uploaded workbook's first sheet as text) and the application's entry point
 * {@link KeyAccountApplication} with its {@link EmbeddedDatabase} (a real PostgreSQL started when no external one is
 * configured). Monitoring plumbing every feature may use (docs/monitoring.md): {@link ImportMetrics} (file
 * imports), {@link CachedReading} (a metric read from the database at most every few seconds), and, needing no call,
 * the scheduled jobs' runs ({@code JobMetrics}) and the HTTP latency buckets ({@code HttpLatencyBuckets}).
 * <p>
 * <b>Depends on</b> no feature: {@code ArchitectureTest.base_depends_on_no_feature} checks it. Features depend on base,
 * never the reverse.
 */
package cn.keyaccount.base;
