package cn.keyaccount.outage;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.CustomerName;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.network.NetworkService;
import cn.keyaccount.network.SupplyLine;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.UnitDetails;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.supplyplan.ActivePlanPeriod;
import cn.keyaccount.supplyplan.SupplyPlanService;
import cn.keyaccount.base.calendar.WorkCalendarSource;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The changes to outages: a scheduler registers one on lines (or whole substations); the service finds the key
 * customers on them, looks for conflicts, and schedules every warning through the notice engine at once — or holds
 * the outage for a supervisor when a first warning would be late or a conflict exists. Moving or cancelling withdraws
 * what has not gone out and tells everyone told before. The reads are {@link OutageQueries}'.
 * <p>
 * A save looks up the cut lines and asks the planner once, and makes one call into {@link OutageWarnings}: saving an
 * outage on a busy substation is benchmarked (bench/outage-warnings).
 */
@ApplicationScoped
public class OutageService {

    /**
     * Lines and substations one outage names: a whole substation is named as such, so 200 lines cover any real
     * work; the bound keeps each lookup one statement (PostgreSQL binds at most 65,535 parameters).
     */
    static final int MAX_LINES = 200;
    static final int MAX_SUBSTATIONS = 50;

    private final OutageRepository outages;
    private final OutageConflictRepository conflicts;
    private final CriticalPeriodRepository criticalPeriods;
    private final AffectedCustomers affected;
    private final OutageWarnings notices;
    private final OutageQueries queries;
    private final NetworkService network;
    private final OrgService org;
    private final SupplyPlanService plans;
    private final AuditService audit;
    private final CustomerQueries customers;
    private final EntityManager em;
    private final Clock clock;
    private final Event<FaultRestored> restoredEvents;

    OutageService(OutageRepository outages, OutageConflictRepository conflicts,
                  CriticalPeriodRepository criticalPeriods, AffectedCustomers affected, OutageWarnings notices,
                  OutageQueries queries, NetworkService network, OrgService org, SupplyPlanService plans,
                  AuditService audit, CustomerQueries customers, EntityManager em, Clock clock,
                  Event<FaultRestored> restoredEvents) {
        this.outages = outages;
        this.conflicts = conflicts;
        this.criticalPeriods = criticalPeriods;
        this.affected = affected;
        this.notices = notices;
        this.queries = queries;
        this.network = network;
        this.org = org;
        this.plans = plans;
        this.audit = audit;
        this.customers = customers;
        this.em = em;
        this.clock = clock;
        this.restoredEvents = restoredEvents;
    }

    /** Registers an outage and schedules its warnings (or holds it); {@code source} names an import file. */
    @Transactional
    public OutageDetails register(Viewer viewer, OutageDraft draft, String source) {
        requirePlanner(viewer);
        Checked checked = validate(viewer, draft, null);
        Outage o = new Outage(draft.kind(), viewer.username(), source == null || source.isBlank() ? "manual"
                : source.length() > 100 ? source.substring(0, 100) : source);
        o.apply(draft, checked.unit().id(), checked.unit().path());
        outages.persistAndFlush(o);
        CutLines cut = cut(o, checked.named(), checked.substationNames());
        List<AffectedCustomers.Found> found = affected.find(cut.ids());
        OffsetDateTime now = OffsetDateTime.now(clock);
        OutageNoticePlanner planner = queries.planner();
        decide(o, found, Set.of(), cut, planner, now);
        outages.flush();
        affected.replace(o.getId(), found, notices.registered(viewer, o, found, cut, planner, now));
        audit.record(viewer.username(), "OUTAGE_REGISTERED", "OUTAGE", o.getId(), null, o.getUnitPath(),
                o.getKind() + " " + o.getTitle() + " → " + found.size() + " customers, " + o.getStatus(), null,
                snapshot(o));
        return queries.details(viewer, o, cut.named(), planner, now);
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
        Checked checked = validate(viewer, d, o);
        Map<String, Object> before = snapshot(o);
        OutageWarnings.Before was = new OutageWarnings.Before(o.getStartsAt(), o.getEndsAt(), queries.told(o));
        Map<Long, AffectedCustomers.FirstWarningRecord> kept = new HashMap<>(affected.firstWarnings(o.getId()));
        kept.keySet().retainAll(was.told());
        o.apply(d, checked.unit().id(), checked.unit().path());
        outages.flush();
        CutLines cut = cut(o, checked.named(), checked.substationNames());
        List<AffectedCustomers.Found> found = affected.find(cut.ids());
        OffsetDateTime now = OffsetDateTime.now(clock);
        OutageNoticePlanner planner = queries.planner();
        decide(o, found, was.told(), cut, planner, now);
        outages.flush();
        kept.putAll(notices.changed(viewer, o, was, found, cut, planner, now));
        affected.replace(o.getId(), found, kept);
        audit.record(viewer.username(), "OUTAGE_CHANGED", "OUTAGE", o.getId(), null, o.getUnitPath(),
                o.getTitle() + ": " + was.told().size() + " revised, " + o.getStatus(), before, snapshot(o));
        return queries.details(viewer, o, cut.named(), planner, now);
    }

    /** Cancels an outage: pending warnings withdrawn, everyone told before gets a cancellation notice. */
    @Transactional
    public OutageDetails cancel(Viewer viewer, long id, String reason) {
        Outage o = manageable(viewer, id);
        new Validation().notBlank(reason, "reason").maxLength(reason, 500, "reason").throwIfInvalid();
        if (o.getStatus() == OutageStatus.CANCELLED) {
            throw BusinessException.conflict("error.outage-cancelled");
        }
        Set<Long> told = queries.told(o);
        o.cancel(reason.trim());
        outages.flush();
        CutLines cut = cut(o);
        notices.cancelled(viewer, o, told, reason.trim(), cut);
        audit.record(viewer.username(), "OUTAGE_CANCELLED", "OUTAGE", o.getId(), null, o.getUnitPath(),
                o.getTitle() + ": " + reason.trim() + " (" + told.size() + " told)", null, null);
        return queries.details(viewer, o, cut.named(), queries.planner(), OffsetDateTime.now(clock));
    }

    /** A phone's clock may run ahead of the server's by this much; later is refused. */
    static final long CLOCK_SKEW_SECONDS = 120;

    /**
     * A fault outage's power is back at {@code at} (now when null), with an optional note: recorded once, audited, and
     * the repairs linked to the fault close together with it ({@link FaultRestored}).
     */
    @Transactional
    public OutageDetails restored(Viewer viewer, long id, OffsetDateTime at, String note) {
        Outage o = manageable(viewer, id);
        if (o.getKind() != OutageKind.FAULT) {
            throw BusinessException.conflict("error.outage-not-fault");
        }
        if (o.getStatus() == OutageStatus.CANCELLED) {
            throw BusinessException.conflict("error.outage-cancelled");
        }
        if (o.getRestoredAt() != null) {
            throw BusinessException.conflict("error.outage-restored-already");
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime when = at == null ? now : at;
        String text = note == null || note.isBlank() ? null : note.strip();
        new Validation().maxLength(text, 500, "note")
                .require(!when.isBefore(o.getStartsAt()), "at", "error.outage-restored-before-start")
                .require(!when.isAfter(now.plusSeconds(CLOCK_SKEW_SECONDS)), "at", "error.outage-restored-future")
                .throwIfInvalid();
        o.restored(when, viewer.displayName(), text);
        outages.flush();
        restoredEvents.fire(new FaultRestored(o.getId(), when, text, viewer.username(), viewer.displayName()));
        audit.record(viewer.username(), "OUTAGE_RESTORED", "OUTAGE", o.getId(), null, o.getUnitPath(),
                o.getTitle() + ": " + when + (text == null ? "" : " " + text), null, null);
        return queries.details(viewer, o, cut(o).named(), queries.planner(), now);
    }

    /**
     * A supervisor's approval of a held outage, with the reason: a late first warning may go out, a conflict is
     * accepted. The warnings are scheduled now, classified by their actual lead.
     */
    @Transactional
    public OutageDetails release(Viewer viewer, long id, String reason) {
        Outage o = queries.visible(viewer, id);
        if (!OutageQueries.canRelease(viewer, o)) {
            throw viewer.isSupervisor() || viewer.isAdmin() ? BusinessException.notFound("error.outage-not-found", id)
                    : BusinessException.forbidden("error.outage-release-forbidden");
        }
        new Validation().notBlank(reason, "reason").maxLength(reason, 500, "reason").throwIfInvalid();
        if (o.getStatus() != OutageStatus.HELD) {
            throw BusinessException.conflict("error.outage-not-held");
        }
        o.release(viewer.username(), reason.trim());
        OffsetDateTime now = OffsetDateTime.now(clock);
        OutageNoticePlanner planner = queries.planner();
        o.remindAt(reminderDue(o, planner, planner.firstWarning(o.getKind(), o.getStartsAt(), null, now), now));
        outages.flush();
        Set<Long> warned = affected.firstWarnings(o.getId()).entrySet().stream()
                .filter(e -> e.getValue().noticeId() != null).map(Map.Entry::getKey).collect(Collectors.toSet());
        CutLines cut = cut(o);
        List<AffectedCustomers.Found> toWarn = affected.find(cut.ids()).stream()
                .filter(f -> !warned.contains(f.customerId())).toList();
        affected.recordFirstWarnings(o.getId(), notices.released(viewer, o, toWarn, cut, planner, now));
        audit.record(viewer.username(), "OUTAGE_RELEASED", "OUTAGE", o.getId(), null, o.getUnitPath(),
                o.getTitle() + ": " + reason.trim() + (o.isHeldLate() ? " [late]" : "")
                        + (o.isHeldConflict() ? " [conflict]" : ""), null, null);
        return queries.details(viewer, o, cut.named(), planner, now);
    }

    /**
     * Finds conflicts and decides: held (a late first warning for a planned outage, or a conflict) or announced, and
     * when an announced outage's reminder is due (written then by {@link #writeNextReminder}). {@code told} customers
     * need no first warning any more.
     */
    private void decide(Outage o, List<AffectedCustomers.Found> found, Set<Long> told, CutLines cut,
                        OutageNoticePlanner planner, OffsetDateTime now) {
        List<OutageConflict> found2 = findConflicts(o, found, cut);
        conflicts.delete("outageId", o.getId());
        found2.forEach(conflicts::persist);
        OutageNoticePlanner.FirstWarning first = planner.firstWarning(o.getKind(), o.getStartsAt(), null, now);
        boolean late = o.getKind() == OutageKind.PLANNED
                && found.stream().anyMatch(f -> !told.contains(f.customerId()))
                && first.late();
        o.hold(late, !found2.isEmpty());
        o.remindAt(o.getStatus() == OutageStatus.ANNOUNCED ? reminderDue(o, planner, first, now) : null);
    }

    /**
     * When the reminder before the outage day is owed, when the rules give one: what saving an outage records. Its
     * messages are written later, shortly before that time ({@link #writeNextReminder}), so that saving an outage on
     * a busy substation writes only the first warning.
     */
    private static OffsetDateTime reminderDue(Outage o, OutageNoticePlanner planner,
                                              OutageNoticePlanner.FirstWarning first, OffsetDateTime now) {
        return planner.reminder(o.getKind(), o.getStartsAt(), first.at(), now).orElse(null);
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
            customers = notices.reminder(Viewer.system(), o, at, cut(o), "outage-reminder:" + o.getId() + ":v"
                    + o.getVersion());
        }
        return Optional.of(new ReminderWritten(o.getId(), customers));
    }

    private List<OutageConflict> findConflicts(Outage o, List<AffectedCustomers.Found> found, CutLines cut) {
        List<OutageConflict> list = new ArrayList<>();
        for (ActivePlanPeriod p : plans.activeOn(cut.ids(), o.getStartsAt(), o.getEndsAt())) {
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
                CriticalPeriodDetails v = p.view();
                CustomerName name = names.get(v.customerId());
                list.add(new OutageConflict(o.getId(), ConflictKind.CRITICAL_PERIOD, v.customerId(),
                        name == null ? "" : name.name(), v.id(), v.reason(), v.startsAt(), v.endsAt()));
            }
        }
        return list;
    }

    /** A valid draft's unit, the lines it names one by one, and the substation names (empty when it names none). */
    private record Checked(UnitDetails unit, List<SupplyLine> named, Map<Long, String> substationNames) {
    }

    private Checked validate(Viewer viewer, OutageDraft d, Outage existing) {
        OffsetDateTime now = OffsetDateTime.now(clock);
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
        List<SupplyLine> named = network.linesForSupply(d.lineIds());
        Map<Long, String> substationNames = d.substationIds().isEmpty() ? Map.of() : network.substationNames();
        if (d.substationIds().stream().anyMatch(id -> !substationNames.containsKey(id))) {
            throw BusinessException.invalid("error.outage-substation-unknown");
        }
        long unitId = d.unitId() != null ? d.unitId() : existing != null ? existing.getUnitId() : viewer.unitId();
        UnitDetails unit = org.get(unitId);
        if (!viewer.isAdmin() && !unit.path().startsWith(viewer.unitPath())) {
            throw BusinessException.invalid("error.outage-unit-outside");
        }
        return new Checked(unit, named, substationNames);
    }

    private static void requirePlanner(Viewer viewer) {
        if (!(viewer.isAdmin() || viewer.isSupervisor() || viewer.is(Role.SCHEDULER))) {
            throw BusinessException.forbidden("error.outage-forbidden");
        }
    }

    private Outage manageable(Viewer viewer, long id) {
        requirePlanner(viewer);
        Outage o = queries.visible(viewer, id);
        if (!OutageQueries.canManage(viewer, o)) {
            throw BusinessException.forbidden("error.outage-read-only");
        }
        return o;
    }

    /** The lines the outage cuts, looked up once. */
    private CutLines cut(Outage o) {
        return cut(o, network.linesForSupply(o.getLineIds()),
                o.getSubstationIds().isEmpty() ? Map.of() : network.substationNames());
    }

    /**
     * The lines the outage cuts, from the lines it names and the substation names already looked up: each whole
     * substation by name, then the lines cut one by one (outside those substations) by code.
     */
    private CutLines cut(Outage o, List<SupplyLine> named, Map<Long, String> substationNames) {
        List<Long> inSubstations = network.lineIdsOfSubstations(o.getSubstationIds());
        Set<Long> ids = new TreeSet<>(o.getLineIds());
        ids.addAll(inSubstations);
        Set<Long> inSubstation = new HashSet<>(inSubstations);
        List<String> substations = o.getSubstationIds().stream().map(substationNames::get).sorted().toList();
        List<String> codes = named.stream().filter(l -> !inSubstation.contains(l.getId())).map(SupplyLine::getCode)
                .sorted().toList();
        return new CutLines(ids, named, substations, codes);
    }

    private static Map<String, Object> snapshot(Outage o) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("kind", o.getKind());
        s.put("title", o.getTitle());
        s.put("startsAt", o.getStartsAt());
        s.put("endsAt", o.getEndsAt());
        s.put("lines", new TreeSet<>(o.getLineIds()));
        s.put("substations", new TreeSet<>(o.getSubstationIds()));
        s.put("status", o.getStatus());
        return s;
    }
}
