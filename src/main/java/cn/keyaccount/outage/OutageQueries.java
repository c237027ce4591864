package cn.keyaccount.outage;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.customer.CustomerName;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.customer.Importance;
import cn.keyaccount.customer.SupplyMode;
import cn.keyaccount.network.LineDetails;
import cn.keyaccount.network.NetworkService;
import cn.keyaccount.network.SupplyLine;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticeQueries;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.supplyplan.CriticalLoad;
import cn.keyaccount.supplyplan.SupplyPlanService;
import cn.keyaccount.base.calendar.WorkCalendarSource;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The reads of outages, scoped to the viewer: schedulers and supervisors see their unit's outages (and those
 * affecting their unit's customers), managers those affecting their customers, customer users their own. The list,
 * one outage's details (with its conflicts and the notices written for it), the customers it affects, the messages
 * sent for it, and a customer's outages. The changes are {@link OutageService}'s.
 */
@ApplicationScoped
public class OutageQueries {

    private static final Set<WarningKind> CUSTOMER_NOTICES = EnumSet.of(WarningKind.WARNING, WarningKind.REMINDER,
            WarningKind.REVISION, WarningKind.CANCELLATION);
    /** Notices that told customers something about the outage (the manager alerts are not to customers). */
    private static final Set<WarningKind> TO_CUSTOMERS = EnumSet.of(WarningKind.WARNING, WarningKind.REMINDER,
            WarningKind.REVISION);

    private final OutageConflictRepository conflicts;
    private final OutageWarningRepository warnings;
    private final NoticeQueries noticeQueries;
    private final NetworkService network;
    private final SupplyPlanService plans;
    private final OutageSettings settings;
    private final WorkCalendarSource calendar;
    private final CustomerQueries customers;
    private final EntityManager em;
    private final Clock clock;

    OutageQueries(OutageConflictRepository conflicts, OutageWarningRepository warnings, NoticeQueries noticeQueries,
                  NetworkService network, SupplyPlanService plans, OutageSettings settings, WorkCalendarSource calendar,
                  CustomerQueries customers, EntityManager em, Clock clock) {
        this.conflicts = conflicts;
        this.warnings = warnings;
        this.noticeQueries = noticeQueries;
        this.network = network;
        this.plans = plans;
        this.settings = settings;
        this.calendar = calendar;
        this.customers = customers;
        this.em = em;
        this.clock = clock;
    }

    /** The planner with today's holiday calendar and the configured rules. */
    OutageNoticePlanner planner() {
        return new OutageNoticePlanner(WarningRules.of(settings), calendar.current());
    }

    record Scope(String where, Parameters params) {
    }

    /** An HQL condition on {@code o} (an Outage) limiting rows to what the viewer may see. */
    static Scope scope(Viewer v) {
        CustomerQueries.Subquery visible = CustomerQueries.visibleTo(v);
        String affects = "exists (select 1 from AffectedCustomer a where a.outageId = o.id "
                + "and a.customerId in (" + visible.hql() + "))";
        Parameters p = new Parameters();
        visible.params().map().forEach(p::and);
        return switch (v.role()) {
            case ADMIN -> new Scope("1 = 1", new Parameters());
            case SUPERVISOR, SCHEDULER -> new Scope("(o.unitPath like :outagePath or " + affects + ")",
                    p.and("outagePath", v.unitPath() + "%"));
            case ACCOUNT_MANAGER, CUSTOMER -> new Scope(affects, p);
            case REPAIR_CREW -> new Scope("1 = 0", new Parameters());
        };
    }

    /** A filter of the outage list. */
    public record OutageFilter(OutageStatus status, OutageKind kind, OffsetDateTime from, OffsetDateTime to) {
        public static OutageFilter all() {
            return new OutageFilter(null, null, null, null);
        }
    }

    private <T> TypedQuery<T> query(Viewer viewer, String select, OutageFilter f, String order, Class<T> type) {
        Scope s = scope(viewer);
        StringBuilder where = new StringBuilder(s.where());
        OutageFilter filter = f == null ? OutageFilter.all() : f;
        if (filter.status() != null) {
            where.append(" and o.status = :status");
        }
        if (filter.kind() != null) {
            where.append(" and o.kind = :kind");
        }
        if (filter.from() != null) {
            where.append(" and o.endsAt > :from");
        }
        if (filter.to() != null) {
            where.append(" and o.startsAt < :to");
        }
        TypedQuery<T> q = em.createQuery(select + " where " + where + order, type);
        s.params().map().forEach(q::setParameter);
        if (filter.status() != null) {
            q.setParameter("status", filter.status());
        }
        if (filter.kind() != null) {
            q.setParameter("kind", filter.kind());
        }
        if (filter.from() != null) {
            q.setParameter("from", filter.from());
        }
        if (filter.to() != null) {
            q.setParameter("to", filter.to());
        }
        return q;
    }

    /** One page of the outages the viewer may see, by start (soonest first). */
    public List<OutageRow> list(Viewer viewer, OutageFilter filter, int offset, int limit) {
        List<Outage> page = query(viewer, "select o from Outage o", filter, " order by o.startsAt, o.id",
                Outage.class).setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows(page);
    }

    public long count(Viewer viewer, OutageFilter filter) {
        return query(viewer, "select count(o) from Outage o", filter, "", Long.class).getSingleResult();
    }

    private List<OutageRow> rows(List<Outage> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        List<Long> ids = page.stream().map(Outage::getId).toList();
        Map<Long, long[]> counts = new HashMap<>();
        em.createQuery("select a.outageId, a.effect, count(a) from AffectedCustomer a where a.outageId in :ids "
                        + "group by a.outageId, a.effect", Object[].class).setParameter("ids", ids).getResultList()
                .forEach(r -> {
                    long[] c = counts.computeIfAbsent((Long) r[0], k -> new long[2]);
                    c[0] += (Long) r[2];
                    if (r[1] == Effect.ONE_SOURCE_OUT) {
                        c[1] += (Long) r[2];
                    }
                });
        Map<Long, WarningClass> warned = new HashMap<>();
        em.createQuery("select distinct a.outageId, a.warningClass from AffectedCustomer a where a.outageId in :ids "
                        + "and a.warningClass is not null", Object[].class).setParameter("ids", ids).getResultList()
                .forEach(r -> warned.merge((Long) r[0], (WarningClass) r[1], OutageQueries::worse));
        List<Object[]> lineIds = em.createQuery("select o.id, lid from Outage o join o.lineIds lid where o.id in :ids",
                Object[].class).setParameter("ids", ids).getResultList();
        Map<Long, String> codes = network.lineCodes(lineIds.stream().map(r -> (Long) r[1]).distinct().toList());
        Map<Long, TreeSet<String>> lines = new HashMap<>();
        lineIds.stream().filter(r -> codes.containsKey((Long) r[1])).forEach(r -> lines.computeIfAbsent((Long) r[0],
                k -> new TreeSet<>()).add(codes.get((Long) r[1])));
        return page.stream().map(o -> {
            long[] c = counts.getOrDefault(o.getId(), new long[2]);
            return new OutageRow(o.getId(), o.getKind(), o.getStatus(), o.getTitle(), o.getStartsAt(), o.getEndsAt(),
                    String.join(" ", lines.getOrDefault(o.getId(), new TreeSet<>())), c[0], c[1], o.isHeldLate(),
                    o.isHeldConflict(), o.getCreatedBy(), warned.get(o.getId()));
        }).toList();
    }

    /** Of two warning classes, the one that tells more about a lateness: late, then 5–7 days, on time, at once. */
    private static WarningClass worse(WarningClass a, WarningClass b) {
        List<WarningClass> order = List.of(WarningClass.AT_ONCE, WarningClass.ON_TIME, WarningClass.BELOW_REGULATION,
                WarningClass.LATE);
        return order.indexOf(a) >= order.indexOf(b) ? a : b;
    }

    /** The outage if the viewer may see it; otherwise "not found". */
    Outage visible(Viewer viewer, long id) {
        Scope s = scope(viewer);
        TypedQuery<Outage> q = em.createQuery("select o from Outage o where o.id = :id and " + s.where(),
                Outage.class).setParameter("id", id);
        s.params().map().forEach(q::setParameter);
        return q.getResultStream().findFirst()
                .orElseThrow(() -> BusinessException.notFound("error.outage-not-found", id));
    }

    @Transactional
    public OutageDetails get(Viewer viewer, long id) {
        Outage o = visible(viewer, id);
        return details(viewer, o, network.linesForSupply(o.getLineIds()), planner(), OffsetDateTime.now(clock));
    }

    /**
     * One outage as its page shows it; {@code lines} are the lines it names one by one, {@code planner} and
     * {@code now} what the class of a first warning sent now is read from (a save passes what it looked up already).
     */
    OutageDetails details(Viewer viewer, Outage o, List<SupplyLine> namedLines, OutageNoticePlanner planner,
                          OffsetDateTime now) {
        List<LineDetails> lines = namedLines.stream().map(LineDetails::of).sorted(Comparator.comparing(LineDetails::code))
                .toList();
        long[] counts = {0, 0};
        em.createQuery("select a.effect, count(a) from AffectedCustomer a where a.outageId = :o group by a.effect",
                Object[].class).setParameter("o", o.getId()).getResultList().forEach(r -> {
                    counts[0] += (Long) r[1];
                    if (r[0] == Effect.ONE_SOURCE_OUT) {
                        counts[1] += (Long) r[1];
                    }
                });
        boolean staff = !viewer.isCustomer();
        List<ConflictDetails> conflictViews = staff ? conflicts.list("outageId = ?1 order by startsAt", o.getId())
                .stream().map(OutageConflict::view).toList() : List.of();
        List<WarningDetails> warningViews = staff ? warnings(o, counts[0]) : List.of();
        WarningClass prospective = o.getStatus() == OutageStatus.CANCELLED ? null
                : planner.firstWarning(o.getKind(), o.getStartsAt(), Importance.FIRST, now).warningClass();
        return new OutageDetails(o.getId(), o.getVersion(), o.getKind(), o.getStatus(), o.getTitle(), o.getReason(),
                o.getArea(), o.getTransformerAreas(), o.getStartsAt(), o.getEndsAt(), o.getRestorationAt(),
                o.getUnitId(), lines, new TreeSet<>(o.getSubstationIds()).stream().toList(), o.isHeldLate(),
                o.isHeldConflict(), o.getReleasedBy(), o.getReleasedAt(), o.getReleaseReason(), o.getCancelReason(),
                o.getSource(), o.getCreatedBy(), o.getCreatedAt(), counts[0], counts[1], prospective, conflictViews,
                warningViews, staff && canManage(viewer, o) && o.getStatus() != OutageStatus.CANCELLED,
                canRelease(viewer, o) && o.getStatus() == OutageStatus.HELD, o.getRestoredAt(), o.getRestoredBy(),
                o.getRestoredNote(), staff && canManage(viewer, o) && o.getKind() == OutageKind.FAULT
                && o.getStatus() != OutageStatus.CANCELLED && o.getRestoredAt() == null);
    }

    /** The notices written for the outage, and last the reminder still to be written when one is due. */
    private List<WarningDetails> warnings(Outage o, long affectedCount) {
        List<OutageWarning> list = warnings.list("outageId = ?1 order by createdAt, id", o.getId());
        Map<Long, NoticeSummary> summaries = new HashMap<>();
        noticeQueries.summariesOf(list.stream().map(OutageWarning::getNoticeId).toList())
                .forEach(s -> summaries.put(s.id(), s));
        Map<Long, Long> acknowledged = new HashMap<>();
        if (!list.isEmpty()) {
            em.createQuery("select a.warningId, count(a) from OutageWarningAck a where a.warningId in :ids "
                            + "group by a.warningId", Object[].class)
                    .setParameter("ids", list.stream().map(OutageWarning::getId).toList()).getResultStream()
                    .forEach(r -> acknowledged.put((Long) r[0], (Long) r[1]));
        }
        List<WarningDetails> views = new ArrayList<>(list.stream().map(w -> {
            NoticeSummary s = summaries.get(w.getNoticeId());
            return new WarningDetails(w.getNoticeId(), w.getKind(), w.getPlannedAt(), w.getCustomers(), w.isWithdrawn(),
                    false, w.getCreatedBy(), s == null ? 0 : s.total(), s == null ? 0 : s.delivered(),
                    s == null ? 0 : s.sent(), s == null ? 0 : s.failed(), s == null ? 0 : s.expired(),
                    s == null ? 0 : s.scheduled(), acknowledged.getOrDefault(w.getId(), 0L));
        }).toList());
        if (o.getReminderDueAt() != null) {
            views.add(new WarningDetails(0, WarningKind.REMINDER, o.getReminderDueAt(), (int) affectedCount, false, true,
                    Viewer.system().username(), 0, 0, 0, 0, 0, 0, 0));
        }
        return views;
    }

    /**
     * One page of the customers an outage affects, "one source out" or "out" ({@code effect} filters), with the
     * critical loads of dual-supply customers; managers and customer users see only their own customers.
     */
    @Transactional
    public List<AffectedRow> affected(Viewer viewer, long outageId, Effect effect, int offset, int limit) {
        Outage o = visible(viewer, outageId);
        CustomerQueries.Join customer = CustomerQueries.joinedOn("a.customerId");
        TypedQuery<Object[]> q = affectedQuery(viewer, o, effect, "select a.outageId, a.effect, a.linesOut, "
                + "a.warningClass, a.firstPlannedAt, a.firstNoticeId, " + customer.columns(),
                " order by a.effect desc, " + customer.byImportanceAndName(), Object[].class);
        List<AffectedRow> rows = q.setFirstResult(offset).setMaxResults(limit).getResultList().stream()
                .map(r -> {
                    CustomerQueries.Listed c = CustomerQueries.Listed.read(r, 6);
                    return new AffectedRow((Long) r[0], c.id(), c.accountNo(), c.name(), c.importance(),
                            c.supplyMode(), (Effect) r[1], (String) r[2], c.managerName(), (WarningClass) r[3],
                            (OffsetDateTime) r[4], (Long) r[5], List.of());
                }).toList();
        List<Long> dual = rows.stream().filter(r -> r.supplyMode() == SupplyMode.DUAL).map(AffectedRow::customerId)
                .toList();
        Map<Long, List<CriticalLoad>> loads = plans.criticalLoadsOf(dual);
        return rows.stream().map(r -> r.withCriticalLoads(loads.getOrDefault(r.customerId(), List.of()).stream()
                .map(OutageQueries::loadLabel).toList())).toList();
    }

    public long countAffected(Viewer viewer, long outageId, Effect effect) {
        Outage o = visible(viewer, outageId);
        return affectedQuery(viewer, o, effect, "select count(a)", "", Long.class).getSingleResult();
    }

    private <T> TypedQuery<T> affectedQuery(Viewer viewer, Outage o, Effect effect, String select, String order,
                                            Class<T> type) {
        boolean own = viewer.isManager() || viewer.isCustomer();
        CustomerAccess.Scope cs = CustomerAccess.scope(viewer);
        CustomerQueries.Join customer = CustomerQueries.joinedOn("a.customerId");
        TypedQuery<T> q = em.createQuery(select + " from AffectedCustomer a, " + customer.from() + " where "
                + customer.on() + " and a.outageId = :o" + (effect == null ? "" : " and a.effect = :effect")
                + (own ? " and " + cs.where() : "") + order, type).setParameter("o", o.getId());
        if (effect != null) {
            q.setParameter("effect", effect);
        }
        if (own) {
            cs.params().map().forEach(q::setParameter);
        }
        return q;
    }

    private static String loadLabel(CriticalLoad l) {
        BigDecimal kw = l.loadKw();
        return kw == null ? l.name() : l.name() + " " + kw.stripTrailingZeros().toPlainString() + " kW";
    }

    /**
     * The messages sent for an outage (of one customer when given): the drill-down of the compliance figures and
     * what a customer sees. Managers and customer users must name a customer of their own.
     */
    public List<MessageDetails> messages(Viewer viewer, long outageId, Long customerId, int offset, int limit) {
        return noticeQueries.messagesOf(messageScope(viewer, outageId, customerId), customerId, offset, limit);
    }

    public long countMessages(Viewer viewer, long outageId, Long customerId) {
        return noticeQueries.countMessagesOf(messageScope(viewer, outageId, customerId), customerId);
    }

    private List<Long> messageScope(Viewer viewer, long outageId, Long customerId) {
        Outage o = visible(viewer, outageId);
        if (viewer.isManager() || viewer.isCustomer()) {
            if (customerId == null) {
                throw BusinessException.invalid("error.outage-customer-required");
            }
            if (!customers.isVisible(viewer, customerId)) {
                throw BusinessException.notFound("error.customer-not-found", customerId);
            }
        }
        return noticeIds(o, CUSTOMER_NOTICES);
    }

    /** The customers any warning, reminder or revision of the outage has reached (or is reaching right now). */
    Set<Long> told(Outage o) {
        return noticeQueries.customersReached(noticeIds(o, TO_CUSTOMERS));
    }

    private List<Long> noticeIds(Outage o, Set<WarningKind> kinds) {
        return warnings.list("outageId = ?1 and kind in ?2", o.getId(), kinds).stream()
                .map(OutageWarning::getNoticeId).toList();
    }

    /** The outages affecting one customer (the customer page's tab, the portal), upcoming and recent. */
    public List<CustomerOutage> ofCustomer(Viewer viewer, long customerId, OffsetDateTime since) {
        CustomerQueries.Subquery visible = CustomerQueries.visibleTo(viewer);
        TypedQuery<Object[]> q = visible.bind(em.createQuery("select o, a.effect, a.linesOut, a.warningClass, "
                + "a.firstPlannedAt from Outage o, AffectedCustomer a where a.outageId = o.id "
                + "and a.customerId = :customer and a.customerId in (" + visible.hql() + ") and o.endsAt > :since"
                + (viewer.isCustomer() ? " and o.status <> cn.keyaccount.outage.OutageStatus.HELD" : "")
                + " order by o.startsAt desc", Object[].class)).setParameter("customer", customerId)
                .setParameter("since", since);
        List<Object[]> rows = q.setMaxResults(200).getResultList();
        CustomerName c = rows.isEmpty() ? null : customers.names(List.of(customerId)).get(customerId);
        return rows.stream().map(r -> {
            Outage o = (Outage) r[0];
            return new CustomerOutage(o.getId(), customerId, c.accountNo(), c.name(), o.getKind(), o.getStatus(),
                    o.getTitle(), o.getReason(), o.getArea(), o.getStartsAt(), o.getEndsAt(), o.getRestorationAt(),
                    (Effect) r[1], (String) r[2], (WarningClass) r[3], (OffsetDateTime) r[4]);
        }).toList();
    }

    /** For the portal: upcoming and running outages on any of the customer user's accounts, soonest first. */
    public List<CustomerOutage> upcomingForCustomer(Viewer viewer) {
        if (!viewer.isCustomer()) {
            throw BusinessException.forbidden("error.outage-forbidden");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<CustomerOutage> all = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(customers.visibleIds(viewer))) {
            all.addAll(ofCustomer(viewer, id, now));
        }
        all.sort(Comparator.comparing(CustomerOutage::startsAt));
        return all;
    }

    static boolean canManage(Viewer v, Outage o) {
        return v.isAdmin() || ((v.isSupervisor() || v.is(Role.SCHEDULER)) && o.getUnitPath().startsWith(v.unitPath()));
    }

    static boolean canRelease(Viewer v, Outage o) {
        return v.isAdmin() || (v.isSupervisor() && o.getUnitPath().startsWith(v.unitPath()));
    }
}
