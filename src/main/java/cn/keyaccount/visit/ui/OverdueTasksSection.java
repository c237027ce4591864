package cn.keyaccount.visit.ui;

import cn.keyaccount.security.Viewer;
import cn.keyaccount.visit.VisitService;
import cn.keyaccount.visit.VisitWorkload;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchFormats;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;

/** The manager's workbench: follow-up tasks of visits past their due date, each opening its visit. */
@ApplicationScoped
class OverdueTasksSection implements WorkbenchSection {

    private final VisitService visits;
    private final VisitWorkload workload;

    OverdueTasksSection(VisitService visits, VisitWorkload workload) {
        this.visits = visits;
        this.workload = workload;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isManager();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        return new SectionSummary("visit-tasks-overdue", t.getTranslation("workbench.visit-tasks"),
                workload.countTasks(viewer, true, null), "visits", t.getTranslation("workbench.visit-tasks.link"),
                visits.tasks(viewer, true, null, 0, TodayVisitsSection.SHOWN).stream()
                        .map(task -> new SectionRow(task.customerName() + " · " + task.description(),
                                t.getTranslation("workbench.due", WorkbenchFormats.day(task.dueDate())),
                                "visits?visit=" + task.visitId(), true))
                        .toList(),
                t.getTranslation("workbench.visit-tasks.none"));
    }
}
