package cn.keyaccount.supplyplan;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.TimeSettings;
import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.network.LineDetails;
import cn.keyaccount.network.SupplyLine;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.hibernate.Hibernate;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Supply-guarantee plans (保供电预案): writing them (from a template per event type or as a copy of an earlier plan),
 * the workflow draft → submitted → approved → active → closed with its history, and revisions of approved plans.
 * Also the public view of plans in force for outage planning ({@link #activeOn}). Reads run in a transaction too,
 * so that a page reloading after a step sees the step (not an entity cached earlier in the same request).
 */
@ApplicationScoped
@Transactional
public class SupplyPlanService {

    static final ZoneId ZONE = TimeSettings.companyZone();
    private static final String ROW = "select new cn.keyaccount.supplyplan.PlanRow(p.id, c.id, c.name, p.title, "
            + "p.eventType, p.level, p.startsAt, p.endsAt, p.status, p.revision) from SupplyPlan p join p.customer c";

    private final SupplyPlanRepository plans;
    private final PlanTaskRepository tasks;
    private final TruckBookingRepository bookings;
    private final PlanAccess access;
    private final CustomerAccess customers;
    private final UserService users;
    private final PlanTemplates templates;
    private final AuditService audit;
    private final EntityManager em;

    SupplyPlanService(SupplyPlanRepository plans, PlanTaskRepository tasks, TruckBookingRepository bookings,
                      PlanAccess access, CustomerAccess customers, UserService users,
                      PlanTemplates templates, AuditService audit, EntityManager em) {
        this.plans = plans;
        this.tasks = tasks;
        this.bookings = bookings;
        this.access = access;
        this.customers = customers;
        this.users = users;
        this.templates = templates;
        this.audit = audit;
        this.em = em;
    }

    /** Filters of the plan list; any may be null. */
    public record PlanFilter(PlanStatus status, Long customerId, String text) {
        public static PlanFilter all() {
            return new PlanFilter(null, null, null);
        }
    }

    /** One page of the plans the viewer may see, newest period first, paged in SQL. */
    public List<PlanRow> list(Viewer viewer, PlanFilter filter, int offset, int limit) {
        Where w = where(viewer, filter);
        TypedQuery<PlanRow> q = em.createQuery(ROW + " where " + w.hql + " order by p.startsAt desc, p.id desc",
                PlanRow.class);
        w.params.map().forEach(q::setParameter);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(Viewer viewer, PlanFilter filter) {
        Where w = where(viewer, filter);
        TypedQuery<Long> q = em.createQuery("select count(p) from SupplyPlan p join p.customer c where " + w.hql,
                Long.class);
        w.params.map().forEach(q::setParameter);
        return q.getSingleResult();
    }

    private record Where(String hql, Parameters params) {
    }

    private static Where where(Viewer viewer, PlanFilter f) {
        CustomerAccess.Scope scope = CustomerAccess.scope(viewer);
        List<String> parts = new ArrayList<>(List.of(scope.where()));
        Parameters params = new Parameters();
        scope.params().map().forEach(params::and);
        if (viewer.isCustomer()) {
            parts.add("p.status in :customerSees");
            params.and("customerSees", PlanAccess.CUSTOMER_SEES);
        }
        if (f.status() != null) {
            parts.add("p.status = :status");
            params.and("status", f.status());
        } else {
            parts.add("p.status <> :superseded");
            params.and("superseded", PlanStatus.SUPERSEDED);
        }
        if (f.customerId() != null) {
            parts.add("c.id = :customer");
            params.and("customer", f.customerId());
        }
        if (f.text() != null && !f.text().isBlank()) {
            parts.add("(lower(p.title) like :text or lower(c.name) like :text or c.accountNo like :text)");
            params.and("text", "%" + f.text().trim().toLowerCase() + "%");
        }
        return new Where(String.join(" and ", parts), params);
    }

    public PlanDetails get(Viewer viewer, long planId) {
        return details(viewer, access.visible(viewer, planId));
    }

    /** The plans of one customer the viewer may see, newest first (for "copy last year's plan"). */
    public List<PlanRow> ofCustomer(Viewer viewer, long customerId) {
        customers.visible(viewer, customerId);
        return list(viewer, new PlanFilter(null, customerId, null), 0, 50);
    }

    /** The plans in force (approved or active) of the customer user's own accounts, for the portal. */
    public List<PlanDetails> inForceForCustomer(Viewer viewer) {
        List<PlanRow> rows = new ArrayList<>(list(viewer, new PlanFilter(PlanStatus.ACTIVE, null, null), 0, 50));
        rows.addAll(list(viewer, new PlanFilter(PlanStatus.APPROVED, null, null), 0, 50));
        return rows.stream().map(r -> get(viewer, r.id())).toList();
    }

    @Transactional
    public PlanDetails create(Viewer viewer, PlanDraft draft) {
        Customer c = draft.customerId() == null ? null : customers.visible(viewer, draft.customerId());
        if (c != null && !access.canWrite(viewer, c)) {
            throw BusinessException.forbidden("error.plan-read-only");
        }
        Set<SupplyLine> lines = PlanValidator.validate(draft, c);
        SupplyPlan p = new SupplyPlan(c, users.account(viewer.userId()));
        p.apply(draft, lines);
        p.move(PlanStatus.DRAFT, "CREATE", viewer.username(), "");
        plans.persistAndFlush(p);
        record(viewer, p, "PLAN_CREATED", null);
        return details(viewer, p);
    }

    /**
     * A new draft from the content template of its event type: risks, resources, duty roles and checklist tasks
     * (due dates counted back from the start), with the customer's lines as its supply.
     */
    @Transactional
    public PlanDetails createFromTemplate(Viewer viewer, Long customerId, EventType type, String eventName,
                                          PlanLevel level, OffsetDateTime startsAt, OffsetDateTime endsAt) {
        new Validation().require(customerId != null, "customerId", "error.required").throwIfInvalid();
        Customer c = customers.visible(viewer, customerId);
        PlanTemplates.PlanTemplate t = templates.forEvent(type == null ? EventType.STANDING : type);
        List<Long> lineIds = c.getLines().stream().map(SupplyLine::getId).sorted().toList();
        String lineNames = c.getLines().stream().map(l -> LineDetails.of(l).label()).sorted()
                .collect(Collectors.joining("、"));
        String title = c.getName() + (eventName == null ? "" : eventName.trim()) + "保供电预案";
        PlanDetails created = create(viewer, new PlanDraft(customerId, title, type, eventName, level, startsAt,
                endsAt, t.supplySources() == null ? "" : t.supplySources().replace("{线路}", lineNames), lineIds,
                t.loads(), t.risks(), t.resources(), t.duties(), null));
        SupplyPlan p = plans.findById(created.id());
        for (PlanTemplates.TaskTemplate task : t.tasks()) {
            tasks.persist(new PlanTask(p, task.title(), task.party(), task.owner(), null,
                    startsAt.atZoneSameInstant(ZONE).toLocalDate().minusDays(task.daysBefore())));
        }
        tasks.flush();
        return details(viewer, p);
    }

    /**
     * A new draft for the same customer with the content of an earlier plan (typically last year's), moved to a new
     * period; checklist tasks move with it by the same number of days and start open. Lines that no longer feed the
     * customer are left out.
     */
    @Transactional
    public PlanDetails copy(Viewer viewer, long sourcePlanId, String eventName, OffsetDateTime startsAt,
                            OffsetDateTime endsAt) {
        SupplyPlan source = access.visible(viewer, sourcePlanId);
        PlanDraft d = source.toDraft();
        String name = eventName == null || eventName.isBlank() ? d.eventName() : eventName.trim();
        String title = d.title().replace(d.eventName(), name);
        Set<Long> stillOwn = source.getCustomer().getLines().stream().map(SupplyLine::getId)
                .collect(Collectors.toSet());
        PlanDetails created = create(viewer, new PlanDraft(d.customerId(), title, d.eventType(), name, d.level(),
                startsAt, endsAt, d.supplySources(), d.lineIds().stream().filter(stillOwn::contains).toList(),
                d.loads(), d.risks(), d.resources(), d.duties(), null));
        SupplyPlan p = plans.findById(created.id());
        long shift = startsAt == null ? 0 : Duration.between(source.getStartsAt(), startsAt).toDays();
        for (PlanTask task : tasks.list("plan", Sort.by("dueOn").and("id"), source)) {
            tasks.persist(task.copyFor(p, shift, false));
        }
        tasks.flush();
        return details(viewer, p);
    }

    @Transactional
    public PlanDetails update(Viewer viewer, long planId, PlanDraft draft) {
        SupplyPlan p = access.editableDraft(viewer, planId);
        if (draft.version() != null && draft.version() != p.getVersion()) {
            throw BusinessException.conflict("error.stale");
        }
        Map<String, Object> before = snapshot(p);
        p.apply(draft, PlanValidator.validate(draft, p.getCustomer()));
        plans.flush();
        record(viewer, p, "PLAN_UPDATED", before);
        return details(viewer, p);
    }

    /** One workflow step by a viewer allowed to take it, kept in the plan's history with the comment. */
    @Transactional
    public PlanDetails transition(Viewer viewer, long planId, PlanAction action, String comment) {
        SupplyPlan p = access.visible(viewer, planId);
        if (action == null) {
            throw BusinessException.invalid("error.plan-action-unknown");
        }
        if (!access.may(viewer, p, action)) {
            throw BusinessException.forbidden("error.plan-action-forbidden");
        }
        if (p.getStatus() != action.from()) {
            throw BusinessException.conflict("error.plan-action-not-now", p.getStatus(), action);
        }
        if (action == PlanAction.REJECT && (comment == null || comment.isBlank())) {
            throw BusinessException.invalid("error.plan-reject-needs-reason");
        }
        if (action == PlanAction.SUBMIT && tasks.count("plan", p) == 0) {
            throw BusinessException.invalid("error.plan-needs-tasks");
        }
        step(p, action, viewer.username(), comment);
        return details(viewer, p);
    }

    private void step(SupplyPlan p, PlanAction action, String actor, String comment) {
        p.move(action.to(), action.name(), actor, comment);
        SupplyPlan previous = Hibernate.unproxy(p.getPrevious(), SupplyPlan.class);
        if (action == PlanAction.APPROVE && previous != null && previous.getStatus().inForce()) {
            boolean wasActive = previous.getStatus() == PlanStatus.ACTIVE;
            previous.move(PlanStatus.SUPERSEDED, "SUPERSEDE", actor, "revision " + p.getRevision());
            if (wasActive) {
                p.move(PlanStatus.ACTIVE, PlanAction.ACTIVATE.name(), actor, "revision replaces an active plan");
            }
        }
        plans.flush();
        audit.record(actor, "PLAN_" + action.name(), "SUPPLY_PLAN", p.getId(), p.getCustomer().getId(),
                p.getCustomer().getUnit().getPath(), p.getTitle() + " → " + p.getStatus(), null,
                Map.of("status", p.getStatus(), "comment", comment == null ? "" : comment));
    }

    /**
     * Starts a new revision of an approved or active plan: a draft with the same content, tasks and truck bookings,
     * pointing at this one. This one stays in force until the revision is approved, then it is superseded.
     */
    @Transactional
    public PlanDetails revise(Viewer viewer, long planId) {
        SupplyPlan p = access.writable(viewer, planId);
        if (!p.getStatus().inForce()) {
            throw BusinessException.conflict("error.plan-not-revisable");
        }
        if (plans.count("previous", p) > 0) {
            throw BusinessException.conflict("error.plan-revision-exists");
        }
        SupplyPlan next = p.newRevision(users.account(viewer.userId()));
        next.move(PlanStatus.DRAFT, "REVISE", viewer.username(), "revision of " + p.getRevision());
        plans.persistAndFlush(next);
        for (PlanTask task : tasks.list("plan", Sort.by("dueOn").and("id"), p)) {
            tasks.persist(task.copyFor(next, 0, true));
        }
        bookings.list("plan", p).forEach(b -> b.moveTo(next));
        tasks.flush();
        record(viewer, next, "PLAN_REVISED", null);
        return details(viewer, next);
    }

    /** Activates approved plans whose period has begun (run by the scheduler); returns how many. */
    @Transactional
    public int activateDue(OffsetDateTime now) {
        List<SupplyPlan> due = plans.list("status = ?1 and startsAt <= ?2", PlanStatus.APPROVED, now);
        due.forEach(p -> step(p, PlanAction.ACTIVATE, "system", "period started"));
        return due.size();
    }

    /**
     * For outage planning (the outage feature calls this): the plans in force — approved or active, not superseded —
     * whose period overlaps [from, to) and which list any of the given lines. Not scoped to a viewer: a planned outage
     * must respect every plan on its lines, whoever plans it. Empty when no line is given.
     */
    public List<ActivePlanPeriod> activeOn(Collection<Long> lineIds, OffsetDateTime from, OffsetDateTime to) {
        if (lineIds == null || lineIds.isEmpty() || from == null || to == null || !to.isAfter(from)) {
            return List.of();
        }
        Set<Long> asked = new HashSet<>(lineIds);
        List<SupplyPlan> found = em.createQuery("select distinct p from SupplyPlan p join fetch p.customer "
                        + "join p.lines l where l.id in :lines and p.status in :inForce and p.startsAt < :to "
                        + "and p.endsAt > :from order by p.startsAt", SupplyPlan.class)
                .setParameter("lines", asked).setParameter("inForce", EnumSet.of(PlanStatus.APPROVED,
                        PlanStatus.ACTIVE)).setParameter("from", from).setParameter("to", to).getResultList();
        return found.stream().map(p -> new ActivePlanPeriod(p.getId(), p.getCustomer().getId(),
                p.getCustomer().getName(), p.getTitle(), p.getLevel(), p.getStatus(), p.getStartsAt(), p.getEndsAt(),
                p.getLines().stream().map(SupplyLine::getId).filter(asked::contains).sorted().toList())).toList();
    }

    /**
     * For outage planning: the critical loads (重要负荷) the customers' plans name — plans in force, submitted or
     * closed, newest first, each load name once. Not scoped: the caller shows them for customers it may see.
     */
    public Map<Long, List<CriticalLoad>> criticalLoadsOf(Collection<Long> customerIds) {
        if (customerIds == null || customerIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Map<String, CriticalLoad>> byCustomer = new HashMap<>();
        em.createQuery("select p.customer.id, l.name, l.loadKw, l.note from SupplyPlan p join p.loads l "
                        + "where p.customer.id in :ids and p.status in :named order by p.startsAt desc, p.id desc",
                        Object[].class)
                .setParameter("ids", customerIds).setParameter("named", EnumSet.of(PlanStatus.SUBMITTED,
                        PlanStatus.APPROVED, PlanStatus.ACTIVE, PlanStatus.CLOSED)).getResultList()
                .forEach(r -> byCustomer.computeIfAbsent((Long) r[0], k -> new LinkedHashMap<>())
                        .putIfAbsent((String) r[1], new CriticalLoad((String) r[1], (BigDecimal) r[2], (String) r[3])));
        Map<Long, List<CriticalLoad>> loads = new HashMap<>();
        byCustomer.forEach((id, named) -> loads.put(id, List.copyOf(named.values())));
        return loads;
    }

    PlanDetails details(Viewer viewer, SupplyPlan p) {
        Set<PlanAction> actions = EnumSet.noneOf(PlanAction.class);
        for (PlanAction a : PlanAction.values()) {
            if (p.getStatus() == a.from() && access.may(viewer, p, a)) {
                actions.add(a);
            }
        }
        boolean writer = access.canWrite(viewer, p);
        List<TaskDetails> taskViews = tasks.list("plan", Sort.by("dueOn").and("id"), p).stream()
                .map(PlanTask::toView).toList();
        List<BookingDetails> bookingViews = bookings.list("plan", Sort.by("startsAt").and("id"), p).stream()
                .map(TruckBooking::toView).toList();
        Customer c = p.getCustomer();
        return new PlanDetails(p.getId(), p.getVersion(), c.getId(), c.getName(), c.getAccountNo(), p.getRevision(),
                p.getPrevious() == null ? null : p.getPrevious().getId(), p.getTitle(), p.getEventType(),
                p.getEventName(), p.getLevel(), p.getStartsAt(), p.getEndsAt(), p.getStatus(), p.getSupplySources(),
                p.getAuthor().getDisplayName(), p.getLines().stream().map(LineDetails::of)
                .sorted(Comparator.comparing(LineDetails::code)).toList(), List.copyOf(p.getLoads()),
                List.copyOf(p.getRisks()), List.copyOf(p.getResources()), List.copyOf(p.getDuties()),
                List.copyOf(p.getTransitions()), taskViews, bookingViews, writer,
                writer && p.getStatus() == PlanStatus.DRAFT, actions,
                writer && p.getStatus().inForce() && plans.count("previous", p) == 0);
    }

    private void record(Viewer viewer, SupplyPlan p, String action, Map<String, Object> before) {
        audit.record(viewer.username(), action, "SUPPLY_PLAN", p.getId(), p.getCustomer().getId(),
                p.getCustomer().getUnit().getPath(), p.getTitle(), before, snapshot(p));
    }

    private static Map<String, Object> snapshot(SupplyPlan p) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("title", p.getTitle());
        s.put("revision", p.getRevision());
        s.put("eventType", p.getEventType());
        s.put("eventName", p.getEventName());
        s.put("level", p.getLevel());
        s.put("startsAt", String.valueOf(p.getStartsAt()));
        s.put("endsAt", String.valueOf(p.getEndsAt()));
        s.put("status", p.getStatus());
        s.put("lines", p.getLines().stream().map(SupplyLine::getCode).sorted().toList());
        s.put("risks", p.getRisks().size());
        s.put("duties", p.getDuties().size());
        return s;
    }
}
