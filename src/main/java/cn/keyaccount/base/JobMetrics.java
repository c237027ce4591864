package cn.keyaccount.base;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.scheduler.spi.JobInstrumenter;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletionStage;

/**
 * Counts and times every run of a scheduled job on this node, by the job's identity and whether it failed
 * ({@code keyaccount_job_runs_seconds_count{job_name, outcome}}, {@code _sum}, {@code _max}; docs/monitoring.md). It is the
 * scheduler's instrumentation hook (Quarkus calls it around every run of a Quartz or a per-node job once
 * {@code quarkus.scheduler.tracing.enabled} is on), so no job needs to remember it. A clustered job runs on one node
 * per firing: the cluster's count is the sum over the nodes. The label is {@code job_name}, not {@code job}, which
 * Prometheus gives every series itself (the scrape job).
 */
@Singleton
class JobMetrics implements JobInstrumenter {

    private final MeterRegistry registry;

    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public CompletionStage<Void> instrument(JobInstrumentationContext job) {
        Timer.Sample sample = Timer.start(registry);
        CompletionStage<Void> run;
        try {
            run = job.executeJob();
        } catch (RuntimeException e) {
            stop(sample, job.getSpanName(), e);
            throw e;
        }
        return run.whenComplete((done, failure) -> stop(sample, job.getSpanName(), failure));
    }

    private void stop(Timer.Sample sample, String job, Throwable failure) {
        sample.stop(Timer.builder("keyaccount.job.runs").description("Runs of scheduled jobs on this node")
                .tag("job_name", job).tag("outcome", failure == null ? "success" : "failure").register(registry));
    }
}
