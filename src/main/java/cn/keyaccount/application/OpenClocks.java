package cn.keyaccount.application;

import cn.keyaccount.base.calendar.WorkCalendar;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The stored clocks of every open application recomputed in plain SQL (after a holiday-calendar edit, and nightly):
 * three reads (the applications with their versions, their steps, their stops), the clock computed in memory with
 * {@link ApplicationClock} exactly as a change of one application does, and one statement that writes what changed
 * (5,000 entities with their step collections through Hibernate took 4.8 s).
 * <p>
 * The stored figures are derived from the steps, the stops and the calendar, so writing them is not a change of the
 * application: the version (optimistic lock) stays, and a user who opened the application before the recompute is not
 * told "changed meanwhile". The write is guarded by the version read <em>first</em>: an application a user changed
 * after that read (every change raises its version and recomputes its own clock) is left as the user's transaction
 * wrote it; one whose change is still running is waited for (the row lock) and then left too. The steps' rows are
 * written only for the applications whose row was written, in the same statement.
 */
@ApplicationScoped
class OpenClocks {

    private static final String OPEN = "('IN_PROGRESS', 'WAITING')";

    private final AgroalDataSource dataSource;

    OpenClocks(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** New figures of one application, computed from what was read at {@code version}; stepUsed: position → days. */
    record Change(long id, long version, int usedDays, int limitDays, LocalDate dueOn, boolean overdue,
                  Map<Integer, Integer> stepUsed) {
    }

    /** What a recompute found: how many open clocks, which of them changed, and the statements it took so far. */
    record Plan(int open, List<Change> changes, int statements, long dbNanos) {
    }

    /** Recomputes and writes in one transaction. */
    @Transactional
    ClocksRecomputed recompute(WorkCalendar calendar, LocalDate today) {
        long start = System.nanoTime();
        Plan plan = plan(calendar, today);
        Written written = write(plan);
        return new ClocksRecomputed(plan.open(), plan.changes().size(), written.applications(),
                plan.statements() + written.statements(), (plan.dbNanos() + written.dbNanos()) / 1_000_000,
                (System.nanoTime() - start) / 1_000_000);
    }

    /** Reads every open application and computes its clock with {@code calendar} as of {@code today}. */
    @Transactional
    Plan plan(WorkCalendar calendar, LocalDate today) {
        try (Connection c = dataSource.getConnection()) {
            long db = 0;
            long t = System.nanoTime();
            // the versions first: anything read after them that a user changed meanwhile carries a newer version
            Map<Long, Stored> stored = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("select id, version, used_days, limit_days, due_on, "
                    + "overdue from connection_application where status in " + OPEN);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Stored s = new Stored(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4),
                            rs.getObject(5, LocalDate.class), rs.getBoolean(6));
                    stored.put(s.id, s);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select s.application_id, s.position, s.step, "
                    + "s.started_on, s.completed_on, s.limit_days, s.used_days from connection_application_step s "
                    + "join connection_application a on a.id = s.application_id where a.status in " + OPEN
                    + " order by s.application_id, s.position");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Stored s = stored.get(rs.getLong(1));
                    if (s != null) {
                        s.positions.add(rs.getInt(2));
                        s.spans.add(new ApplicationClock.Span(ApplicationStep.valueOf(rs.getString(3)),
                                rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getInt(6)));
                        s.stepUsed.add(rs.getInt(7));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement("select t.application_id, t.started_on, t.ended_on "
                    + "from connection_application_stop t join connection_application a on a.id = t.application_id "
                    + "where a.status in " + OPEN);
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Stored s = stored.get(rs.getLong(1));
                    if (s != null) {
                        s.stops.add(new ApplicationClock.Stop(rs.getObject(2, LocalDate.class),
                                rs.getObject(3, LocalDate.class)));
                    }
                }
            }
            db += System.nanoTime() - t;
            List<Change> changes = new ArrayList<>();
            for (Stored s : stored.values()) {
                Change change = s.recompute(calendar, today);
                if (change != null) {
                    changes.add(change);
                }
            }
            changes.sort((a, b) -> Long.compare(a.id(), b.id()));
            return new Plan(stored.size(), List.copyOf(changes), 3, db);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the open applications' clocks", e);
        }
    }

    /** How many applications and steps a write changed, in how many statements (0 or 1) taking how long. */
    record Written(int applications, int steps, int statements, long dbNanos) {
    }

    /**
     * Writes the changed figures in one statement, leaving out every application whose version is no longer the one
     * read (a user changed it meanwhile); never raises a version.
     */
    @Transactional
    Written write(Plan plan) {
        if (plan.changes().isEmpty()) {
            return new Written(0, 0, 0, 0);
        }
        int n = plan.changes().size();
        Long[] ids = new Long[n];
        Long[] versions = new Long[n];
        Integer[] used = new Integer[n];
        Integer[] limits = new Integer[n];
        String[] due = new String[n];
        Boolean[] overdue = new Boolean[n];
        List<Long> stepApplications = new ArrayList<>();
        List<Integer> stepPositions = new ArrayList<>();
        List<Integer> stepUsed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Change ch = plan.changes().get(i);
            ids[i] = ch.id();
            versions[i] = ch.version();
            used[i] = ch.usedDays();
            limits[i] = ch.limitDays();
            due[i] = ch.dueOn() == null ? null : ch.dueOn().toString();
            overdue[i] = ch.overdue();
            ch.stepUsed().forEach((position, days) -> {
                stepApplications.add(ch.id());
                stepPositions.add(position);
                stepUsed.add(days);
            });
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("with figures as (select * from unnest(?::int8[], ?::int8[], "
                     + "?::int4[], ?::int4[], ?::varchar[], ?::bool[]) as f(id, version, used_days, limit_days, due_on, "
                     + "overdue)), written as (update connection_application a set used_days = f.used_days, "
                     + "limit_days = f.limit_days, due_on = f.due_on::date, overdue = f.overdue from figures f "
                     + "where a.id = f.id and a.version = f.version and a.status in " + OPEN + " returning a.id), "
                     + "steps as (update connection_application_step s set used_days = u.used_days "
                     + "from unnest(?::int8[], ?::int4[], ?::int4[]) as u(application_id, position, used_days) "
                     + "where s.application_id = u.application_id and s.position = u.position "
                     + "and u.application_id in (select id from written) returning 1) "
                     + "select (select count(*) from written), (select count(*) from steps)")) {
            long t = System.nanoTime();
            ps.setArray(1, c.createArrayOf("int8", ids));
            ps.setArray(2, c.createArrayOf("int8", versions));
            ps.setArray(3, c.createArrayOf("int4", used));
            ps.setArray(4, c.createArrayOf("int4", limits));
            ps.setArray(5, c.createArrayOf("varchar", due));
            ps.setArray(6, c.createArrayOf("bool", overdue));
            ps.setArray(7, c.createArrayOf("int8", stepApplications.toArray(Long[]::new)));
            ps.setArray(8, c.createArrayOf("int4", stepPositions.toArray(Integer[]::new)));
            ps.setArray(9, c.createArrayOf("int4", stepUsed.toArray(Integer[]::new)));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new Written(rs.getInt(1), rs.getInt(2), 1, System.nanoTime() - t);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the open applications' clocks", e);
        }
    }

    /** One open application as read: its stored figures, its steps in order with their stored days, its stops. */
    private static final class Stored {
        final long id;
        final long version;
        final int usedDays;
        final int limitDays;
        final LocalDate dueOn;
        final boolean overdue;
        final List<Integer> positions = new ArrayList<>();
        final List<ApplicationClock.Span> spans = new ArrayList<>();
        final List<Integer> stepUsed = new ArrayList<>();
        final List<ApplicationClock.Stop> stops = new ArrayList<>();

        Stored(long id, long version, int usedDays, int limitDays, LocalDate dueOn, boolean overdue) {
            this.id = id;
            this.version = version;
            this.usedDays = usedDays;
            this.limitDays = limitDays;
            this.dueOn = dueOn;
            this.overdue = overdue;
        }

        /** The new figures as {@link Application#record} would store them; null when nothing changes. */
        Change recompute(WorkCalendar calendar, LocalDate today) {
            if (spans.isEmpty()) {
                return null;
            }
            ApplicationClock.Reading reading = ApplicationClock.read(spans, stops, calendar, today);
            Map<Integer, Integer> steps = new HashMap<>();
            for (int i = 0; i < spans.size() && i < reading.steps().size(); i++) {
                int days = reading.steps().get(i).usedDays();
                if (stepUsed.get(i) != days) {
                    steps.put(positions.get(i), days);
                }
            }
            ApplicationClock.StepReading current = reading.current();
            LocalDate due = current == null ? null : current.dueOn();
            boolean late = current != null && current.overdue();
            if (steps.isEmpty() && reading.usedDays() == usedDays && reading.limitDays() == limitDays
                    && Objects.equals(due, dueOn) && late == overdue) {
                return null;
            }
            return new Change(id, version, reading.usedDays(), reading.limitDays(), due, late, Map.copyOf(steps));
        }
    }
}
