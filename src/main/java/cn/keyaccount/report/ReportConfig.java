package cn.keyaccount.report;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/** Settings of the energy-audit reports ({@code keyaccount.report.*}). */
@ConfigMapping(prefix = "keyaccount.report")
public interface ReportConfig {

    /**
     * A folder whose files replace the bundled templates of reports/templates (energy-audit.xlsx,
     * energy-audit.docx, energy-audit.properties, logo.png) file by file, read at every generation: an auditor
     * restyles the reports without a release.
     */
    Optional<String> templateDir();

    /** When the monthly batch runs (Quartz cron, Asia/Shanghai): the reports of the month just ended. */
    @WithDefault("0 0 3 1 * ?")
    String monthlyCron();

    /** How often the cluster (one node per firing) looks for an unfinished batch that no node works on. */
    @WithDefault("5m")
    String resumeEvery();

    /**
     * How often every node looks for a chunk of an unfinished batch to make ({@code off}: this node joins only when
     * the cluster's monthly or resume job picks it).
     */
    @WithDefault("30s")
    String shareEvery();

    /** Customers per chunk: what one node claims at a time, and what another takes over when that node dies. */
    @WithDefault("50")
    int chunkSize();

    /** A chunk whose node has not reported for this long is taken over by another node (or after a restart). */
    @WithDefault("PT2M")
    Duration lease();

    /**
     * Threads that make the monthly batch's reports on each node (default: one per processor). A report is mostly
     * CPU work; more threads than processors only add memory (a few MB per report in progress).
     */
    OptionalInt workers();

    /** Months covered by a report: the report month and the ones before it (12: the rolling year). */
    @WithDefault("12")
    int months();
}
