package cn.keyaccount.visit;

import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The supervisor's view of who is behind: visits planned in a period per manager, per unit (the manager's) or per
 * month, split into done on time (on or before the planned date), done late, missed (date passed without a record,
 * decided in Asia/Shanghai days) and still to come; with the open and overdue follow-up tasks of those visits.
 * Counted in SQL within what the viewer may see.
 */
@ApplicationScoped
public class VisitCompliance {

    public enum GroupBy { MANAGER, UNIT, MONTH }

    private static final String OPEN =
            "(cn.keyaccount.visit.VisitStatus.PLANNED, cn.keyaccount.visit.VisitStatus.CONFIRMED)";
    private static final String DONE = "cn.keyaccount.visit.VisitStatus.DONE";

    private final EntityManager em;

    private final Clock clock;

    VisitCompliance(Clock clock, EntityManager em) {
        this.clock = clock;
        this.em = em;
    }

    /** One row per group, plus nothing else; the UI adds the total. */
    public List<ComplianceRow> rows(Viewer viewer, LocalDate from, LocalDate to, GroupBy by) {
        LocalDate today = VisitDates.today(clock);
        CustomerAccess.Scope scope = CustomerAccess.scope(viewer);
        String visits = "select m.id, m.displayName, u.id, u.name, year(v.plannedDate), month(v.plannedDate), "
                + "count(v), "
                + "sum(case when v.status = " + DONE + " and v.doneDate <= v.plannedDate then 1 else 0 end), "
                + "sum(case when v.status = " + DONE + " and v.doneDate > v.plannedDate then 1 else 0 end), "
                + "sum(case when v.status in " + OPEN + " and v.plannedDate < :today then 1 else 0 end), "
                + "sum(case when v.status in " + OPEN + " and v.plannedDate >= :today then 1 else 0 end) "
                + "from Visit v join v.customer c join v.manager m join m.unit u where " + scope.where()
                + " and v.status <> cn.keyaccount.visit.VisitStatus.CANCELLED and v.plannedDate between :from and :to "
                + "group by m.id, m.displayName, u.id, u.name, year(v.plannedDate), month(v.plannedDate)";
        String tasks = "select m.id, m.displayName, u.id, u.name, year(v.plannedDate), month(v.plannedDate), count(t), "
                + "sum(case when t.dueDate < :today then 1 else 0 end) "
                + "from VisitTask t join t.visit v join v.customer c join v.manager m join m.unit u where "
                + scope.where() + " and t.closedAt is null and v.plannedDate between :from and :to "
                + "group by m.id, m.displayName, u.id, u.name, year(v.plannedDate), month(v.plannedDate)";
        Function<Object[], String[]> key = switch (by) {
            case MANAGER -> r -> new String[] {String.valueOf(r[0]), (String) r[1]};
            case UNIT -> r -> new String[] {String.valueOf(r[2]), (String) r[3]};
            case MONTH -> r -> {
                String ym = String.format("%04d-%02d", ((Number) r[4]).intValue(), ((Number) r[5]).intValue());
                return new String[] {ym, ym};
            };
        };
        Map<String, ComplianceRow> groups = new LinkedHashMap<>();
        for (Object[] r : query(visits, scope, from, to, today)) {
            String[] k = key.apply(r);
            ComplianceRow row = new ComplianceRow(k[0], k[1], num(r[6]), num(r[7]), num(r[8]), num(r[9]), num(r[10]),
                    0, 0);
            groups.merge(k[0], row, ComplianceRow::plus);
        }
        for (Object[] r : query(tasks, scope, from, to, today)) {
            String[] k = key.apply(r);
            groups.merge(k[0], new ComplianceRow(k[0], k[1], 0, 0, 0, 0, 0, num(r[6]), num(r[7])),
                    ComplianceRow::plus);
        }
        List<ComplianceRow> rows = new ArrayList<>(groups.values());
        rows.sort(by == GroupBy.MONTH ? java.util.Comparator.comparing(ComplianceRow::key)
                : java.util.Comparator.comparing(ComplianceRow::label));
        return rows;
    }

    private List<Object[]> query(String hql, CustomerAccess.Scope scope, LocalDate from, LocalDate to,
                                 LocalDate today) {
        TypedQuery<Object[]> q = em.createQuery(hql, Object[].class);
        scope.params().map().forEach(q::setParameter);
        return q.setParameter("from", from).setParameter("to", to).setParameter("today", today).getResultList();
    }

    private static long num(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }
}
