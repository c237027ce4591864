package cn.keyaccount.supplyplan;

import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.security.Viewer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The daily job {@code plan-task-reminders} (09:00): a supply-plan checklist task due today or tomorrow reminds its
 * owner, or the plan's author when no user owns it, through the notice engine (SMS, e-mail and the staff inbox), once
 * per task and due date; overdue tasks stay on the in-app list and get no new message.
 */
@ApplicationScoped
public class PlanTaskReminders {

    private static final Logger LOG = Logger.getLogger(PlanTaskReminders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

    private final PlanTaskService tasks;
    private final NoticeService notices;

    private final Clock clock;

    PlanTaskReminders(Clock clock, PlanTaskService tasks, NoticeService notices) {
        this.clock = clock;
        this.tasks = tasks;
        this.notices = notices;
    }

    @Scheduled(identity = "plan-task-reminders", cron = "0 0 9 * * ?", timeZone = "${keyaccount.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void remindJob() {
        int n = remindOwners(LocalDate.now(clock));
        if (n > 0) {
            LOG.infof("Supply-plan task reminders scheduled: %d", n);
        }
    }

    /** One reminder per open task due today or tomorrow; returns how many tasks were due. */
    public int remindOwners(LocalDate today) {
        List<DueTask> due = tasks.dueTasks(today.plusDays(1)).stream().filter(t -> !t.dueOn().isBefore(today))
                .toList();
        for (DueTask t : due) {
            long recipient = t.ownerId() != null ? t.ownerId() : t.authorId();
            OffsetDateTime expires = t.dueOn().plusDays(1).atStartOfDay(SupplyPlanService.ZONE).toOffsetDateTime();
            Map<String, String> values = Map.of("planTitle", t.planTitle(), "taskTitle", t.title(),
                    "dueDate", DAY.format(t.dueOn()), "ownerName", t.ownerName());
            notices.schedule(Viewer.system(), NoticeRequest.toStaff(NoticePurpose.PLAN, "plan-task-reminder",
                            "检查项提醒：" + t.title() + " " + DAY.format(t.dueOn()), List.of(recipient))
                    .about(t.customerId()).parameters(values)
                    .expiresAt(NoticeRequest.noSoonerThanAnHourAfter(OffsetDateTime.now(clock), expires))
                    .once("plan-task:" + t.taskId() + ":" + t.dueOn()).build());
        }
        return due.size();
    }
}
