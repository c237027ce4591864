package cn.keyaccount.notice;

import cn.keyaccount.base.Messages;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.supplyplan.DueTask;
import cn.keyaccount.supplyplan.PlanTaskService;
import cn.keyaccount.visit.VisitReminder;
import cn.keyaccount.visit.VisitReminders;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Reminders to staff through the notice engine (SMS, e-mail and the staff inbox), raised by two daily Quartz jobs in
 * working hours: the day before a visit its manager is reminded ({@code visit-reminders}, 09:30), and a supply-plan
 * checklist task due today or tomorrow reminds its owner, or the plan's author when no user owns it
 * ({@code plan-task-reminders}, 09:00). Each reminder is a notice about its customer, keyed by its cause, so a job
 * that runs twice sends once.
 */
@ApplicationScoped
public class StaffReminders {

    private static final Logger LOG = Logger.getLogger(StaffReminders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    private static final Locale CHINESE = Locale.SIMPLIFIED_CHINESE;

    private final NoticeService notices;
    private final VisitReminders visits;
    private final PlanTaskService tasks;
    private final NoticeConfig config;

    StaffReminders(NoticeService notices, VisitReminders visits, PlanTaskService tasks, NoticeConfig config) {
        this.notices = notices;
        this.visits = visits;
        this.tasks = tasks;
        this.config = config;
    }

    @Scheduled(identity = "visit-reminders", cron = "0 30 9 * * ?", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void visitJob() {
        int n = remindVisits(LocalDate.now(config.zone()));
        if (n > 0) {
            LOG.infof("Visit reminders scheduled: %d", n);
        }
    }

    @Scheduled(identity = "plan-task-reminders", cron = "0 0 9 * * ?", timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void planTaskJob() {
        int n = remindPlanTasks(LocalDate.now(config.zone()));
        if (n > 0) {
            LOG.infof("Supply-plan task reminders scheduled: %d", n);
        }
    }

    /**
     * One reminder to the manager of each open visit on the day after {@code today}, expiring when the visit begins;
     * returns how many notices this call scheduled or found scheduled already.
     */
    public int remindVisits(LocalDate today) {
        List<VisitReminder> due = visits.dueTomorrow(today);
        for (VisitReminder v : due) {
            LocalTime start = v.time() == null ? LocalTime.of(8, 0) : v.time();
            OffsetDateTime expires = v.date().atTime(start).atZone(config.zone()).toOffsetDateTime();
            Map<String, String> values = Map.of(
                    "visitDate", DAY.format(v.date()),
                    "visitTime", v.time() == null ? "全天" : v.time().toString(),
                    "visitType", Messages.get(CHINESE, "visit.type." + v.type().name()));
            notices.schedule(Viewer.system(), NoticeRequest.toStaff("VISIT", "visit-reminder",
                            "走访提醒：" + v.customerName() + " " + DAY.format(v.date()), List.of(v.managerId()),
                            v.customerId(), values)
                    .plannedAt(null, laterOf(expires))
                    .once("visit-reminder:" + v.visitId() + ":" + v.date()));
        }
        return due.size();
    }

    /**
     * One reminder per open checklist task due today or tomorrow, to its owner (or the plan's author), once per task
     * and due date; overdue tasks stay on the in-app list and get no new message.
     */
    public int remindPlanTasks(LocalDate today) {
        List<DueTask> due = tasks.dueTasks(today.plusDays(1)).stream().filter(t -> !t.dueOn().isBefore(today))
                .toList();
        for (DueTask t : due) {
            long recipient = t.ownerId() != null ? t.ownerId() : t.authorId();
            OffsetDateTime expires = t.dueOn().plusDays(1).atStartOfDay(config.zone()).toOffsetDateTime();
            Map<String, String> values = Map.of("planTitle", t.planTitle(), "taskTitle", t.title(),
                    "dueDate", DAY.format(t.dueOn()), "ownerName", t.ownerName());
            notices.schedule(Viewer.system(), NoticeRequest.toStaff("PLAN", "plan-task-reminder",
                            "检查项提醒：" + t.title() + " " + DAY.format(t.dueOn()), List.of(recipient),
                            t.customerId(), values)
                    .plannedAt(null, laterOf(expires))
                    .once("plan-task:" + t.taskId() + ":" + t.dueOn()));
        }
        return due.size();
    }

    /** A reminder raised late (a job run after the event began) still gets an hour rather than being refused. */
    private static OffsetDateTime laterOf(OffsetDateTime expires) {
        OffsetDateTime soonest = OffsetDateTime.now().plusHours(1);
        return expires.isAfter(soonest) ? expires : soonest;
    }
}
