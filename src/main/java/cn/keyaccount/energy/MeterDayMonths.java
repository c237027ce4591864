package cn.keyaccount.energy;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import org.jboss.logging.Logger;

/**
 * Makes meter_day's month partitions ahead (V24): at start and every night, the current month and the next
 * {@link #AHEAD} months, so that the daily imports never make one inside their transaction. A file of older months
 * still gets its months at write time ({@code ReadingImporter}).
 */
@ApplicationScoped
public class MeterDayMonths {

    private static final Logger LOG = Logger.getLogger(MeterDayMonths.class);
    /** Months made ahead of the current one. */
    static final int AHEAD = 2;

    private final AgroalDataSource dataSource;
    private final Clock clock;

    MeterDayMonths(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    void onStart(@Observes StartupEvent event) {
        makeAhead();
    }

    @Scheduled(identity = "meter-day-months", cron = "0 5 0 * * ?", timeZone = "${keyaccount.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        makeAhead();
    }

    /** Makes the missing partitions of the current month and the next {@link #AHEAD}; returns how many it made. */
    public int makeAhead() {
        LocalDate today = LocalDate.now(clock);
        return ensure(today.withDayOfMonth(1), today.plusMonths(AHEAD).withDayOfMonth(1));
    }

    /** Makes the missing partitions of the months of from..to; returns how many it made. */
    public int ensure(LocalDate from, LocalDate to) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("select meter_day_ensure_months(?, ?)")) {
            ps.setObject(1, from);
            ps.setObject(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                int made = rs.getInt(1);
                if (made > 0) {
                    LOG.infof("meter_day: %d month partition(s) made for %s..%s", made, from, to);
                }
                return made;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("making meter_day's month partitions failed", e);
        }
    }
}
