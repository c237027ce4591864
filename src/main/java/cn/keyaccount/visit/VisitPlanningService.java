package cn.keyaccount.visit;

import cn.keyaccount.base.calendar.WorkCalendar;
import cn.keyaccount.base.calendar.WorkCalendarSource;
import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.UserSummary;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Time;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.Session;
import org.jboss.logging.Logger;

/**
 * Builds the rolling schedule (default 90 days) of managers' visits from the policy and the holiday calendar.
 * A regeneration removes only the future visits the planner made and nobody touched since, then plans around
 * everything people did (moved, confirmed, recorded, added, cancelled visits stay as they are): it never
 * duplicates nor silently drops their work.
 */
@ApplicationScoped
public class VisitPlanningService {

    private static final Logger LOG = Logger.getLogger(VisitPlanningService.class);

    private final VisitPolicyService policy;
    private final WorkCalendarSource calendars;
    private final VisitSettings settings;
    private final UserService users;
    private final AuditService audit;
    private final CustomerQueries customers;
    private final EntityManager em;

    private final Clock clock;

    VisitPlanningService(Clock clock, VisitPolicyService policy, WorkCalendarSource calendars, VisitSettings settings,
                         UserService users, AuditService audit, CustomerQueries customers, EntityManager em) {
        this.clock = clock;
        this.policy = policy;
        this.calendars = calendars;
        this.settings = settings;
        this.users = users;
        this.audit = audit;
        this.customers = customers;
        this.em = em;
    }

    /** Replans one manager from today: the manager themselves, their supervisors, or an administrator. */
    @Transactional
    public PlanResult regenerate(Viewer viewer, long managerId) {
        UserSummary manager = plannable(viewer).stream().filter(m -> m.id() == managerId).findFirst()
                .orElseThrow(() -> BusinessException.notFound("error.visit-manager-not-found", managerId));
        return plan(viewer, List.of(manager.id()), VisitDates.today(clock));
    }

    /** Replans every manager the viewer may plan for (a manager: themselves). */
    @Transactional
    public PlanResult regenerateAll(Viewer viewer) {
        return plan(viewer, plannable(viewer).stream().map(UserSummary::id).toList(), VisitDates.today(clock));
    }

    /** The managers whose schedule the viewer may rebuild. */
    public List<UserSummary> plannable(Viewer viewer) {
        return switch (viewer.role()) {
            case ACCOUNT_MANAGER -> List.of(users.get(viewer, viewer.userId()));
            case SUPERVISOR, ADMIN -> users.managers(viewer);
            default -> throw BusinessException.forbidden("error.visit-plan-forbidden");
        };
    }

    /** Plans the given managers from a day on; for the services and the demo. */
    @Transactional
    public PlanResult plan(Viewer actor, Collection<Long> managerIds, LocalDate from) {
        long start = System.nanoTime();
        LocalDate to = from.plusDays(settings.horizonDays());
        if (managerIds.isEmpty()) {
            return new PlanResult(0, 0, from, to, 0, 0, 0, 0, java.util.Set.of(), 0);
        }
        int replaced = em.createQuery("delete from Visit v where v.manager.id in :managers and v.origin = "
                        + "cn.keyaccount.visit.VisitOrigin.PLANNER "
                        + "and v.status = cn.keyaccount.visit.VisitStatus.PLANNED "
                        + "and v.plannedDate >= :from")
                .setParameter("managers", managerIds).setParameter("from", from).executeUpdate();
        VisitPolicyService.Rule rule = policy.rule();
        Map<Long, LocalDate> lastDone = new HashMap<>();
        for (Object[] r : em.createQuery("select v.customer.id, max(v.doneDate) from Visit v "
                        + "where v.customer.manager.id in :managers "
                        + "and v.status = cn.keyaccount.visit.VisitStatus.DONE "
                        + "and v.doneDate < :from group by v.customer.id", Object[].class)
                .setParameter("managers", managerIds).setParameter("from", from).getResultList()) {
            lastDone.put((Long) r[0], (LocalDate) r[1]);
        }
        List<VisitPlanner.Due> dues = new ArrayList<>();
        for (CustomerQueries.Managed c : customers.managedBy(managerIds)) {
            dues.add(new VisitPlanner.Due(c.customerId(), c.managerId(), rule.intervalMonths(c.tier(), c.importance()),
                    lastDone.get(c.customerId())));
        }
        // every visit still standing from the first day on: it takes its place on its manager's day, and it covers
        // its customer's period whoever's it is
        List<VisitPlanner.Kept> kept = new ArrayList<>();
        for (Object[] r : em.createQuery("select v.customer.id, v.manager.id, coalesce(v.doneDate, v.plannedDate) "
                        + "from Visit v where (v.manager.id in :managers or v.customer.manager.id in :managers) "
                        + "and v.status <> cn.keyaccount.visit.VisitStatus.CANCELLED "
                        + "and coalesce(v.doneDate, v.plannedDate) >= :from", Object[].class)
                .setParameter("managers", managerIds).setParameter("from", from).getResultList()) {
            kept.add(new VisitPlanner.Kept((Long) r[0], (Long) r[1], (LocalDate) r[2]));
        }
        WorkCalendar calendar = calendars.current();
        VisitPlanner.Plan plan = new VisitPlanner(calendar, settings.maxPerDay(), settings.slotTimes())
                .plan(from, to, dues, kept);
        insert(plan.visits());
        long millis = (System.nanoTime() - start) / 1_000_000;
        PlanResult result = new PlanResult(managerIds.size(), dues.size(), from, to.minusDays(1),
                plan.visits().size(), replaced, kept.size(), plan.unplaced(), plan.uncoveredYears(), millis);
        if (!plan.uncoveredYears().isEmpty()) {
            LOG.warnf("Holiday calendar %s does not cover %s: those days were planned Monday-Friday only; add the "
                    + "official schedule once published", calendars.origin(), plan.uncoveredYears());
        }
        LOG.infof("Visit plan %s..%s for %d managers, %d customers: %d created, %d replaced, %d kept, %d unplaced "
                        + "in %d ms", from, to.minusDays(1), result.managers(), result.customers(), result.created(),
                result.replaced(), result.kept(), result.unplaced(), millis);
        audit.record(actor.username(), "VISITS_PLANNED", "VISIT", null, null, actor.unitPath(),
                result.managers() + " managers " + from + "…" + to.minusDays(1) + ": " + result.created()
                        + " planned, " + result.kept() + " kept, " + result.unplaced() + " unplaced", null, null);
        return result;
    }

    /** Thousands of rows at once: one batched JDBC insert in the same transaction, not an entity each. */
    private void insert(List<VisitPlanner.Planned> planned) {
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("insert into visit (customer_id, manager_id, "
                    + "visit_type, planned_date, planned_time, status, origin) values (?, ?, 'ROUTINE', ?, ?, "
                    + "'PLANNED', 'PLANNER')")) {
                int n = 0;
                for (VisitPlanner.Planned p : planned) {
                    ps.setLong(1, p.customerId());
                    ps.setLong(2, p.managerId());
                    ps.setDate(3, Date.valueOf(p.date()));
                    ps.setTime(4, p.time() == null ? null : Time.valueOf(p.time()));
                    ps.addBatch();
                    if (++n % 1000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }
}
