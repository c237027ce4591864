package cn.keyaccount.outage;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.notice.NoticeQueries;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.UnitDetails;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The compliance figures a supervisor shows: per month (of the outage start, Asia/Shanghai) and responsible unit
 * (with the units below), how early each affected customer's first warning went out and how many of the warning
 * messages were delivered. Cancelled outages are left out.
 */
@ApplicationScoped
public class OutageCompliance {

    private final EntityManager em;
    private final NoticeQueries notices;
    private final OrgService org;
    private final ZoneId zone;

    OutageCompliance(EntityManager em, NoticeQueries notices, OrgService org, OutageSettings settings) {
        this.em = em;
        this.notices = notices;
        this.org = org;
        this.zone = settings.zone();
    }

    /** The unit the figures are for: the one asked (within the viewer's) or the viewer's own. */
    public UnitDetails unit(Viewer viewer, Long unitId) {
        if (!(viewer.isAdmin() || viewer.isSupervisor() || viewer.is(Role.SCHEDULER))) {
            throw BusinessException.forbidden("error.outage-forbidden");
        }
        long id = unitId != null ? unitId : viewer.isAdmin() && viewer.unitId() == 0 ? rootUnit() : viewer.unitId();
        UnitDetails unit = org.get(id);
        if (!viewer.isAdmin() && !unit.path().startsWith(viewer.unitPath())) {
            throw BusinessException.notFound("error.unit-not-found", id);
        }
        return unit;
    }

    private long rootUnit() {
        return org.all().getFirst().id();
    }

    public ComplianceSummary month(Viewer viewer, YearMonth month, Long unitId) {
        UnitDetails unit = unit(viewer, unitId);
        OffsetDateTime from = month.atDay(1).atStartOfDay(zone).toOffsetDateTime();
        OffsetDateTime to = month.plusMonths(1).atDay(1).atStartOfDay(zone).toOffsetDateTime();
        List<Outage> list = em.createQuery("select o from Outage o where o.unitPath like :path and o.startsAt >= :from "
                        + "and o.startsAt < :to and o.status <> :cancelled order by o.startsAt, o.id", Outage.class)
                .setParameter("path", unit.path() + "%").setParameter("from", from).setParameter("to", to)
                .setParameter("cancelled", OutageStatus.CANCELLED).getResultList();
        List<ComplianceOutage> rows = rows(list);
        long[] t = new long[11];
        for (ComplianceOutage r : rows) {
            long[] v = {r.affected(), r.onTime(), r.belowRegulation(), r.late(), r.atOnce(), r.notWarned(),
                r.messages(), r.dispatched(), r.delivered(), r.failed()};
            for (int i = 0; i < v.length; i++) {
                t[i] += v[i];
            }
        }
        return new ComplianceSummary(month.toString(), unit.id(), unit.name(), rows.size(), t[0], t[1], t[2], t[3],
                t[4], t[5], t[6], t[7], t[8], t[9], rows);
    }

    /** The last {@code count} months up to {@code last}, oldest first, for the trend table. */
    public List<ComplianceSummary> months(Viewer viewer, YearMonth last, int count, Long unitId) {
        List<ComplianceSummary> list = new ArrayList<>();
        for (int i = count - 1; i >= 0; i--) {
            list.add(month(viewer, last.minusMonths(i), unitId));
        }
        return list;
    }

    private List<ComplianceOutage> rows(List<Outage> list) {
        if (list.isEmpty()) {
            return List.of();
        }
        List<Long> ids = list.stream().map(Outage::getId).toList();
        Map<Long, Map<WarningClass, Long>> classes = new HashMap<>();
        Map<Long, Long> unwarned = new HashMap<>();
        em.createQuery("select a.outageId, a.warningClass, count(a) from AffectedCustomer a where a.outageId in :ids "
                        + "group by a.outageId, a.warningClass", Object[].class).setParameter("ids", ids)
                .getResultList().forEach(r -> {
                    if (r[1] == null) {
                        unwarned.merge((Long) r[0], (Long) r[2], Long::sum);
                    } else {
                        classes.computeIfAbsent((Long) r[0], k -> new EnumMap<>(WarningClass.class))
                                .put((WarningClass) r[1], (Long) r[2]);
                    }
                });
        Map<Long, List<Long>> noticesByOutage = new HashMap<>();
        em.createQuery("select w.outageId, w.noticeId from OutageWarning w where w.outageId in :ids and w.kind = :k",
                        Object[].class).setParameter("ids", ids).setParameter("k", WarningKind.WARNING)
                .getResultList().forEach(r -> noticesByOutage.computeIfAbsent((Long) r[0], k -> new ArrayList<>())
                        .add((Long) r[1]));
        Map<Long, NoticeSummary> summaries = new HashMap<>();
        notices.summariesOf(noticesByOutage.values().stream().flatMap(List::stream).toList())
                .forEach(s -> summaries.put(s.id(), s));
        return list.stream().map(o -> {
            Map<WarningClass, Long> c = classes.getOrDefault(o.getId(), Map.of());
            long messages = 0;
            long dispatched = 0;
            long delivered = 0;
            long failed = 0;
            for (Long n : noticesByOutage.getOrDefault(o.getId(), List.of())) {
                NoticeSummary s = summaries.get(n);
                if (s != null) {
                    messages += s.total();
                    dispatched += s.sent() + s.delivered() + s.failed();
                    delivered += s.delivered();
                    failed += s.failed();
                }
            }
            long on = c.getOrDefault(WarningClass.ON_TIME, 0L);
            long below = c.getOrDefault(WarningClass.BELOW_REGULATION, 0L);
            long late = c.getOrDefault(WarningClass.LATE, 0L);
            long atOnce = c.getOrDefault(WarningClass.AT_ONCE, 0L);
            long none = unwarned.getOrDefault(o.getId(), 0L);
            return new ComplianceOutage(o.getId(), o.getKind(), o.getStatus(), o.getTitle(), o.getStartsAt(),
                    on + below + late + atOnce + none, on, below, late, atOnce, none, messages, dispatched, delivered,
                    failed);
        }).toList();
    }
}
