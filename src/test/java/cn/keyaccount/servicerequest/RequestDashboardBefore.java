package cn.keyaccount.servicerequest;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The dashboard as it was computed before V39 (four statements over every row, joined to customer, units and users,
 * grouping sets and percentiles over the rows): kept in the tests only, as the reference the faster
 * {@link RequestDashboard} must match figure for figure on the same data.
 */
@ApplicationScoped
public class RequestDashboardBefore {

    /** The longest period one dashboard covers. */
    static final int MAX_YEARS = 3;
    static final String FROM = " from service_request r join customer c on c.id = r.customer_id "
            + "join org_unit cu on cu.id = c.unit_id join org_unit u on u.id = r.owner_unit_id "
            + "left join app_user o on o.id = r.owner_id ";

    private final EntityManager em;
    private final Clock clock;

    RequestDashboardBefore(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Whether the viewer has a dashboard: administrators, supervisors and account managers. */
    public static boolean allowed(Viewer v) {
        return v.isAdmin() || v.isSupervisor() || v.is(Role.ACCOUNT_MANAGER);
    }

    /** The period checked: from ≤ to, at most {@value #MAX_YEARS} years (422 otherwise). */
    public static void checkPeriod(LocalDate from, LocalDate to) {
        if (from == null || to == null || from.isAfter(to) || from.plusYears(MAX_YEARS).isBefore(to)) {
            throw BusinessException.invalid("error.request.dashboard-period");
        }
    }

    @Transactional
    public DashboardDetails summarise(Viewer viewer, LocalDate from, LocalDate to) {
        checkPeriod(from, to);
        if (!allowed(viewer)) {
            throw BusinessException.forbidden("error.forbidden");
        }
        return new DashboardDetails(from, to, open(viewer), compliance(viewer, from, to), repairs(viewer, from, to),
                satisfaction(viewer, from, to));
    }

    private List<DashboardDetails.OpenByType> open(Viewer viewer) {
        Map<String, Object> p = new HashMap<>();
        p.put("now", OffsetDateTime.now(clock));
        Query q = query("select r.request_type, "
                + "count(*) filter (where r.opened_at > cast(:now as timestamptz) - interval '1 day'), "
                + "count(*) filter (where r.opened_at <= cast(:now as timestamptz) - interval '1 day' "
                + "and r.opened_at > cast(:now as timestamptz) - interval '3 days'), "
                + "count(*) filter (where r.opened_at <= cast(:now as timestamptz) - interval '3 days' "
                + "and r.opened_at > cast(:now as timestamptz) - interval '7 days'), "
                + "count(*) filter (where r.opened_at <= cast(:now as timestamptz) - interval '7 days'), "
                + "count(*) filter (where (r.responded_at is null and r.respond_due_at < :now) "
                + "or r.resolve_due_at < :now), count(*)" + FROM + "where " + scope(viewer, p)
                + " and r.status <> 'CLOSED' group by r.request_type", p);
        Map<RequestType, DashboardDetails.OpenByType> byType = new HashMap<>();
        for (Object[] row : rows(q)) {
            RequestType type = RequestType.valueOf((String) row[0]);
            byType.put(type, new DashboardDetails.OpenByType(type, List.of(n(row[1]), n(row[2]), n(row[3]),
                    n(row[4])), n(row[5]), n(row[6])));
        }
        return Arrays.stream(RequestType.values()).filter(byType::containsKey).map(byType::get).toList();
    }

    private List<DashboardDetails.Compliance> compliance(Viewer viewer, LocalDate from, LocalDate to) {
        Map<String, Object> p = period(from, to);
        p.put("now", OffsetDateTime.now(clock));
        String decided = "(r.closed_at is not null or r.resolve_due_at < :now "
                + "or (r.responded_at is null and r.respond_due_at < :now))";
        String met = "(r.closed_at is not null and r.closed_at <= r.resolve_due_at "
                + "and (r.respond_due_at is null or r.responded_at <= r.respond_due_at))";
        Query q = query("select grouping(r.request_type), grouping(u.name), grouping(o.display_name), "
                + "r.request_type, u.name, o.display_name, m.month, "
                + "count(*) filter (where " + decided + "), count(*) filter (where " + decided + " and " + met + ")"
                + FROM + "cross join lateral (select to_char(r.opened_at at time zone :zone, 'YYYY-MM') as month) m "
                + "where " + scope(viewer, p) + " and " + inPeriod("r.opened_at")
                + " and r.resolve_due_at is not null group by grouping sets ((r.request_type), (u.name), "
                + "(o.display_name), (m.month)) "
                + "order by 1 desc, 2 desc, 3 desc, 4, 5, 6, 7", p);
        List<DashboardDetails.Compliance> out = new ArrayList<>();
        for (Object[] row : rows(q)) {
            DashboardDetails.By by = n(row[0]) == 0 ? DashboardDetails.By.TYPE : n(row[1]) == 0
                    ? DashboardDetails.By.UNIT : n(row[2]) == 0 ? DashboardDetails.By.MANAGER
                    : DashboardDetails.By.MONTH;
            String group = switch (by) {
                case TYPE -> (String) row[3];
                case UNIT -> (String) row[4];
                case MANAGER -> row[5] == null ? "" : (String) row[5];
                case MONTH -> (String) row[6];
            };
            long due = n(row[7]);
            long kept = n(row[8]);
            out.add(new DashboardDetails.Compliance(by, group, due, kept, due == 0 ? null
                    : BigDecimal.valueOf(kept * 100.0 / due).setScale(1, RoundingMode.HALF_UP)));
        }
        return out;
    }

    private List<DashboardDetails.RepairTimes> repairs(Viewer viewer, LocalDate from, LocalDate to) {
        Map<String, Object> p = period(from, to);
        String arrival = "extract(epoch from r.responded_at - r.opened_at) / 60";
        String restoration = "extract(epoch from r.closed_at - r.opened_at) / 60";
        Query q = query("select r.area, count(r.responded_at), "
                + "percentile_cont(0.5) within group (order by " + arrival + "), "
                + "percentile_cont(0.9) within group (order by " + arrival + "), "
                + "avg(extract(epoch from r.respond_due_at - r.opened_at) / 60), "
                + "count(*) filter (where r.responded_at <= r.respond_due_at), count(r.closed_at), "
                + "percentile_cont(0.5) within group (order by " + restoration + "), "
                + "percentile_cont(0.9) within group (order by " + restoration + "), "
                + "avg(extract(epoch from r.resolve_due_at - r.opened_at) / 60), "
                + "count(*) filter (where r.closed_at <= r.resolve_due_at)" + FROM + "where " + scope(viewer, p)
                + " and " + inPeriod("r.opened_at") + " and r.request_type = 'REPAIR' group by r.area", p);
        Map<ServiceArea, Object[]> byArea = new HashMap<>();
        rows(q).forEach(row -> byArea.put(ServiceArea.valueOf((String) row[0]), row));
        List<DashboardDetails.RepairTimes> out = new ArrayList<>();
        for (ServiceArea area : ServiceArea.values()) {
            Object[] row = byArea.get(area);
            if (row == null) {
                continue;
            }
            out.add(new DashboardDetails.RepairTimes(area, DashboardDetails.Measure.ARRIVAL, n(row[1]),
                    minutes(row[2]), minutes(row[3]), minutes(row[4]), n(row[5])));
            out.add(new DashboardDetails.RepairTimes(area, DashboardDetails.Measure.RESTORATION, n(row[6]),
                    minutes(row[7]), minutes(row[8]), minutes(row[9]), n(row[10])));
        }
        return out;
    }

    private List<DashboardDetails.Satisfaction> satisfaction(Viewer viewer, LocalDate from, LocalDate to) {
        Map<String, Object> p = period(from, to);
        Query q = query("select r.request_type, count(*), avg(v.satisfaction), "
                + "count(*) filter (where v.satisfaction <= " + ReturnVisitService.DISSATISFIED_AT_MOST + ")"
                + FROM + "join service_request_return_visit v on v.request_id = r.id where " + scope(viewer, p)
                + " and " + inPeriod("v.at") + " group by r.request_type", p);
        Map<RequestType, DashboardDetails.Satisfaction> byType = new HashMap<>();
        for (Object[] row : rows(q)) {
            RequestType type = RequestType.valueOf((String) row[0]);
            byType.put(type, new DashboardDetails.Satisfaction(type, n(row[1]),
                    new BigDecimal(row[2].toString()).setScale(2, RoundingMode.HALF_UP), n(row[3])));
        }
        return Arrays.stream(RequestType.values()).filter(byType::containsKey).map(byType::get).toList();
    }

    /** The viewer's requests in SQL: {@link RequestAccess#scope} for the roles that have a dashboard. */
    static String scope(Viewer v, Map<String, Object> p) {
        if (v.isAdmin()) {
            return "true";
        }
        p.put("me", v.userId());
        if (v.isSupervisor()) {
            p.put("path", v.unitPath() + "%");
            return "(cu.path like :path or u.path like :path or r.owner_id = :me)";
        }
        return "(c.manager_id = :me or c.backup_manager_id = :me or r.owner_id = :me)";
    }

    private Map<String, Object> period(LocalDate from, LocalDate to) {
        Map<String, Object> p = new HashMap<>();
        ZoneId zone = clock.getZone();
        p.put("start", from.atStartOfDay(zone).toOffsetDateTime());
        p.put("end", to.plusDays(1).atStartOfDay(zone).toOffsetDateTime());
        p.put("zone", zone.getId());
        return p;
    }

    private static String inPeriod(String column) {
        return column + " >= :start and " + column + " < :end";
    }

    private Query query(String sql, Map<String, Object> p) {
        Query q = em.createNativeQuery(sql);
        p.forEach((k, v) -> {
            if (sql.contains(":" + k)) {
                q.setParameter(k, v);
            }
        });
        return q;
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Query q) {
        return q.getResultList();
    }

    private static long n(Object o) {
        return o == null ? 0 : ((Number) o).longValue();
    }

    private static BigDecimal minutes(Object o) {
        return o == null ? null : new BigDecimal(o.toString()).setScale(1, RoundingMode.HALF_UP);
    }
}
