package cn.keyaccount.outage;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.customer.CustomerName;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.customer.Importance;
import cn.keyaccount.customer.SupplyMode;
import cn.keyaccount.network.LineView;
import cn.keyaccount.network.NetworkService;
import cn.keyaccount.network.SupplyLine;
import cn.keyaccount.notice.MessageView;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.UnitView;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.supplyplan.ActivePlanPeriod;
import cn.keyaccount.supplyplan.CriticalLoad;
import cn.keyaccount.supplyplan.SupplyPlanService;
import cn.keyaccount.base.calendar.WorkCalendarSource;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Outages: a scheduler registers one on lines (or whole substations); the service finds the key customers on them,
 * looks for conflicts, and schedules every warning through the notice engine at once — or holds the outage for a
 * supervisor when a first warning would be late or a conflict exists. Moving or cancelling withdraws what has not
 * gone out and tells everyone told before. Reads are scoped: schedulers and supervisors see their unit's outages (and
 * those affecting their unit's customers), managers those affecting their customers, customer users their own.
 */
@ApplicationScoped
public class OutageService {

    private static final Set<WarningKind> CUSTOMER_NOTICES = EnumSet.of(WarningKind.WARNING, WarningKind.REMINDER,
            WarningKind.REVISION, WarningKind.CANCELLATION);

    private final OutageRepository outages;
    private final OutageConflictRepository conflicts;
    private final OutageWarningRepository warnings;
    private final CriticalPeriodRepository criticalPeriods;
    private final AffectedCustomers affected;
    private final OutageWarnings notices;
    private final NoticeService noticeService;
    private final NetworkService network;
    private final OrgService org;
    private final SupplyPlanService plans;
    private final WorkCalendarSource calendar;
    private final OutageSettings settings;
    private final AuditService audit;
    private final CustomerQueries customers;
    private final EntityManager em;

    OutageService(OutageRepository outages, OutageConflictRepository conflicts, OutageWarningRepository warnings,
                  CriticalPeriodRepository criticalPeriods, AffectedCustomers affected, OutageWarnings notices,
                  NoticeService noticeService, NetworkService network, OrgService org, SupplyPlanService plans,
                  WorkCalendarSource calendar, OutageSettings settings, AuditService audit, CustomerQueries customers,
                  EntityManager em) {
        this.outages = outages;
        this.conflicts = conflicts;
        this.warnings = warnings;
        this.criticalPeriods = criticalPeriods;
        this.affected = affected;
        this.notices = notices;
        this.noticeService = noticeService;
        this.network = network;
        this.org = org;
        this.plans = plans;
        this.calendar = calendar;
        this.settings = settings;
        this.audit = audit;
        this.customers = customers;
        this.em = em;
    }

    /** The planner with today's holiday calendar and the configured rules. */
    public OutageNoticePlanner planner() {
        return new OutageNoticePlanner(WarningRules.of(settings), calendar.current());
    }

    // ---- registering and changing ----

    /** Registers an outage and schedules its warnings (or holds it); {@code source} names an import file. */
    @Transactional
    public OutageDetails register(Viewer viewer, OutageDraft draft, String source) {
        requirePlanner(viewer);
        UnitView unit = validate(viewer, draft, null);
        Outage o = new Outage(draft.kind(), viewer.username(), source == null || source.isBlank() ? "manual"
                : source.length() > 100 ? source.substring(0, 100) : source);
        o.apply(draft, unit.id(), unit.path());
        outages.persistAndFlush(o);
        List<AffectedCustomers.Found> found = affected.find(cutLines(o));
        OffsetDateTime now = OffsetDateTime.now();
        decide(o, found, Set.of(), now);
        outages.flush();
        affected.replace(o.getId(), found, warn(viewer, o, found, Set.of(), now));
        audit.record(viewer.username(), "OUTAGE_REGISTERED", "OUTAGE", o.getId(), null, o.getUnitPath(),
                o.getKind() + " " + o.getTitle() + " → " + found.size() + " customers, " + o.getStatus(), null,
                snapshot(o));
        return details(viewer, o);
    }

    /**
     * Moves or otherwise changes an outage. Warnings not yet out are withdrawn; customers told before get a revision
     * at once (or a cancellation when their lines are no longer cut); the rest are warned on the new schedule.
     */
    @Transactional
    public OutageDetails update(Viewer viewer, long id, OutageDraft draft) {
        Outage o = manageable(viewer, id);
        if (o.getStatus() == OutageStatus.CANCELLED) {
            throw BusinessException.conflict("error.outage-cancelled");
        }
        if (draft.version() != null && draft.version() != o.getVersion()) {
            throw BusinessException.conflict("error.stale");
        }
        if (draft.kind() != null && draft.kind() != o.getKind()) {
            throw BusinessException.invalid("error.outage-kind-fixed");
        }
        OutageDraft d = new OutageDraft(o.getKind(), draft.title(), draft.reason(), draft.area(),
                draft.transformerAreas(), draft.startsAt(), draft.endsAt(), draft.restorationAt(), draft.unitId(),
                draft.lineIds(), draft.substationIds(), draft.version());
        UnitView unit = validate(viewer, d, o);
        Map<String, Object> before = snapshot(o);
        OffsetDateTime oldStart = o.getStartsAt();
        OffsetDateTime oldEnd = o.getEndsAt();
        Set<Long> told = notices.told(o);
        notices.withdrawPending(o);
        Map<Long, AffectedCustomers.FirstWarningRecord> kept = new HashMap<>(affected.firstWarnings(o.getId()));
        kept.keySet().retainAll(told);
        o.apply(d, unit.id(), unit.path());
        outages.flush();
        List<AffectedCustomers.Found> found = affected.find(cutLines(o));
        String lines = linesLabel(o);
        OffsetDateTime now = OffsetDateTime.now();
        decide(o, found, told, now);
        outages.flush();
        Set<Long> stillAffected = found.stream().map(AffectedCustomers.Found::customerId).collect(Collectors.toSet());
        notices.revision(viewer, o, found.stream().filter(f -> told.contains(f.customerId())).toList(), oldStart,
                oldEnd, lines);
        List<Long> noLonger = told.stream().filter(c -> !stillAffected.contains(c)).sorted().toList();
        notices.cancellation(viewer, o, noLonger, oldStart, oldEnd, null, lines);
        List<Long> revised = new ArrayList<>(noLonger);
        found.stream().map(AffectedCustomers.Found::customerId).filter(told::contains).forEach(revised::add);
        notices.alertManagers(viewer, o, revised, WarningKind.REVISION, lines);
        kept.putAll(warn(viewer, o, found, told, now));
        affected.replace(o.getId(), found, kept);
        audit.record(viewer.username(), "OUTAGE_CHANGED", "OUTAGE", o.getId(), null, o.getUnitPath(),
                o.getTitle() + ": " + told.size() + " revised, " + o.getStatus(), before, snapshot(o));
        return details(viewer, o);
    }

    /** Cancels an outage: pending warnings withdrawn, everyone told before gets a cancellation notice. */
    @Transactional
    public OutageDetails cancel(Viewer viewer, long id, String reason) {
        Outage o = manageable(viewer, id);
        new Validation().notBlank(reason, "reason").maxLength(reason, 500, "reason").throwIfInvalid();
        if (o.getStatus() == OutageStatus.CANCELLED) {
            throw BusinessException.conflict("error.outage-cancelled");
        }
        Set<Long> told = notices.told(o);
        notices.withdrawPending(o);
        o.cancel(reason.trim());
        outages.flush();
        String lines = linesLabel(o);
        notices.cancellation(viewer, o, new TreeSet<>(told), o.getStartsAt(), o.getEndsAt(), reason.trim(), lines);
        notices.alertManagers(viewer, o, told, WarningKind.CANCELLATION, lines);
        audit.record(viewer.username(), "OUTAGE_CANCELLED", "OUTAGE", o.getId(), null, o.getUnitPath(),
                o.getTitle() + ": " + reason.trim() + " (" + told.size() + " told)", null, null);
        return details(viewer, o);
    }

    /**
     * A supervisor's approval of a held outage, with the reason: a late first warning may go out, a conflict is
     * accepted. The warnings are scheduled now, classified by their actual lead.
     */
    @Transactional
    public OutageDetails release(Viewer viewer, long id, String reason) {
        Outage o = visible(viewer, id);
        if (!canRelease(viewer, o)) {
            throw viewer.isSupervisor() || viewer.isAdmin() ? BusinessException.notFound("error.outage-not-found", id)
                    : BusinessException.forbidden("error.outage-release-forbidden");
        }
        new Validation().notBlank(reason, "reason").maxLength(reason, 500, "reason").throwIfInvalid();
        if (o.getStatus() != OutageStatus.HELD) {
            throw BusinessException.conflict("error.outage-not-held");
        }
        o.release(viewer.username(), reason.trim());
        OffsetDateTime now = OffsetDateTime.now();
        o.remindAt(notices.reminderDue(o, planner(), now));
        outages.flush();
        Map<Long, AffectedCustomers.FirstWarningRecord> first = affected.firstWarnings(o.getId());
        Set<Long> warned = first.entrySet().stream().filter(e -> e.getValue().noticeId() != null)
                .map(Map.Entry::getKey).collect(Collectors.toSet());
        List<AffectedCustomers.Found> found = affected.find(cutLines(o));
        String lines = linesLabel(o);
        List<AffectedCustomers.Found> toWarn = found.stream().filter(f -> !warned.contains(f.customerId())).toList();
        affected.recordFirstWarnings(o.getId(), notices.firstWarnings(viewer, o, toWarn, planner(), now, lines));
        notices.alertManagers(viewer, o, ids(toWarn), WarningKind.WARNING, lines);
        audit.record(viewer.username(), "OUTAGE_RELEASED", "OUTAGE", o.getId(), null, o.getUnitPath(),
                o.getTitle() + ": " + reason.trim() + (o.isHeldLate() ? " [late]" : "")
                        + (o.isHeldConflict() ? " [conflict]" : ""), null, null);
        return details(viewer, o);
    }

    /**
     * Finds conflicts and decides: held (a late first warning for a planned outage, or a conflict) or announced, and
     * when an announced outage's reminder is due (written then by {@link #writeNextReminder}). {@code told} customers
     * need no first warning any more.
     */
    private void decide(Outage o, List<AffectedCustomers.Found> found, Set<Long> told, OffsetDateTime now) {
        List<OutageConflict> found2 = findConflicts(o, found);
        conflicts.delete("outageId", o.getId());
        found2.forEach(conflicts::persist);
        boolean late = o.getKind() == OutageKind.PLANNED
                && found.stream().anyMatch(f -> !told.contains(f.customerId()))
                && planner().firstWarning(o.getKind(), o.getStartsAt(), null, now).late();
        o.hold(late, !found2.isEmpty());
        o.remindAt(o.getStatus() == OutageStatus.ANNOUNCED ? notices.reminderDue(o, planner(), now) : null);
    }

    /**
     * Schedules the first warnings of the customers not told yet and the managers' alert, unless the outage is held;
     * returns the first warnings by customer, for the affected rows written after it. The reminder is not written
     * here: {@link #decide} recorded when it is due.
     */
    private Map<Long, AffectedCustomers.FirstWarningRecord> warn(Viewer viewer, Outage o,
                                                                 List<AffectedCustomers.Found> found, Set<Long> told,
                                                                 OffsetDateTime now) {
        if (o.getStatus() == OutageStatus.HELD) {
            return Map.of();
        }
        OutageNoticePlanner planner = planner();
        List<AffectedCustomers.Found> toWarn = found.stream().filter(f -> !told.contains(f.customerId())).toList();
        String lines = linesLabel(o);
        Map<Long, AffectedCustomers.FirstWarningRecord> first = notices.firstWarnings(viewer, o, toWarn, planner,
                now, lines);
        notices.alertManagers(viewer, o, ids(toWarn), WarningKind.WARNING, lines);
        return first;
    }

    /** What {@link #writeNextReminder} did: the outage, and the customers its reminder went to (0: dropped). */
    record ReminderWritten(long outageId, int customers) {
    }

    /**
     * Writes the day-before reminder of one announced outage whose reminder is due by {@code horizon}: one notice to
     * every customer it affects now, going out at the due time (or at once when that has passed), and clears the due
     * time in the same transaction. The row lock ({@code for update skip locked}) and the cleared time make each
     * reminder written once, whichever node runs the job; a reminder whose outage has begun is dropped. Empty when
     * none is due.
     */
    @Transactional
    Optional<ReminderWritten> writeNextReminder(OffsetDateTime horizon, OffsetDateTime now) {
        List<?> due = em.createNativeQuery("select id from outage where reminder_due_at <= ?1 and status = 'ANNOUNCED' "
                + "order by reminder_due_at, id limit 1 for update skip locked").setParameter(1, horizon)
                .getResultList();
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Outage o = outages.findById(((Number) due.getFirst()).longValue());
        OffsetDateTime at = o.getReminderDueAt().isAfter(now) ? o.getReminderDueAt() : now;
        o.remindAt(null);
        outages.flush();
        int customers = 0;
        if (at.isBefore(o.getStartsAt())) {
            // keyed by the outage's version: written once per state of the outage, again after a move
            customers = notices.reminder(Viewer.system(), o, at, linesLabel(o), "outage-reminder:" + o.getId() + ":v"
                    + o.getVersion());
        }
        return Optional.of(new ReminderWritten(o.getId(), customers));
    }

    private static List<Long> ids(List<AffectedCustomers.Found> found) {
        return found.stream().map(AffectedCustomers.Found::customerId).toList();
    }

    private List<OutageConflict> findConflicts(Outage o, List<AffectedCustomers.Found> found) {
        List<OutageConflict> list = new ArrayList<>();
        for (ActivePlanPeriod p : plans.activeOn(cutLines(o), o.getStartsAt(), o.getEndsAt())) {
            list.add(new OutageConflict(o.getId(), ConflictKind.SUPPLY_PLAN, p.customerId(), p.customerName(),
                    p.planId(), p.title() + " (" + p.level() + ", " + p.status() + ")", p.startsAt(), p.endsAt()));
        }
        if (found.isEmpty()) {
            return list;
        }
        List<Long> ids = found.stream().map(AffectedCustomers.Found::customerId).toList();
        List<CriticalPeriod> periods = criticalPeriods.list("customerId in ?1 and startsAt < ?2 and endsAt > ?3",
                ids, o.getEndsAt(), o.getStartsAt());
        if (!periods.isEmpty()) {
            Map<Long, CustomerName> names = customers.names(periods.stream().map(CriticalPeriod::getCustomerId)
                    .distinct().toList());
            for (CriticalPeriod p : periods) {
                CriticalPeriodView v = p.view();
                CustomerName name = names.get(v.customerId());
                list.add(new OutageConflict(o.getId(), ConflictKind.CRITICAL_PERIOD, v.customerId(),
                        name == null ? "" : name.name(), v.id(), v.reason(), v.startsAt(), v.endsAt()));
            }
        }
        return list;
    }

    /**
     * Lines and substations one outage names: a whole substation is named as such, so 200 lines cover any real
     * work; the bound keeps each lookup one statement (PostgreSQL binds at most 65,535 parameters).
     */
    static final int MAX_LINES = 200;
    static final int MAX_SUBSTATIONS = 50;

    private UnitView validate(Viewer viewer, OutageDraft d, Outage existing) {
        OffsetDateTime now = OffsetDateTime.now();
        OutageKind kind = existing == null ? d.kind() : existing.getKind();
        Validation v = new Validation()
                .require(kind != null, "kind", "error.required")
                .notBlank(d.title(), "title").maxLength(d.title(), 200, "title")
                .notBlank(d.reason(), "reason").maxLength(d.reason(), 500, "reason")
                .maxLength(d.area(), 500, "area").maxLength(d.transformerAreas(), 500, "transformerAreas")
                .require(d.startsAt() != null, "startsAt", "error.required")
                .require(d.endsAt() != null, "endsAt", "error.required")
                .require(d.startsAt() == null || d.endsAt() == null || d.endsAt().isAfter(d.startsAt()), "endsAt",
                        "error.outage-period")
                .require(kind == OutageKind.FAULT || d.startsAt() == null || d.startsAt().isAfter(now), "startsAt",
                        "error.outage-start-past")
                .require(!d.lineIds().isEmpty() || !d.substationIds().isEmpty(), "lineIds", "error.outage-no-lines")
                .maxSize(d.lineIds(), MAX_LINES, "lineIds").maxSize(d.substationIds(), MAX_SUBSTATIONS,
                        "substationIds");
        v.throwIfInvalid();
        network.linesForSupply(d.lineIds());
        if (d.substationIds().stream().anyMatch(id -> !network.substationNames().containsKey(id))) {
            throw BusinessException.invalid("error.outage-substation-unknown");
        }
        long unitId = d.unitId() != null ? d.unitId() : existing != null ? existing.getUnitId() : viewer.unitId();
        UnitView unit = org.get(unitId);
        if (!viewer.isAdmin() && !unit.path().startsWith(viewer.unitPath())) {
            throw BusinessException.invalid("error.outage-unit-outside");
        }
        return unit;
    }

    private static void requirePlanner(Viewer viewer) {
        if (!(viewer.isAdmin() || viewer.isSupervisor() || viewer.is(Role.SCHEDULER))) {
            throw BusinessException.forbidden("error.outage-forbidden");
        }
    }

    private Outage manageable(Viewer viewer, long id) {
        requirePlanner(viewer);
        Outage o = visible(viewer, id);
        if (!canManage(viewer, o)) {
            throw BusinessException.forbidden("error.outage-read-only");
        }
        return o;
    }

    static boolean canManage(Viewer v, Outage o) {
        return v.isAdmin() || ((v.isSupervisor() || v.is(Role.SCHEDULER)) && o.getUnitPath().startsWith(v.unitPath()));
    }

    static boolean canRelease(Viewer v, Outage o) {
        return v.isAdmin() || (v.isSupervisor() && o.getUnitPath().startsWith(v.unitPath()));
    }

    private Set<Long> cutLines(Outage o) {
        Set<Long> cut = new TreeSet<>(o.getLineIds());
        cut.addAll(network.lineIdsOfSubstations(o.getSubstationIds()));
        return cut;
    }

    /**
     * The cut lines as the notices name them: each whole substation by name, then the lines cut one by one (outside
     * those substations) by code; an outage on a busy substation stays one phrase instead of a hundred codes.
     */
    private String linesLabel(Outage o) {
        Map<Long, String> substationNames = o.getSubstationIds().isEmpty() ? Map.of() : network.substationNames();
        List<String> substations = o.getSubstationIds().stream().map(substationNames::get).sorted().toList();
        Set<Long> inSubstations = new HashSet<>(network.lineIdsOfSubstations(o.getSubstationIds()));
        List<String> codes = network.linesForSupply(o.getLineIds()).stream()
                .filter(l -> !inSubstations.contains(l.getId())).map(SupplyLine::getCode).sorted().toList();
        return notices.linesLabel(substations, codes);
    }

    private static Map<String, Object> snapshot(Outage o) {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("kind", o.getKind());
        s.put("title", o.getTitle());
        s.put("startsAt", o.getStartsAt());
        s.put("endsAt", o.getEndsAt());
        s.put("lines", new TreeSet<>(o.getLineIds()));
        s.put("substations", new TreeSet<>(o.getSubstationIds()));
        s.put("status", o.getStatus());
        return s;
    }

    // ---- reading ----

    private record Scope(String where, Parameters params) {
    }

    /** An HQL condition on {@code o} (an Outage) limiting rows to what the viewer may see. */
    private static Scope scope(Viewer v) {
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
                    o.isHeldConflict(), o.getCreatedBy());
        }).toList();
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
        return details(viewer, visible(viewer, id));
    }

    private OutageDetails details(Viewer viewer, Outage o) {
        List<LineView> lines = network.linesForSupply(o.getLineIds()).stream().map(LineView::of)
                .sorted(Comparator.comparing(LineView::code)).toList();
        long[] counts = {0, 0};
        em.createQuery("select a.effect, count(a) from AffectedCustomer a where a.outageId = :o group by a.effect",
                Object[].class).setParameter("o", o.getId()).getResultList().forEach(r -> {
                    counts[0] += (Long) r[1];
                    if (r[0] == Effect.ONE_SOURCE_OUT) {
                        counts[1] += (Long) r[1];
                    }
                });
        boolean staff = !viewer.isCustomer();
        List<ConflictView> conflictViews = staff ? conflicts.list("outageId = ?1 order by startsAt", o.getId())
                .stream().map(OutageConflict::view).toList() : List.of();
        List<WarningView> warningViews = staff ? warnings(o, counts[0]) : List.of();
        WarningClass prospective = o.getStatus() == OutageStatus.CANCELLED ? null
                : planner().firstWarning(o.getKind(), o.getStartsAt(), Importance.FIRST, OffsetDateTime.now())
                .warningClass();
        return new OutageDetails(o.getId(), o.getVersion(), o.getKind(), o.getStatus(), o.getTitle(), o.getReason(),
                o.getArea(), o.getTransformerAreas(), o.getStartsAt(), o.getEndsAt(), o.getRestorationAt(),
                o.getUnitId(), lines, new TreeSet<>(o.getSubstationIds()).stream().toList(), o.isHeldLate(),
                o.isHeldConflict(), o.getReleasedBy(), o.getReleasedAt(), o.getReleaseReason(), o.getCancelReason(),
                o.getSource(), o.getCreatedBy(), o.getCreatedAt(), counts[0], counts[1], prospective, conflictViews,
                warningViews, staff && canManage(viewer, o) && o.getStatus() != OutageStatus.CANCELLED,
                canRelease(viewer, o) && o.getStatus() == OutageStatus.HELD);
    }

    /** The notices written for the outage, and last the reminder still to be written when one is due. */
    private List<WarningView> warnings(Outage o, long affectedCount) {
        List<OutageWarning> list = warnings.list("outageId = ?1 order by createdAt, id", o.getId());
        Map<Long, NoticeSummary> summaries = new HashMap<>();
        noticeService.summariesOf(list.stream().map(OutageWarning::getNoticeId).toList())
                .forEach(s -> summaries.put(s.id(), s));
        List<WarningView> views = new ArrayList<>(list.stream().map(w -> {
            NoticeSummary s = summaries.get(w.getNoticeId());
            return new WarningView(w.getNoticeId(), w.getKind(), w.getPlannedAt(), w.getCustomers(), w.isWithdrawn(),
                    false, w.getCreatedBy(), s == null ? 0 : s.total(), s == null ? 0 : s.delivered(),
                    s == null ? 0 : s.sent(), s == null ? 0 : s.failed(), s == null ? 0 : s.expired(),
                    s == null ? 0 : s.scheduled());
        }).toList());
        if (o.getReminderDueAt() != null) {
            views.add(new WarningView(0, WarningKind.REMINDER, o.getReminderDueAt(), (int) affectedCount, false, true,
                    Viewer.system().username(), 0, 0, 0, 0, 0, 0));
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
                .map(OutageService::loadLabel).toList())).toList();
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
    public List<MessageView> messages(Viewer viewer, long outageId, Long customerId, int offset, int limit) {
        return noticeService.messagesOf(messageScope(viewer, outageId, customerId), customerId, offset, limit);
    }

    public long countMessages(Viewer viewer, long outageId, Long customerId) {
        return noticeService.countMessagesOf(messageScope(viewer, outageId, customerId), customerId);
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
        return notices.noticeIds(o, CUSTOMER_NOTICES, false);
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
        OffsetDateTime now = OffsetDateTime.now();
        List<CustomerOutage> all = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(customers.visibleIds(viewer))) {
            all.addAll(ofCustomer(viewer, id, now));
        }
        all.sort(Comparator.comparing(CustomerOutage::startsAt));
        return all;
    }
}
