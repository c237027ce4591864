package cn.keyaccount.application;

import cn.keyaccount.base.Messages;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.UserSummary;
import cn.keyaccount.security.Viewer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Warnings through the notice engine, every morning on one node: to the handler when the current step of an
 * application falls due within {@value #WARN_DAYS} days, to a task's owner when the task does, and to the supervisors
 * above the customer's unit when an application is overdue. Each once per application (or task), step and due date
 * ({@code once}), whatever the number of runs and nodes.
 */
@ApplicationScoped
public class ApplicationReminders {

    static final int WARN_DAYS = 2;
    private static final Logger LOG = Logger.getLogger(ApplicationReminders.class);

    private final ApplicationService applications;
    private final ApplicationTaskService tasks;
    private final NoticeService notices;
    private final UserService users;
    private final Clock clock;

    ApplicationReminders(ApplicationService applications, ApplicationTaskService tasks, NoticeService notices,
                         UserService users, Clock clock) {
        this.applications = applications;
        this.tasks = tasks;
        this.notices = notices;
        this.users = users;
        this.clock = clock;
    }

    @Scheduled(identity = "application-reminders", cron = "0 0 9 * * ?", timeZone = "${keyaccount.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void remindJob() {
        int n = remind(LocalDate.now(clock));
        if (n > 0) {
            LOG.infof("Application reminders scheduled: %d", n);
        }
    }

    /** Schedules the day's warnings; returns how many were asked for (the engine drops repeats). */
    public int remind(LocalDate today) {
        int n = 0;
        List<UserSummary> supervisors = users.list(Viewer.system(), Role.SUPERVISOR, null, 0, 1000);
        OffsetDateTime expires = today.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime noSooner = NoticeRequest.noSoonerThanAnHourAfter(OffsetDateTime.now(clock), expires);
        for (DueApplication a : applications.dueBy(today.plusDays(WARN_DAYS))) {
            Map<String, String> values = Map.of("number", a.number(), "stepName",
                    Messages.get(Messages.CHINESE, "application.step." + a.step()), "dueDate", a.dueOn().toString());
            if (a.overdue()) {
                List<Long> above = supervisors.stream().filter(s -> a.unitPath().startsWith(s.unitPath()))
                        .map(UserSummary::id).toList();
                if (!above.isEmpty()) {
                    notices.schedule(Viewer.system(), NoticeRequest.toStaff(NoticePurpose.APPLICATION,
                                    "application-overdue", "业扩申请超期：" + a.number(), above)
                            .about(a.customerId()).parameters(values).expiresAt(noSooner)
                            .once("application-overdue:" + a.id() + ":" + a.step() + ":" + a.dueOn()).build());
                    n++;
                }
            } else if (a.handlerId() != null) {
                notices.schedule(Viewer.system(), NoticeRequest.toStaff(NoticePurpose.APPLICATION,
                                "application-step-due", "业扩环节将到期：" + a.number(), List.of(a.handlerId()))
                        .about(a.customerId()).parameters(values).expiresAt(noSooner)
                        .once("application-due:" + a.id() + ":" + a.step() + ":" + a.dueOn()).build());
                n++;
            }
        }
        for (DueTask t : tasks.dueBetween(today, today.plusDays(1))) {
            notices.schedule(Viewer.system(), NoticeRequest.toStaff(NoticePurpose.APPLICATION,
                            "application-task-due", "业扩任务将到期：" + t.number(), List.of(t.ownerId()))
                    .about(t.customerId()).parameters(Map.of("number", t.number(), "taskName",
                            Messages.get(Messages.CHINESE, "application.task." + t.kind()), "dueDate",
                            t.dueOn().toString())).expiresAt(noSooner)
                    .once("application-task:" + t.taskId() + ":" + t.dueOn()).build());
            n++;
        }
        return n;
    }
}
