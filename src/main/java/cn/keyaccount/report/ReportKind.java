package cn.keyaccount.report;

/**
 * What a report is about; part of the archive's unique key (customer × kind × period × issue), so that further
 * kinds (e.g. a compliance report) can share the archive and the monthly batch.
 */
public enum ReportKind {
    ENERGY_AUDIT
}
