package cn.keyaccount.base;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Counts the file imports on this node (docs/monitoring.md): files imported or refused
 * ({@code keyaccount_import_files_total{kind, outcome}}) and their rows ({@code keyaccount_import_rows_total{kind,
 * outcome}}: the rows stored, or the rows of a refused file — every import stores a file whole or not at all).
 */
@ApplicationScoped
public class ImportMetrics {

    /** What is imported: customers, bills, payments, readings, maintenance plans. */
    public enum Kind { CUSTOMERS, BILLS, PAYMENTS, READINGS, MAINTENANCE_PLANS }

    private final MeterRegistry registry;

    ImportMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One import: {@code rows} read from the file, and whether it was stored. */
    public void imported(Kind kind, long rows, boolean stored) {
        String outcome = stored ? "imported" : "refused";
        String name = kind.name().toLowerCase();
        registry.counter("keyaccount.import.files", "kind", name, "outcome", outcome).increment();
        registry.counter("keyaccount.import.rows", "kind", name, "outcome", outcome).increment(Math.max(0, rows));
    }
}
