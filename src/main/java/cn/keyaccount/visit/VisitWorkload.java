package cn.keyaccount.visit;

import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The counts a workbench shows about visits, scoped as the lists are ({@link CustomerAccess}): open follow-up tasks,
 * and per manager what is overdue (visits whose day has passed without a record, tasks past their due date). A count
 * is one statement; the overdue per manager two grouped ones (visits, tasks).
 */
@ApplicationScoped
public class VisitWorkload {

    private static final String OPEN =
            "(cn.keyaccount.visit.VisitStatus.PLANNED, cn.keyaccount.visit.VisitStatus.CONFIRMED)";

    private final EntityManager em;
    private final Clock clock;

    VisitWorkload(Clock clock, EntityManager em) {
        this.clock = clock;
        this.em = em;
    }

    /** What is overdue for one manager in the viewer's reach. */
    public record ManagerOverdueSummary(long managerId, String managerName, long overdueVisits, long overdueTasks) {
        public long total() {
            return overdueVisits + overdueTasks;
        }
    }

    /** How many follow-up tasks {@link VisitService#tasks} lists with the same arguments. */
    public long countTasks(Viewer viewer, boolean overdueOnly, Long managerId) {
        CustomerAccess.Scope scope = CustomerAccess.scope(viewer);
        TypedQuery<Long> q = em.createQuery("select count(t) from VisitTask t join t.visit v join v.customer c "
                + "join v.manager m where " + scope.where() + " and t.closedAt is null"
                + (overdueOnly ? " and t.dueDate < :today" : "") + (managerId != null ? " and m.id = :manager" : ""),
                Long.class);
        scope.params().map().forEach(q::setParameter);
        if (overdueOnly) {
            q.setParameter("today", VisitDates.today(clock));
        }
        if (managerId != null) {
            q.setParameter("manager", managerId);
        }
        return q.getSingleResult();
    }

    /** The managers with something overdue, most overdue first; at most {@code limit}. */
    public List<ManagerOverdueSummary> overdueByManager(Viewer viewer, int limit) {
        CustomerAccess.Scope scope = CustomerAccess.scope(viewer);
        Map<Long, ManagerOverdueSummary> byManager = new HashMap<>();
        grouped("select m.id, m.displayName, count(v) from Visit v join v.customer c join v.manager m where "
                + scope.where() + " and v.status in " + OPEN + " and v.plannedDate < :today "
                + "group by m.id, m.displayName", scope).forEach(r -> byManager.put((Long) r[0],
                new ManagerOverdueSummary((Long) r[0], (String) r[1], (Long) r[2], 0)));
        grouped("select m.id, m.displayName, count(t) from VisitTask t join t.visit v join v.customer c "
                + "join v.manager m where " + scope.where() + " and t.closedAt is null and t.dueDate < :today "
                + "group by m.id, m.displayName", scope).forEach(r -> byManager.merge((Long) r[0],
                new ManagerOverdueSummary((Long) r[0], (String) r[1], 0, (Long) r[2]),
                (a, b) -> new ManagerOverdueSummary(a.managerId(), a.managerName(), a.overdueVisits(),
                        b.overdueTasks())));
        return byManager.values().stream()
                .sorted(Comparator.comparingLong(ManagerOverdueSummary::total).reversed()
                        .thenComparing(ManagerOverdueSummary::managerName))
                .limit(limit).toList();
    }

    private List<Object[]> grouped(String hql, CustomerAccess.Scope scope) {
        TypedQuery<Object[]> q = em.createQuery(hql, Object[].class);
        scope.params().map().forEach(q::setParameter);
        return q.setParameter("today", VisitDates.today(clock)).getResultList();
    }
}
