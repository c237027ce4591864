package cn.keyaccount.visit;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.org.OrgUnitQueries;
import cn.keyaccount.security.AppUser;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Visits as people handle them: the scoped list and calendar, adding, moving, confirming and cancelling a visit,
 * recording it with its follow-up tasks, and the customer's answer from the portal. Who may see a visit follows
 * who may see its customer ({@link CustomerAccess}); another's visit by id is absent (404). Reads run in their own
 * transaction, so that a screen reloading after a change in the same request sees the change.
 */
@ApplicationScoped
public class VisitService {

    static final String ROW = "select v.id, v.version, c.id, c.accountNo, c.name, m.id, m.displayName, v.type, "
            + "v.plannedDate, v.plannedTime, v.status, v.origin, v.doneDate, v.satisfaction, v.customerResponse, "
            + "v.customerNote, v.customerProposedDate, "
            + "(select count(t) from VisitTask t where t.visit = v and t.closedAt is null) "
            + "from Visit v join v.customer c join v.manager m";
    private static final int TEXT = 500;

    private final VisitRepository visits;
    private final VisitTaskRepository tasks;
    private final CustomerAccess access;
    private final AuditService audit;
    private final EntityManager em;

    private final Clock clock;

    VisitService(Clock clock, VisitRepository visits, VisitTaskRepository tasks, CustomerAccess access, AuditService audit,
                 EntityManager em) {
        this.clock = clock;
        this.visits = visits;
        this.tasks = tasks;
        this.access = access;
        this.audit = audit;
        this.em = em;
    }

    /** The company's day now ({@code keyaccount.zone}), for screens that offer or limit dates. */
    public LocalDate today() {
        return VisitDates.today(clock);
    }

    /** One page of the visits the viewer may see, by planned date and time. */
    @Transactional
    public List<VisitRow> list(Viewer viewer, VisitQuery query, int offset, int limit) {
        LocalDate today = VisitDates.today(clock);
        Where w = where(viewer, query, today);
        TypedQuery<Object[]> q = em.createQuery(ROW + " where " + w.hql
                + " order by v.plannedDate, v.plannedTime nulls last, v.id", Object[].class);
        w.params.map().forEach(q::setParameter);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(r -> row(r, today))
                .toList();
    }

    /**
     * One page of an export: the visits of the query (cancelled ones left out) after the given position in
     * (planned date, id) order, with their records and follow-up tasks, read in two statements and in a
     * transaction of its own, so that an export of any length never holds one long transaction.
     */
    @Transactional
    public List<VisitDetails> exportPage(Viewer viewer, VisitQuery query, ExportPosition after, int limit) {
        LocalDate today = VisitDates.today(clock);
        Where w = where(viewer, query, today);
        String keyset = after == null ? ""
                : " and (v.plannedDate > :afterDate or (v.plannedDate = :afterDate and v.id > :afterId))";
        TypedQuery<Visit> q = em.createQuery("select v from Visit v join fetch v.customer c join fetch v.manager m"
                + " where " + w.hql + " and v.status <> cn.keyaccount.visit.VisitStatus.CANCELLED" + keyset
                + " order by v.plannedDate, v.id", Visit.class);
        w.params.map().forEach(q::setParameter);
        if (after != null) {
            q.setParameter("afterDate", after.plannedDate()).setParameter("afterId", after.id());
        }
        List<Visit> page = q.setMaxResults(limit).getResultList();
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, List<TaskRow>> tasksOf = new HashMap<>();
        em.createQuery("select t from VisitTask t join fetch t.visit v join fetch v.customer join fetch v.manager"
                        + " where v.id in :ids order by t.dueDate, t.id", VisitTask.class)
                .setParameter("ids", page.stream().map(Visit::getId).toList()).getResultList()
                .forEach(t -> tasksOf.computeIfAbsent(t.getVisit().getId(), k -> new ArrayList<>())
                        .add(taskRow(t, today)));
        return page.stream().map(v -> details(v, tasksOf.getOrDefault(v.getId(), List.of()), false)).toList();
    }

    /** Where an export page ends: the last visit's planned date and id. */
    public record ExportPosition(LocalDate plannedDate, long id) {
    }

    @Transactional
    public long count(Viewer viewer, VisitQuery query) {
        Where w = where(viewer, query, VisitDates.today(clock));
        TypedQuery<Long> q = em.createQuery("select count(v) from Visit v join v.customer c join v.manager m where "
                + w.hql, Long.class);
        w.params.map().forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** The customer card's visit facts (404 outside the viewer's reach): two statements. */
    @Transactional
    public CustomerVisitSummary summaryOf(Viewer viewer, long customerId) {
        access.visible(viewer, customerId);
        Object[] done = em.createQuery("select max(case when v.status = cn.keyaccount.visit.VisitStatus.DONE "
                        + "then v.doneDate end), (select count(t) from VisitTask t where t.visit.customer.id = :customer "
                        + "and t.closedAt is null) from Visit v where v.customer.id = :customer", Object[].class)
                .setParameter("customer", customerId).getSingleResult();
        List<Object[]> next = em.createQuery("select v.id, v.plannedDate from Visit v where v.customer.id = :customer "
                        + "and v.status in (cn.keyaccount.visit.VisitStatus.PLANNED, "
                        + "cn.keyaccount.visit.VisitStatus.CONFIRMED) "
                        + "order by v.plannedDate, v.plannedTime nulls last, v.id", Object[].class)
                .setParameter("customer", customerId).setMaxResults(1).getResultList();
        LocalDate today = VisitDates.today(clock);
        Long nextId = next.isEmpty() ? null : (Long) next.getFirst()[0];
        LocalDate nextDay = next.isEmpty() ? null : (LocalDate) next.getFirst()[1];
        return new CustomerVisitSummary((LocalDate) done[0], nextId, nextDay,
                nextDay != null && nextDay.isBefore(today), (Long) done[1]);
    }

    record Where(String hql, Parameters params) {
    }

    static Where where(Viewer viewer, VisitQuery query, LocalDate today) {
        CustomerAccess.Scope scope = CustomerAccess.scope(viewer);
        List<String> parts = new ArrayList<>(List.of(scope.where()));
        Parameters p = new Parameters();
        scope.params().map().forEach(p::and);
        // a calendar shows a done visit on the day it was done (VisitRow.day)
        String day = query.calendarDays() ? "(case when v.status = cn.keyaccount.visit.VisitStatus.DONE "
                + "and v.doneDate is not null then v.doneDate else v.plannedDate end)" : "v.plannedDate";
        if (query.from() != null) {
            parts.add(day + " >= :from");
            p.and("from", query.from());
        }
        if (query.to() != null) {
            parts.add(day + " <= :to");
            p.and("to", query.to());
        }
        if (query.managerId() != null) {
            parts.add("m.id = :manager");
            p.and("manager", query.managerId());
        }
        if (query.unitId() != null) {
            parts.add("m.unit.path like " + OrgUnitQueries.subtreePattern("unit"));
            p.and("unit", query.unitId());
        }
        if (query.customerId() != null) {
            parts.add("c.id = :customer");
            p.and("customer", query.customerId());
        }
        switch (query.show()) {
            case OPEN -> parts.add("v.status in (cn.keyaccount.visit.VisitStatus.PLANNED, "
                    + "cn.keyaccount.visit.VisitStatus.CONFIRMED)");
            case OVERDUE -> {
                parts.add("v.status in (cn.keyaccount.visit.VisitStatus.PLANNED, "
                        + "cn.keyaccount.visit.VisitStatus.CONFIRMED) and v.plannedDate < :today");
                p.and("today", today);
            }
            case DONE -> parts.add("v.status = cn.keyaccount.visit.VisitStatus.DONE");
            case CANCELLED -> parts.add("v.status = cn.keyaccount.visit.VisitStatus.CANCELLED");
            case RESCHEDULE_REQUESTED -> parts.add("v.customerResponse = "
                    + "cn.keyaccount.visit.CustomerResponse.RESCHEDULE_REQUESTED and v.status in "
                    + "(cn.keyaccount.visit.VisitStatus.PLANNED, cn.keyaccount.visit.VisitStatus.CONFIRMED)");
            case ALL -> {
            }
        }
        return new Where(String.join(" and ", parts), p);
    }

    static VisitRow row(Object[] r, LocalDate today) {
        VisitStatus status = (VisitStatus) r[10];
        LocalDate planned = (LocalDate) r[8];
        return new VisitRow((Long) r[0], (Long) r[1], (Long) r[2], (String) r[3], (String) r[4], (Long) r[5],
                (String) r[6], (VisitType) r[7], planned, (LocalTime) r[9], status, (VisitOrigin) r[11],
                (LocalDate) r[12], (Integer) r[13], (CustomerResponse) r[14], (String) r[15], (LocalDate) r[16],
                (Long) r[17], VisitDates.isOverdue(status, planned, today));
    }

    @Transactional
    public VisitDetails get(Viewer viewer, long id) {
        Visit v = visible(viewer, id);
        return details(v, access.canEdit(viewer, v.getCustomer()));
    }

    /** Adds a visit by hand for the customer's primary manager (or the manager adding it). */
    @Transactional
    public VisitDetails create(Viewer viewer, VisitDraft draft) {
        new Validation().require(draft.customerId() != null, "customerId", "error.required")
                .require(draft.type() != null, "type", "error.required")
                .require(draft.plannedDate() != null, "plannedDate", "error.required")
                .require(draft.plannedDate() == null || !draft.plannedDate().isBefore(VisitDates.today(clock)),
                        "plannedDate", "error.visit-date-past")
                .throwIfInvalid();
        Customer c = access.editable(viewer, draft.customerId());
        AppUser manager = viewer.isManager() ? em.find(AppUser.class, viewer.userId()) : c.getManager();
        if (manager == null) {
            throw BusinessException.invalid("error.visit-no-manager");
        }
        Visit v = new Visit(c, manager, draft.type(), draft.plannedDate(), draft.plannedTime(), VisitOrigin.MANUAL);
        visits.persistAndFlush(v);
        audit(viewer, "VISIT_ADDED", v, null);
        return details(v, true);
    }

    /** Moves an open visit to another day; the planner will keep it there. */
    @Transactional
    public VisitDetails move(Viewer viewer, long id, LocalDate date, LocalTime time, Long version) {
        Visit v = editable(viewer, id, version);
        requireOpen(v);
        new Validation().require(date != null, "plannedDate", "error.required")
                .require(date == null || !date.isBefore(VisitDates.today(clock)), "plannedDate", "error.visit-date-past")
                .throwIfInvalid();
        LocalDate before = v.getPlannedDate();
        v.moveTo(date, time);
        visits.flush();
        audit(viewer, "VISIT_MOVED", v, before + " → " + date);
        return details(v, true);
    }

    @Transactional
    public VisitDetails confirm(Viewer viewer, long id, Long version) {
        Visit v = editable(viewer, id, version);
        requireOpen(v);
        v.confirm();
        visits.flush();
        audit(viewer, "VISIT_CONFIRMED", v, null);
        return details(v, true);
    }

    /** Cancels an open visit; a reason is required. */
    @Transactional
    public VisitDetails cancel(Viewer viewer, long id, String reason, Long version) {
        Visit v = editable(viewer, id, version);
        requireOpen(v);
        new Validation().notBlank(reason, "reason").maxLength(reason, TEXT, "reason").throwIfInvalid();
        v.cancel(reason.trim());
        visits.flush();
        audit(viewer, "VISIT_CANCELLED", v, reason.trim());
        return details(v, true);
    }

    /** Records what happened at a visit and opens its follow-up tasks. */
    @Transactional
    public VisitDetails record(Viewer viewer, long id, VisitRecordDraft r) {
        Visit v = editable(viewer, id, r.version());
        if (v.getStatus() == VisitStatus.CANCELLED) {
            throw BusinessException.conflict("error.visit-cancelled");
        }
        Validation check = new Validation()
                .require(r.doneDate() != null, "doneDate", "error.required")
                .require(r.doneDate() == null || !r.doneDate().isAfter(VisitDates.today(clock)), "doneDate",
                        "error.visit-done-future")
                .require(r.satisfaction() != null && r.satisfaction() >= 1 && r.satisfaction() <= 5,
                        "satisfaction", "error.visit-satisfaction")
                .notBlank(r.findings(), "findings")
                .maxLength(r.participants(), TEXT, "participants").maxLength(r.contactsMet(), TEXT, "contactsMet")
                .maxLength(r.findings(), 4000, "findings").maxLength(r.demands(), 4000, "demands");
        for (TaskDraft t : r.tasks()) {
            validateTask(check, t);
        }
        check.throwIfInvalid();
        v.record(r, viewer.username());
        for (TaskDraft t : r.tasks()) {
            tasks.persist(new VisitTask(v, t.description().trim(), t.owner().trim(), t.dueDate()));
        }
        visits.flush();
        audit(viewer, "VISIT_RECORDED", v, r.findings());
        return details(v, true);
    }

    @Transactional
    public TaskRow addTask(Viewer viewer, long visitId, TaskDraft t) {
        Visit v = editable(viewer, visitId, null);
        Validation check = new Validation();
        validateTask(check, t);
        check.throwIfInvalid();
        VisitTask task = new VisitTask(v, t.description().trim(), t.owner().trim(), t.dueDate());
        tasks.persistAndFlush(task);
        return taskRow(task, VisitDates.today(clock));
    }

    @Transactional
    public TaskRow closeTask(Viewer viewer, long taskId) {
        VisitTask task = tasks.findById(taskId);
        if (task == null || !access.canSee(viewer, task.getVisit().getCustomer())) {
            throw BusinessException.notFound("error.visit-task-not-found", taskId);
        }
        editable(viewer, task.getVisit().getId(), null);
        if (task.getClosedAt() == null) {
            task.close(viewer.username());
            tasks.flush();
        }
        return taskRow(task, VisitDates.today(clock));
    }

    /** Follow-up tasks in the viewer's reach: open ones (overdue first by due date), or only overdue ones. */
    @Transactional
    public List<TaskRow> tasks(Viewer viewer, boolean overdueOnly, Long managerId, int offset, int limit) {
        CustomerAccess.Scope scope = CustomerAccess.scope(viewer);
        LocalDate today = VisitDates.today(clock);
        String hql = "select t from VisitTask t join fetch t.visit v join fetch v.customer c join fetch v.manager m "
                + "where " + scope.where() + " and t.closedAt is null"
                + (overdueOnly ? " and t.dueDate < :today" : "") + (managerId != null ? " and m.id = :manager" : "")
                + " order by t.dueDate, t.id";
        TypedQuery<VisitTask> q = em.createQuery(hql, VisitTask.class);
        scope.params().map().forEach(q::setParameter);
        if (overdueOnly) {
            q.setParameter("today", today);
        }
        if (managerId != null) {
            q.setParameter("manager", managerId);
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(t -> taskRow(t, today))
                .toList();
    }

    @Transactional
    public List<TaskRow> tasksOf(Viewer viewer, long visitId) {
        Visit v = visible(viewer, visitId);
        LocalDate today = VisitDates.today(clock);
        return tasks.list("visit.id = ?1 order by dueDate, id", v.getId()).stream().map(t -> taskRow(t, today))
                .toList();
    }

    /** A customer user's upcoming visits to their own accounts (today on). */
    @Transactional
    public List<VisitRow> upcomingForCustomer(Viewer viewer) {
        if (!viewer.isCustomer()) {
            throw BusinessException.forbidden("error.visit-customers-only");
        }
        return list(viewer, new VisitQuery(VisitDates.today(clock), null, null, null, null, VisitQuery.Show.OPEN), 0, 100);
    }

    /** The customer confirms the date, or asks to reschedule (a note and optionally a date they propose). */
    @Transactional
    public VisitRow respond(Viewer viewer, long id, CustomerResponse response, String note, LocalDate proposed) {
        if (!viewer.isCustomer()) {
            throw BusinessException.forbidden("error.visit-customers-only");
        }
        Visit v = visible(viewer, id);
        requireOpen(v);
        new Validation().require(response == CustomerResponse.CONFIRMED
                                || response == CustomerResponse.RESCHEDULE_REQUESTED, "response", "error.required")
                .require(response != CustomerResponse.RESCHEDULE_REQUESTED || (note != null && !note.isBlank()),
                        "note", "error.required")
                .maxLength(note, TEXT, "note")
                .require(proposed == null || !proposed.isBefore(VisitDates.today(clock)), "proposedDate",
                        "error.visit-date-past")
                .throwIfInvalid();
        v.respond(response, note == null || note.isBlank() ? null : note.trim(), proposed);
        visits.flush();
        audit(viewer, response == CustomerResponse.CONFIRMED ? "VISIT_CUSTOMER_CONFIRMED"
                : "VISIT_RESCHEDULE_REQUESTED", v, note);
        return details(v, false).visit();
    }

    /**
     * The customer confirmed the visit by replying to its SMS (see {@link VisitReplies}): recorded as the portal's
     * confirmation is, by the system, with the mobile in the audit; a visit no longer open or already confirmed is
     * left as it is. Returns whether it was confirmed now.
     */
    @Transactional
    boolean confirmBySms(long visitId, String maskedMobile) {
        Visit v = visits.findById(visitId);
        if (v == null || (v.getStatus() != VisitStatus.PLANNED && v.getStatus() != VisitStatus.CONFIRMED)
                || v.getCustomerResponse() == CustomerResponse.CONFIRMED) {
            return false;
        }
        v.respond(CustomerResponse.CONFIRMED, null, null);
        visits.flush();
        audit(Viewer.system(), "VISIT_CUSTOMER_CONFIRMED", v, "SMS " + maskedMobile);
        return true;
    }

    private Visit visible(Viewer viewer, long id) {
        Visit v = visits.findById(id);
        if (v == null || !access.canSee(viewer, v.getCustomer())) {
            throw BusinessException.notFound("error.visit-not-found", id);
        }
        return v;
    }

    private Visit editable(Viewer viewer, long id, Long version) {
        Visit v = visible(viewer, id);
        if (!access.canEdit(viewer, v.getCustomer())) {
            throw BusinessException.forbidden("error.visit-read-only");
        }
        if (version != null && version != v.getVersion()) {
            throw BusinessException.conflict("error.stale");
        }
        return v;
    }

    private static void requireOpen(Visit v) {
        if (!v.getStatus().isOpen()) {
            throw BusinessException.conflict("error.visit-not-open");
        }
    }

    private static void validateTask(Validation check, TaskDraft t) {
        check.require(t != null && t.description() != null && !t.description().isBlank(), "tasks",
                        "error.visit-task-incomplete")
                .require(t != null && t.owner() != null && !t.owner().isBlank(), "tasks", "error.visit-task-incomplete")
                .require(t != null && t.dueDate() != null, "tasks", "error.visit-task-incomplete");
        if (t != null) {
            check.maxLength(t.description(), TEXT, "tasks").maxLength(t.owner(), 100, "tasks");
        }
    }

    private void audit(Viewer viewer, String action, Visit v, String note) {
        Customer c = v.getCustomer();
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("plannedDate", v.getPlannedDate());
        after.put("status", v.getStatus());
        after.put("type", v.getType());
        audit.record(viewer.username(), action, "VISIT", v.getId(), c.getId(), c.getUnit().getPath(),
                c.getAccountNo() + " " + c.getName() + " " + v.getPlannedDate() + (note == null ? "" : " " + note),
                null, after);
    }

    VisitDetails details(Visit v, boolean editable) {
        LocalDate today = VisitDates.today(clock);
        List<TaskRow> taskRows = v.getId() == null ? List.of()
                : tasks.list("visit.id = ?1 order by dueDate, id", v.getId()).stream().map(t -> taskRow(t, today))
                        .toList();
        return details(v, taskRows, editable);
    }

    private VisitDetails details(Visit v, List<TaskRow> taskRows, boolean editable) {
        LocalDate today = VisitDates.today(clock);
        Customer c = v.getCustomer();
        VisitRow row = new VisitRow(v.getId(), v.getVersion(), c.getId(), c.getAccountNo(), c.getName(),
                v.getManager().getId(), v.getManager().getDisplayName(), v.getType(), v.getPlannedDate(),
                v.getPlannedTime(), v.getStatus(), v.getOrigin(), v.getDoneDate(), v.getSatisfaction(),
                v.getCustomerResponse(), v.getCustomerNote(), v.getCustomerProposedDate(),
                taskRows.stream().filter(t -> t.closedAt() == null).count(),
                VisitDates.isOverdue(v.getStatus(), v.getPlannedDate(), today));
        return new VisitDetails(row, v.getCancelReason(), v.getParticipants(), v.getContactsMet(), v.getFindings(),
                v.getDemands(), v.getRecordedBy(), taskRows, editable);
    }

    static TaskRow taskRow(VisitTask t, LocalDate today) {
        Visit v = t.getVisit();
        return new TaskRow(t.getId(), v.getId(), v.getCustomer().getId(), v.getCustomer().getName(),
                v.getManager().getDisplayName(), t.getDescription(), t.getOwner(), t.getDueDate(), t.getClosedAt(),
                t.getClosedBy(), t.getClosedAt() == null && t.getDueDate().isBefore(today));
    }
}
