package cn.keyaccount.application.ui;

import cn.keyaccount.application.ApplicationTaskService;
import cn.keyaccount.application.InboxTask;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchFormats;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The workbench's inbox of the staff user's open application tasks, the earliest due first: always for managers and
 * supervisors, for other staff while a task is theirs.
 */
@ApplicationScoped
class TaskInboxSection implements WorkbenchSection {

    private final ApplicationTaskService tasks;
    private final Clock clock;

    TaskInboxSection(ApplicationTaskService tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 36;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isManager() || viewer.isSupervisor()
                || !viewer.isCustomer() && !tasks.inbox(viewer, 1).isEmpty();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        LocalDate today = LocalDate.now(clock);
        List<InboxTask> open = tasks.inbox(viewer, 50);
        return new SectionSummary("application-tasks", t.getTranslation("application.inbox-title"), open.size(),
                "applications", t.getTranslation("application.menu"), open.stream().limit(8).map(x -> new SectionRow(
                        x.number() + " · " + x.customerName() + " · " + t.getTranslation("application.task."
                                + x.kind()), x.dueOn() == null ? "" : t.getTranslation("application.task-due") + " "
                                + WorkbenchFormats.day(x.dueOn()), "applications/" + x.applicationId(),
                        x.dueOn() != null && x.dueOn().isBefore(today))).toList(),
                t.getTranslation("application.inbox-none"));
    }
}
