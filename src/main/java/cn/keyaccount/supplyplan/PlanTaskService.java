package cn.keyaccount.supplyplan;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.security.AppUser;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Checklist tasks of plans: added while the plan is a draft, ticked off until it is closed, and the reminders of
 * open tasks falling due ({@link #dueTasks} for the notice engine, {@link #dueFor} for the in-app list).
 */
@ApplicationScoped
@Transactional
public class PlanTaskService {

    /** Plans whose open tasks still matter. */
    static final Set<PlanStatus> WORKING = EnumSet.of(PlanStatus.DRAFT, PlanStatus.SUBMITTED, PlanStatus.APPROVED,
            PlanStatus.ACTIVE);
    private static final String DUE = "select new cn.keyaccount.supplyplan.DueTask(t.id, p.id, p.title, c.id, c.name, "
            + "t.title, t.party, t.ownerName, o.id, t.dueOn, p.author.id) from PlanTask t join t.plan p join p.customer c "
            + "left join t.owner o where t.doneAt is null and t.dueOn <= :until and p.status in :working";

    private final PlanTaskRepository tasks;
    private final PlanAccess access;
    private final UserService users;
    private final EntityManager em;
    private final CustomerAccess customers;

    PlanTaskService(PlanTaskRepository tasks, PlanAccess access, UserService users, EntityManager em,
                    CustomerAccess customers) {
        this.customers = customers;
        this.tasks = tasks;
        this.access = access;
        this.users = users;
        this.em = em;
    }

    /**
     * The customer card's open plan tasks: tasks not done on the customer's working plans, and how many of them are
     * past due (404 outside the viewer's reach). One statement.
     */
    public OpenPlanTasks openOf(Viewer viewer, long customerId, LocalDate today) {
        customers.visible(viewer, customerId);
        Object[] r = em.createQuery("select count(t), sum(case when t.dueOn < :today then 1 else 0 end) "
                        + "from PlanTask t join t.plan p where p.customer.id = :customer and t.doneAt is null "
                        + "and p.status in :working", Object[].class)
                .setParameter("customer", customerId).setParameter("today", today).setParameter("working", WORKING)
                .getSingleResult();
        return new OpenPlanTasks(((Number) r[0]).longValue(), r[1] == null ? 0 : ((Number) r[1]).longValue());
    }

    public List<TaskDetails> list(Viewer viewer, long planId) {
        SupplyPlan p = access.visible(viewer, planId);
        return tasks.list("plan", Sort.by("dueOn").and("id"), p).stream().map(PlanTask::toView).toList();
    }

    @Transactional
    public TaskDetails add(Viewer viewer, long planId, TaskDraft d) {
        SupplyPlan p = access.editableDraft(viewer, planId);
        new Validation()
                .notBlank(d.title(), "title").maxLength(d.title(), 300, "title")
                .notBlank(d.ownerName(), "ownerName").maxLength(d.ownerName(), 100, "ownerName")
                .require(d.party() != null, "party", "error.required")
                .require(d.dueOn() != null, "dueOn", "error.required")
                .throwIfInvalid();
        AppUser owner = d.ownerId() == null ? null : users.account(d.ownerId());
        PlanTask t = new PlanTask(p, d.title().trim(), d.party(), d.ownerName().trim(), owner, d.dueOn());
        tasks.persistAndFlush(t);
        return t.toView();
    }

    @Transactional
    public void remove(Viewer viewer, long planId, long taskId) {
        access.editableDraft(viewer, planId);
        tasks.delete(find(planId, taskId));
    }

    /** Ticks a task off (or reopens it): the plan's writers, or the user the task is assigned to. */
    @Transactional
    public TaskDetails setDone(Viewer viewer, long planId, long taskId, boolean done) {
        SupplyPlan p = access.visible(viewer, planId);
        PlanTask t = find(planId, taskId);
        boolean owner = t.getOwner() != null && t.getOwner().getId() == viewer.userId();
        if (!access.canWrite(viewer, p) && !owner) {
            throw BusinessException.forbidden("error.plan-read-only");
        }
        if (!WORKING.contains(p.getStatus())) {
            throw BusinessException.conflict("error.plan-closed");
        }
        t.markDone(done, viewer.username());
        tasks.flush();
        return t.toView();
    }

    private PlanTask find(long planId, long taskId) {
        PlanTask t = tasks.findById(taskId);
        if (t == null || t.getPlan().getId() != planId) {
            throw BusinessException.notFound("error.task-not-found", taskId);
        }
        return t;
    }

    /**
     * Every open task due on or before {@code until} in a plan still being worked on, oldest due first. For the
     * notice engine to turn into reminders (owner user when linked, else the plan's manager); not scoped to a viewer.
     */
    public List<DueTask> dueTasks(LocalDate until) {
        return em.createQuery(DUE + " order by t.dueOn, t.id", DueTask.class).setParameter("until", until)
                .setParameter("working", WORKING).getResultList();
    }

    /** The in-app reminder list: open tasks due by {@code until} in plans the viewer may see, or assigned to them. */
    public List<DueTask> dueFor(Viewer viewer, LocalDate until, int limit) {
        CustomerAccess.Scope scope = CustomerAccess.scope(viewer);
        String hql = DUE + " and (" + scope.where() + " or o.id = :me)"
                + (viewer.isCustomer() ? " and t.party = :customerParty and p.status in :customerSees" : "")
                + " order by t.dueOn, t.id";
        TypedQuery<DueTask> q = em.createQuery(hql, DueTask.class).setParameter("until", until)
                .setParameter("working", WORKING).setParameter("me", viewer.userId());
        scope.params().map().forEach(q::setParameter);
        if (viewer.isCustomer()) {
            q.setParameter("customerParty", Party.CUSTOMER).setParameter("customerSees", PlanAccess.CUSTOMER_SEES);
        }
        return q.setMaxResults(limit).getResultList();
    }
}
