package cn.keyaccount.report;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.security.Viewer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The monthly batch: every customer with interval data in the month gets its report once. Exactly once holds by the
 * archive's unique key (customer × kind × period × issue 1, see {@link ReportService#generateScheduled}); the batch
 * row (report_batch) makes the work resumable: a node works while it holds the lease, writes its cursor (the last
 * customer id handled) after every customer, and a batch whose worker stopped reporting — a node killed, an
 * application restarted — is taken over by the next resume run from its cursor. Customers are visited in id order.
 */
@ApplicationScoped
class MonthlyReportBatch {

    private static final Logger LOG = Logger.getLogger(MonthlyReportBatch.class);
    private static final int PAGE = 100;

    /** What one batch has done so far. */
    record Progress(String period, long cursor, int made, int skipped, int failed, boolean finished) {
    }

    private final ReportService reports;
    private final EnergyService energy;
    private final ReportConfig config;
    private final EntityManager em;

    MonthlyReportBatch(ReportService reports, EnergyService energy, ReportConfig config, EntityManager em) {
        this.reports = reports;
        this.energy = energy;
        this.config = config;
        this.em = em;
    }

    /** Starts (or, when it exists and is unfinished, continues) the batch of a month. */
    @ActivateRequestContext
    Progress start(YearMonth month, String worker) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("insert into report_batch (kind, period) "
                        + "values (?1, ?2) on conflict (kind, period) do nothing")
                .setParameter(1, ReportKind.ENERGY_AUDIT.name()).setParameter(2, month.toString()).executeUpdate());
        return run(month, worker, Integer.MAX_VALUE);
    }

    /** Takes over every unfinished batch whose worker stopped reporting. */
    @ActivateRequestContext
    void resumeInterrupted(String worker) {
        List<?> periods = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select period from "
                        + "report_batch where kind = ?1 and finished_at is null and (heartbeat_at is null "
                        + "or heartbeat_at < now() - cast(?2 as interval)) order by period")
                .setParameter(1, ReportKind.ENERGY_AUDIT.name()).setParameter(2, config.lease().toSeconds() + " seconds")
                .getResultList());
        for (Object p : periods) {
            LOG.infof("Resuming the report batch of %s", p);
            run(YearMonth.parse((String) p), worker, Integer.MAX_VALUE);
        }
    }

    /**
     * Works on the month's batch while this worker holds its lease, at most {@code limit} customers (the job passes
     * no limit; tests stop a run midway as a crash would).
     */
    @ActivateRequestContext
    Progress run(YearMonth month, String worker, int limit) {
        String period = month.toString();
        if (!claim(period, worker)) {
            return progress(period);
        }
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        int handled = 0;
        long cursor = progress(period).cursor();
        while (handled < limit) {
            long after = cursor;
            List<Long> ids = QuarkusTransaction.requiringNew().call(() -> em.createQuery("select c.id from Customer c "
                    + "where c.id > :after order by c.id", Long.class).setParameter("after", after)
                    .setMaxResults(PAGE).getResultList());
            if (ids.isEmpty()) {
                QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update report_batch set "
                                + "finished_at = now(), heartbeat_at = now() where kind = ?1 and period = ?2 and worker = ?3")
                        .setParameter(1, ReportKind.ENERGY_AUDIT.name()).setParameter(2, period)
                        .setParameter(3, worker).executeUpdate());
                Progress done = progress(period);
                LOG.infof("Report batch %s finished: %d made, %d already there, %d failed", period, done.made(),
                        done.skipped(), done.failed());
                return done;
            }
            for (Long id : ids) {
                if (handled >= limit) {
                    break;
                }
                String outcome = handle(id, first, last, month);
                if (!advance(period, worker, id, outcome)) {
                    LOG.warnf("Report batch %s: lease lost by %s", period, worker);
                    return progress(period);
                }
                cursor = id;
                handled++;
            }
        }
        return progress(period);
    }

    /** made, skipped (nothing to do: no data, or the report exists), failed. */
    private String handle(long customerId, LocalDate first, LocalDate last, YearMonth month) {
        try {
            EnergyService.Coverage coverage = energy.coverage(Viewer.system(), customerId);
            if (coverage.firstDay() == null || coverage.firstDay().isAfter(last) || coverage.lastDay().isBefore(first)) {
                return "none";
            }
            return reports.generateScheduled(customerId, month) ? "made" : "skipped";
        } catch (BusinessException e) {
            if ("report.error.no-data".equals(e.key())) {
                return "none";
            }
            LOG.errorf(e, "Report of customer %d for %s failed", customerId, month);
            return "failed";
        } catch (RuntimeException e) {
            LOG.errorf(e, "Report of customer %d for %s failed", customerId, month);
            return "failed";
        }
    }

    private boolean claim(String period, String worker) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update report_batch set worker = ?1, "
                        + "heartbeat_at = now() where kind = ?2 and period = ?3 and finished_at is null and "
                        + "(worker is null or worker = ?1 or heartbeat_at < now() - cast(?4 as interval))")
                .setParameter(1, worker).setParameter(2, ReportKind.ENERGY_AUDIT.name()).setParameter(3, period)
                .setParameter(4, config.lease().toSeconds() + " seconds").executeUpdate() == 1);
    }

    /** Moves the cursor past a customer, while the lease is still this worker's. */
    private boolean advance(String period, String worker, long customerId, String outcome) {
        String column = switch (outcome) {
            case "made" -> "made = made + 1, ";
            case "skipped" -> "skipped = skipped + 1, ";
            case "failed" -> "failed = failed + 1, ";
            default -> "";
        };
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("update report_batch set " + column
                        + "cursor_id = ?1, heartbeat_at = now() where kind = ?2 and period = ?3 and worker = ?4")
                .setParameter(1, customerId).setParameter(2, ReportKind.ENERGY_AUDIT.name()).setParameter(3, period)
                .setParameter(4, worker).executeUpdate() == 1);
    }

    Progress progress(String period) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<?> rows = em.createNativeQuery("select cursor_id, made, skipped, failed, finished_at is not null "
                            + "from report_batch where kind = ?1 and period = ?2")
                    .setParameter(1, ReportKind.ENERGY_AUDIT.name()).setParameter(2, period).getResultList();
            if (rows.isEmpty()) {
                return new Progress(period, 0, 0, 0, 0, false);
            }
            Object[] r = (Object[]) rows.getFirst();
            return new Progress(period, ((Number) r[0]).longValue(), ((Number) r[1]).intValue(),
                    ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), (Boolean) r[4]);
        });
    }
}
