package cn.keyaccount.application;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.base.Validation;
import cn.keyaccount.base.calendar.WorkCalendar;
import cn.keyaccount.base.calendar.WorkCalendarSource;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.customer.CustomerValidator;
import cn.keyaccount.customer.SupplyMode;
import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * 业扩 applications: starting one (by the customer's manager, a supervisor, or the customer in the portal), taking
 * its steps in order, stopping and restarting its clock while the company waits on the customer, cancelling it, and
 * on the last step the master-data changes ({@link PowerOnChanges}). Each change checks the version the caller saw
 * (a concurrent change answers "changed meanwhile"), recomputes the clock and is audited. Reads run in a transaction
 * so that a page reloading after a step sees the step.
 */
@ApplicationScoped
@Transactional
public class ApplicationService {

    private static final String ROW = "select new cn.keyaccount.application.ApplicationRow(a.id, a.number, c.id, "
            + "c.name, c.accountNo, a.kind, a.voltageClass, a.capacityKva, a.status, a.currentStep, a.acceptedOn, "
            + "a.dueOn, a.usedDays, a.limitDays, a.overdue, h.displayName) from Application a join a.customer c "
            + "left join a.handler h";
    static final EnumSet<ApplicationStatus> OPEN = EnumSet.of(ApplicationStatus.IN_PROGRESS,
            ApplicationStatus.WAITING);

    private final ApplicationRepository applications;
    private final ApplicationAccess access;
    private final CustomerAccess customers;
    private final TransformerService transformers;
    private final ApplicationLimitsSource limits;
    private final WorkCalendarSource calendars;
    private final PowerOnChanges powerOn;
    private final OpenClocks clocks;
    private final ApplicationTaskService tasks;
    private final AuditService audit;
    private final EntityManager em;
    private final Clock clock;

    ApplicationService(ApplicationRepository applications, ApplicationAccess access, CustomerAccess customers,
                       TransformerService transformers, ApplicationLimitsSource limits, WorkCalendarSource calendars,
                       PowerOnChanges powerOn, OpenClocks clocks, ApplicationTaskService tasks, AuditService audit,
                       EntityManager em, Clock clock) {
        this.applications = applications;
        this.access = access;
        this.customers = customers;
        this.transformers = transformers;
        this.limits = limits;
        this.calendars = calendars;
        this.powerOn = powerOn;
        this.clocks = clocks;
        this.tasks = tasks;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    /** Filters of the list; any may be null. {@code open}: only applications in progress or waiting. */
    public record ApplicationFilter(ApplicationStatus status, ApplicationKind kind, Long customerId, String text,
                                    boolean open, boolean overdueOnly) {
        public static ApplicationFilter all() {
            return new ApplicationFilter(null, null, null, null, false, false);
        }
    }

    /** A page of what the viewer may see: overdue first, then open ones by due date, then closed ones, newest first. */
    public List<ApplicationRow> list(Viewer viewer, ApplicationFilter filter, int offset, int limit) {
        Where w = where(viewer, filter);
        TypedQuery<ApplicationRow> q = em.createQuery(ROW + " where " + w.hql + " order by a.overdue desc, "
                + "case when a.status in :openStatuses then 0 else 1 end, a.dueOn asc nulls last, "
                + "a.closedOn desc nulls first, a.id desc", ApplicationRow.class);
        w.params.map().forEach(q::setParameter);
        q.setParameter("openStatuses", OPEN);
        return q.setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long count(Viewer viewer, ApplicationFilter filter) {
        Where w = where(viewer, filter);
        TypedQuery<Long> q = em.createQuery("select count(a) from Application a join a.customer c where " + w.hql,
                Long.class);
        w.params.map().forEach(q::setParameter);
        return q.getSingleResult();
    }

    private record Where(String hql, Parameters params) {
    }

    private static Where where(Viewer viewer, ApplicationFilter f) {
        CustomerAccess.Scope scope = CustomerAccess.scope(viewer);
        List<String> parts = new ArrayList<>(List.of(scope.where()));
        Parameters params = new Parameters();
        scope.params().map().forEach(params::and);
        if (f.status() != null) {
            parts.add("a.status = :status");
            params.and("status", f.status());
        }
        if (f.open()) {
            parts.add("a.status in :open");
            params.and("open", OPEN);
        }
        if (f.overdueOnly()) {
            parts.add("a.overdue = true");
        }
        if (f.kind() != null) {
            parts.add("a.kind = :kind");
            params.and("kind", f.kind());
        }
        if (f.customerId() != null) {
            parts.add("c.id = :customer");
            params.and("customer", f.customerId());
        }
        if (f.text() != null && !f.text().isBlank()) {
            parts.add("(lower(a.number) like :text or lower(c.name) like :text or c.accountNo like :text)");
            params.and("text", "%" + f.text().strip().toLowerCase() + "%");
        }
        return new Where(String.join(" and ", parts), params);
    }

    public ApplicationDetails get(Viewer viewer, long id) {
        return details(viewer, access.visible(viewer, id));
    }

    /**
     * Starts an application, accepted today: the customer's manager, a supervisor above it or an administrator; or
     * the customer itself (portal). Voltage and single/dual supply come from the customer record; the steps take
     * their limits from the limits file in force.
     */
    @Transactional
    public ApplicationDetails create(Viewer viewer, ApplicationDraft draft) {
        if (draft == null) {
            throw BusinessException.invalid("error.required");
        }
        new Validation().require(draft.customerId() != null, "customerId", "error.required")
                .require(draft.kind() != null, "kind", "error.required").throwIfInvalid();
        Customer c = customers.visible(viewer, draft.customerId());
        if (!customers.canEdit(viewer, c) && !viewer.isCustomer()) {
            throw BusinessException.forbidden("error.application-read-only");
        }
        LocalDate today = LocalDate.now(clock);
        validate(viewer, draft, c, today);
        ApplicationLimits inForce = limits.current();
        String number = "YK" + today.getYear() + String.format("%06d", ((Number) em.createNativeQuery(
                "select nextval('connection_application_number_seq')").getSingleResult()).longValue());
        Application a = new Application(number, c, draft, VoltageClass.of(c.getVoltageKv()),
                c.getSupplyMode() == null ? SupplyMode.SINGLE : c.getSupplyMode(), c.getManager(), today, inForce,
                viewer.username());
        recompute(a, calendars.current(), today);
        applications.persistAndFlush(a);
        record(viewer, a, "APPLICATION_CREATED", null);
        return details(viewer, a);
    }

    private void validate(Viewer viewer, ApplicationDraft d, Customer c, LocalDate today) {
        Validation v = new Validation();
        BigDecimal current = c.getContractCapacityKva();
        if (d.kind().needsCapacity()) {
            v.require(positive(d.capacityKva()), "capacityKva", "error.positive")
                    .range(d.capacityKva(), CustomerValidator.MIN_CAPACITY_KVA, CustomerValidator.MAX_CAPACITY_KVA,
                            "capacityKva");
            if (positive(d.capacityKva()) && current != null) {
                if (d.kind() == ApplicationKind.CAPACITY_INCREASE) {
                    v.require(d.capacityKva().compareTo(current) > 0, "capacityKva",
                            "error.application-capacity-not-more", current.stripTrailingZeros().toPlainString());
                } else if (d.kind() == ApplicationKind.CAPACITY_REDUCTION) {
                    v.require(d.capacityKva().compareTo(current) < 0, "capacityKva",
                            "error.application-capacity-not-less", current.stripTrailingZeros().toPlainString());
                }
            }
        }
        if (d.kind() == ApplicationKind.BILLING_CHANGE) {
            v.require(d.basicChargeMode() != null, "basicChargeMode", "error.required");
        }
        if (d.demandKw() != null) {
            v.require(positive(d.demandKw()), "demandKw", "error.positive")
                    .range(d.demandKw(), "0.1", CustomerValidator.MAX_CAPACITY_KVA, "demandKw");
        }
        if (d.kind().hasPeriod()) {
            v.require(d.periodFrom() != null, "periodFrom", "error.required");
        }
        if (d.periodFrom() != null && d.periodTo() != null) {
            v.require(!d.periodTo().isBefore(d.periodFrom()), "periodTo", "error.application-period-order");
        }
        if (d.kind() == ApplicationKind.SUSPENSION) {
            v.require(d.transformerId() != null, "transformerId", "error.required");
        }
        if (d.transformerId() != null) {
            v.require(transformers.list(viewer, c.getId()).stream().anyMatch(t -> t.id() == d.transformerId()),
                    "transformerId", "error.application-transformer-not-own");
        }
        if (d.wishedOn() != null) {
            v.require(!d.wishedOn().isBefore(today), "wishedOn", "error.application-wished-past");
        }
        v.maxLength(d.address(), 300, "address").maxLength(d.note(), 2000, "note").throwIfInvalid();
    }

    /** Completes the current step; {@code step} must be it (no skipping, no completing a step twice). */
    @Transactional
    public ApplicationDetails completeStep(Viewer viewer, long id, ApplicationStep step, Long seenVersion) {
        Application a = access.runnable(viewer, id, seenVersion);
        if (step == null) {
            throw BusinessException.invalid("error.application-step-required");
        }
        if (a.currentStop() != null) {
            throw BusinessException.conflict("error.application-clock-stopped");
        }
        boolean done = a.getSteps().stream().anyMatch(s -> s.step() == step && s.done());
        if (done) {
            throw BusinessException.conflict("error.application-step-done", a.getNumber(), position(a, step));
        }
        if (step != a.getCurrentStep()) {
            throw BusinessException.conflict("error.application-step-not-current", a.getNumber(),
                    position(a, step), position(a, a.getCurrentStep()));
        }
        List<TaskKind> open = tasks.openOf(a, step);
        if (!open.isEmpty()) {
            throw BusinessException.conflict("error.application-tasks-open", a.getNumber(),
                    new Messages.KeyList(open.stream().map(k -> "application.task." + k).toList()));
        }
        LocalDate today = LocalDate.now(clock);
        a.completeCurrent(today, viewer.username());
        if (a.getStatus() == ApplicationStatus.COMPLETED) {
            a.noteMasterData(powerOn.apply(viewer, a));
        }
        recompute(a, calendars.current(), today);
        if (a.getCurrentStep() != null) {
            tasks.startStep(a, a.getCurrentStep(), a.getDueOn());
        }
        applications.flush();
        record(viewer, a, "APPLICATION_STEP_COMPLETED", Map.of("step", step));
        return details(viewer, a);
    }

    /** Stops the clock: the company waits on the customer, for the reason given. */
    @Transactional
    public ApplicationDetails stopClock(Viewer viewer, long id, StopReason reason, String note, Long seenVersion) {
        Application a = access.runnable(viewer, id, seenVersion);
        new Validation().require(reason != null, "reason", "error.required").maxLength(note, 500, "note")
                .throwIfInvalid();
        if (a.currentStop() != null) {
            throw BusinessException.conflict("error.application-clock-already-stopped");
        }
        LocalDate today = LocalDate.now(clock);
        a.stopClock(reason, note, today, viewer.username());
        recompute(a, calendars.current(), today);
        applications.flush();
        record(viewer, a, "APPLICATION_CLOCK_STOPPED", Map.of("reason", reason));
        return details(viewer, a);
    }

    @Transactional
    public ApplicationDetails restartClock(Viewer viewer, long id, Long seenVersion) {
        Application a = access.runnable(viewer, id, seenVersion);
        if (a.currentStop() == null) {
            throw BusinessException.conflict("error.application-clock-running");
        }
        LocalDate today = LocalDate.now(clock);
        a.restartClock(today, viewer.username());
        recompute(a, calendars.current(), today);
        applications.flush();
        record(viewer, a, "APPLICATION_CLOCK_RESTARTED", null);
        return details(viewer, a);
    }

    /** Cancels an open application (the customer withdrew it); the reason is required and kept. */
    @Transactional
    public ApplicationDetails cancel(Viewer viewer, long id, String reason, Long seenVersion) {
        Application a = access.runnable(viewer, id, seenVersion);
        new Validation().notBlank(reason, "reason").maxLength(reason, 500, "reason").throwIfInvalid();
        LocalDate today = LocalDate.now(clock);
        a.cancel(today, viewer.username(), reason);
        recompute(a, calendars.current(), today);
        applications.flush();
        record(viewer, a, "APPLICATION_CANCELLED", Map.of("reason", reason));
        return details(viewer, a);
    }

    /**
     * Recomputes the stored clock of every open application with the calendar in force (after a holiday-calendar
     * edit, and nightly so that "overdue" moves with the days), in a few statements ({@link OpenClocks}); the
     * versions stay, so nobody's open screen goes stale. Not scoped: a system job.
     */
    public ClocksRecomputed recomputeOpen() {
        return clocks.recompute(calendars.current(), LocalDate.now(clock));
    }

    /**
     * Open applications, clock running, whose current step is due by {@code until} or overdue; not scoped (the
     * reminder job).
     */
    public List<DueApplication> dueBy(LocalDate until) {
        return em.createQuery("select new cn.keyaccount.application.DueApplication(a.id, a.number, c.id, c.name, "
                        + "c.unit.path, a.handler.id, a.currentStep, a.dueOn, a.overdue) from Application a "
                        + "join a.customer c where a.status = :running and (a.overdue = true or a.dueOn <= :until) "
                        + "order by a.dueOn, a.id", DueApplication.class)
                .setParameter("running", ApplicationStatus.IN_PROGRESS).setParameter("until", until).getResultList();
    }

    static void recompute(Application a, WorkCalendar calendar, LocalDate today) {
        List<ApplicationClock.Span> spans = a.getSteps().stream().map(s -> new ApplicationClock.Span(s.step(),
                s.startedOn(), s.completedOn(), s.limitDays())).toList();
        List<ApplicationClock.Stop> stops = a.getStops().stream().map(s -> new ApplicationClock.Stop(s.startedOn(),
                s.endedOn())).toList();
        LocalDate until = a.getClosedOn() != null ? a.getClosedOn() : today;
        a.record(ApplicationClock.read(spans, stops, calendar, until));
    }

    ApplicationDetails details(Viewer viewer, Application a) {
        LocalDate today = a.getClosedOn() != null ? a.getClosedOn() : LocalDate.now(clock);
        List<ApplicationClock.Span> spans = a.getSteps().stream().map(s -> new ApplicationClock.Span(s.step(),
                s.startedOn(), s.completedOn(), s.limitDays())).toList();
        List<ApplicationClock.Stop> stopList = a.getStops().stream().map(s -> new ApplicationClock.Stop(
                s.startedOn(), s.endedOn())).toList();
        ApplicationClock.Reading reading = ApplicationClock.read(spans, stopList, calendars.current(), today);
        List<ApplicationDetails.StepDetails> steps = new ArrayList<>();
        for (StepEntry s : a.getSteps()) {
            ApplicationClock.StepReading r = reading.steps().stream().filter(x -> x.step() == s.step()).findFirst()
                    .orElse(null);
            steps.add(new ApplicationDetails.StepDetails(s.step(), s.startedOn(), s.completedOn(), s.completedBy(),
                    s.limitDays(), r == null ? 0 : r.usedDays(), r != null && r.overdue(),
                    r == null || !a.getStatus().open() ? null : r.dueOn()));
        }
        List<ApplicationDetails.StopDetails> stops = a.getStops().stream().map(s -> new ApplicationDetails
                .StopDetails(s.step(), s.reason(), s.note(), s.startedOn(), s.startedBy(), s.endedOn(), s.endedBy()))
                .toList();
        Customer c = a.getCustomer();
        return new ApplicationDetails(a.getId(), a.getVersion(), a.getNumber(), c.getId(), c.getName(),
                c.getAccountNo(), a.getKind(), a.getVoltageClass(), a.getSupplyMode(), a.getCapacityKva(),
                a.getDemandKw(), a.getBasicChargeMode(), a.getTransformerId(), a.getAddress(), a.getWishedOn(),
                a.getPeriodFrom(), a.getPeriodTo(), a.getNote(),
                a.getHandler() == null ? "" : a.getHandler().getDisplayName(), a.getStatus(), a.getCurrentStep(),
                a.getAcceptedOn(), a.getClosedOn(), a.getLimitsVersion(), reading.usedDays(), reading.limitDays(),
                a.getStatus().open() && reading.current() != null ? reading.current().dueOn() : null,
                a.getStatus().open() && reading.overdue(), steps, stops, tasks.of(a), a.getMasterDataNote(),
                a.getStatus().open() && access.canRun(viewer, a));
    }

    private void record(Viewer viewer, Application a, String action, Map<String, Object> extra) {
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("number", a.getNumber());
        after.put("kind", a.getKind());
        after.put("status", a.getStatus());
        after.put("step", String.valueOf(a.getCurrentStep()));
        after.put("usedDays", a.getUsedDays());
        if (extra != null) {
            after.putAll(extra);
        }
        Customer c = a.getCustomer();
        audit.record(viewer.username(), action, "APPLICATION", a.getId(), c.getId(), c.getUnit().getPath(),
                a.getNumber() + " " + c.getName(), null, after);
    }

    /** A step's place in the application's chain, from 1 (0: not a step of this application). */
    private static int position(Application a, ApplicationStep step) {
        List<ApplicationStep> chain = a.getSteps().stream().map(StepEntry::step).toList();
        return chain.indexOf(step) + 1;
    }

    private static boolean positive(BigDecimal x) {
        return x != null && x.signum() > 0;
    }
}
