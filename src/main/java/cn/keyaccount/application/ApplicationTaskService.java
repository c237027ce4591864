package cn.keyaccount.application;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.security.AppUser;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The tasks of an application's steps (现场勘察, 供电方案编制, 图纸审查, 中间检查, 竣工检验, 装表接电): a step starts
 * with its tasks, owned by the application's handler and due with the step; who runs the application hands a task to
 * a colleague with a due date; the owner (or who runs the application) records the result once, with who and when.
 * Each owner's open tasks are their inbox.
 */
@ApplicationScoped
@Transactional
public class ApplicationTaskService {

    private final ApplicationTaskRepository tasks;
    private final ApplicationAccess access;
    private final UserService users;
    private final AuditService audit;
    private final EntityManager em;
    private final Clock clock;

    ApplicationTaskService(ApplicationTaskRepository tasks, ApplicationAccess access, UserService users,
                           AuditService audit, EntityManager em, Clock clock) {
        this.tasks = tasks;
        this.access = access;
        this.users = users;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    public List<TaskDetails> list(Viewer viewer, long applicationId) {
        return of(access.visible(viewer, applicationId));
    }

    List<TaskDetails> of(Application a) {
        return tasks.list("application", Sort.by("id"), a).stream().map(ApplicationTask::toDetails).toList();
    }

    /** The tasks a step starts with (none for acceptance and 变更办理), for the handler, due with the step. */
    void startStep(Application a, ApplicationStep step, LocalDate due) {
        for (TaskKind kind : TaskKind.of(step)) {
            tasks.persist(new ApplicationTask(a, step, kind, a.getHandler(), due));
        }
    }

    /** The tasks of the step still without a result, in the order they were started. */
    List<TaskKind> openOf(Application a, ApplicationStep step) {
        return tasks.list("application = ?1 and step = ?2 and doneAt is null", Sort.by("id"), a, step).stream()
                .map(ApplicationTask::getKind).toList();
    }

    /** Hands a task to a staff user with a due date; only who runs the application, while it is open. */
    public TaskDetails assign(Viewer viewer, long applicationId, long taskId, Long ownerId, LocalDate dueOn,
                              Long seenVersion) {
        Application a = access.visible(viewer, applicationId);
        if (!access.canRun(viewer, a)) {
            throw BusinessException.forbidden("error.application-read-only");
        }
        ApplicationTask t = open(a, taskId, seenVersion);
        new Validation().require(ownerId != null, "ownerId", "error.required").throwIfInvalid();
        AppUser owner = users.account(ownerId);
        if (owner.getRole() == Role.CUSTOMER) {
            throw BusinessException.invalidFields(List.of(new BusinessException.FieldError("ownerId",
                    "error.application-task-owner-staff")));
        }
        t.assign(owner, dueOn);
        tasks.flush();
        record(viewer, a, t, "APPLICATION_TASK_ASSIGNED", Map.of("owner", owner.getUsername(),
                "dueOn", String.valueOf(dueOn)));
        return t.toDetails();
    }

    /** Records a task's result, once: its owner or who runs the application. */
    public TaskDetails recordResult(Viewer viewer, long applicationId, long taskId, String result, Long seenVersion) {
        Application a = access.visible(viewer, applicationId);
        ApplicationTask t = find(a, taskId);
        boolean owner = t.getOwner() != null && t.getOwner().getId() == viewer.userId();
        if (!owner && !access.canRun(viewer, a)) {
            throw BusinessException.forbidden("error.application-read-only");
        }
        open(a, taskId, seenVersion);
        new Validation().notBlank(result, "result").maxLength(result, 1000, "result").throwIfInvalid();
        t.recordResult(result, viewer.username(), OffsetDateTime.now(clock));
        tasks.flush();
        record(viewer, a, t, "APPLICATION_TASK_DONE", Map.of("result", result.strip()));
        return t.toDetails();
    }

    /** The viewer's open tasks of open applications, the earliest due first. */
    public List<InboxTask> inbox(Viewer viewer, int limit) {
        return em.createQuery("select new cn.keyaccount.application.InboxTask(t.id, a.id, a.number, c.name, t.kind, "
                        + "t.dueOn) from ApplicationTask t join t.application a join a.customer c "
                        + "where t.owner.id = :me and t.doneAt is null and a.status in :open "
                        + "order by t.dueOn asc nulls last, t.id", InboxTask.class)
                .setParameter("me", viewer.userId()).setParameter("open", ApplicationService.OPEN)
                .setMaxResults(limit).getResultList();
    }

    /** Open tasks with an owner, of open applications, due from {@code from} to {@code to}; not scoped (reminders). */
    public List<DueTask> dueBetween(LocalDate from, LocalDate to) {
        return em.createQuery("select new cn.keyaccount.application.DueTask(t.id, a.id, a.number, c.id, c.name, "
                        + "t.owner.id, t.kind, t.dueOn) from ApplicationTask t join t.application a join a.customer c "
                        + "where t.doneAt is null and t.owner is not null and a.status in :open "
                        + "and t.dueOn between :from and :to order by t.dueOn, t.id", DueTask.class)
                .setParameter("open", ApplicationService.OPEN).setParameter("from", from).setParameter("to", to)
                .getResultList();
    }

    private ApplicationTask open(Application a, long taskId, Long seenVersion) {
        if (!a.getStatus().open()) {
            throw BusinessException.conflict("error.application-closed", a.getNumber());
        }
        ApplicationTask t = find(a, taskId);
        if (t.getDoneAt() != null) {
            throw BusinessException.conflict("error.application-task-done");
        }
        if (seenVersion == null) {
            throw BusinessException.invalid("error.application-version-required");
        }
        if (seenVersion != t.getVersion()) {
            throw BusinessException.conflict("error.stale");
        }
        return t;
    }

    private ApplicationTask find(Application a, long taskId) {
        ApplicationTask t = tasks.findById(taskId);
        if (t == null || !t.getApplication().getId().equals(a.getId())) {
            throw BusinessException.notFound("error.application-task-not-found", taskId);
        }
        return t;
    }

    private void record(Viewer viewer, Application a, ApplicationTask t, String action, Map<String, Object> after) {
        audit.record(viewer.username(), action, "APPLICATION_TASK", t.getId(), a.getCustomer().getId(),
                a.getCustomer().getUnit().getPath(), a.getNumber() + " " + cn.keyaccount.base.Messages.get(java.util.Locale.SIMPLIFIED_CHINESE,
                        "application.task." + t.toDetails().kind()), null, after);
    }
}
