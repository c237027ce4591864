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
 * The service-request dashboard, every figure aggregated in PostgreSQL (group by, grouping sets, percentile_cont),
 * none in memory: supervisors over their units, administrators over all, a manager over their own (the requests of
 * the customers they manage or back up, and those they own). The scope below is {@link RequestAccess#scope} written
 * in SQL (percentiles and grouping sets need SQL); a test holds the two together. Requests are taken by the day they
 * were received, in the company's time zone.
 *
 * <p>Speed (100,000 requests county-wide in well under 300 ms): each statement reads service_request alone — the
 * scope is tested against the short lists of the viewer's customers and units (hashed sub-selects) instead of
 * joining every request to its customer, units and handler; compliance is first counted per type, unit, handler and
 * month (a few thousand groups) and only those groups are joined to the names and summed into the four groupings.
 * Counts are additive and the percentiles still run over the rows themselves, so every figure is the one the
 * straightforward joins give (a test compares them on the same data).
 */
@ApplicationScoped
public class RequestDashboard {

    /** The longest period one dashboard covers. */
    static final int MAX_YEARS = 3;
    static final String FROM = " from service_request r join customer c on c.id = r.customer_id "
            + "join org_unit cu on cu.id = c.unit_id join org_unit u on u.id = r.owner_unit_id "
            + "left join app_user o on o.id = r.owner_id ";

    private final EntityManager em;
    private final Clock clock;

    RequestDashboard(EntityManager em, Clock clock) {
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
                + "or r.resolve_due_at < :now), count(*) from service_request r where " + scope(viewer, p)
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
        Query q = query("with g as (select r.request_type as type, r.owner_unit_id as unit_id, r.owner_id, "
                + "date_trunc('month', r.opened_at at time zone :zone) as month, "
                + "count(*) filter (where " + decided + ") as due, "
                + "count(*) filter (where " + decided + " and " + met + ") as kept from service_request r "
                + "where " + scope(viewer, p) + " and " + inPeriod("r.opened_at")
                + " and r.resolve_due_at is not null group by 1, 2, 3, 4) "
                + "select grouping(g.type), grouping(u.name), grouping(o.display_name), "
                + "g.type, u.name, o.display_name, to_char(g.month, 'YYYY-MM'), sum(g.due), sum(g.kept) "
                + "from g join org_unit u on u.id = g.unit_id left join app_user o on o.id = g.owner_id "
                + "group by grouping sets ((g.type), (u.name), (o.display_name), (to_char(g.month, 'YYYY-MM'))) "
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
                + "count(*) filter (where r.closed_at <= r.resolve_due_at) from service_request r where "
                + scope(viewer, p)
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
                + " from service_request r join service_request_return_visit v on v.request_id = r.id where "
                + scope(viewer, p)
                + " and " + inPeriod("v.at") + " group by r.request_type", p);
        Map<RequestType, DashboardDetails.Satisfaction> byType = new HashMap<>();
        for (Object[] row : rows(q)) {
            RequestType type = RequestType.valueOf((String) row[0]);
            byType.put(type, new DashboardDetails.Satisfaction(type, n(row[1]),
                    new BigDecimal(row[2].toString()).setScale(2, RoundingMode.HALF_UP), n(row[3])));
        }
        return Arrays.stream(RequestType.values()).filter(byType::containsKey).map(byType::get).toList();
    }

    /**
     * One page of the period's requests for the export, after {@code afterId} in id order (keyset paging): id,
     * account, customer, type, service kind, status, area, subject, handler, unit, received, responded, closed, the
     * two deadlines.
     */
    @Transactional
    public List<Object[]> requestsPage(Viewer viewer, LocalDate from, LocalDate to, long afterId, int size) {
        Map<String, Object> p = period(from, to);
        p.put("afterId", afterId);
        Query q = query("select r.id, c.account_no, c.name, r.request_type, r.service_kind, r.status, r.area, "
                + "r.subject, o.display_name, u.name, r.opened_at, r.responded_at, r.closed_at, r.respond_due_at, "
                + "r.resolve_due_at" + FROM + "where " + scope(viewer, p) + " and " + inPeriod("r.opened_at")
                + " and r.id > :afterId order by r.id", p);
        return rows(q.setMaxResults(size));
    }

    /**
     * The viewer's requests in SQL over {@code r} (service_request) alone: {@link RequestAccess#scope} for the roles
     * that have a dashboard — a supervisor's units hold the customer or the request, or they handle it; a manager
     * manages or backs up the customer, or handles the request. Customer and units are not null, so no row is lost
     * by not joining them.
     */
    static String scope(Viewer v, Map<String, Object> p) {
        if (v.isAdmin()) {
            return "true";
        }
        p.put("me", v.userId());
        if (v.isSupervisor()) {
            p.put("path", v.unitPath() + "%");
            return "(r.customer_id in (select sc.id from customer sc join org_unit scu on scu.id = sc.unit_id "
                    + "where scu.path like :path) "
                    + "or r.owner_unit_id in (select su.id from org_unit su where su.path like :path) "
                    + "or r.owner_id = :me)";
        }
        return "(r.customer_id in (select sc.id from customer sc where sc.manager_id = :me "
                + "or sc.backup_manager_id = :me) or r.owner_id = :me)";
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
