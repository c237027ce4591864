package cn.keyaccount.visit.ui;

import cn.keyaccount.security.Viewer;
import cn.keyaccount.visit.VisitWorkload;
import cn.keyaccount.visit.VisitWorkload.ManagerOverdueSummary;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The supervisor's workbench: per manager of their unit what is overdue (visits past their day without a record,
 * follow-up tasks past due), the most first; the count is the overdue tasks that 走访考核 lists below its table.
 */
@ApplicationScoped
class TeamOverdueSection implements WorkbenchSection {

    private final VisitWorkload workload;

    TeamOverdueSection(VisitWorkload workload) {
        this.workload = workload;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isSupervisor();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        return new SectionSummary("team-overdue", t.getTranslation("workbench.team-overdue"),
                workload.countTasks(viewer, true, null), "visits/dashboard",
                t.getTranslation("workbench.team-overdue.link"),
                workload.overdueByManager(viewer, TodayVisitsSection.SHOWN).stream().map(m -> row(m, t)).toList(),
                t.getTranslation("workbench.team-overdue.none"));
    }

    private static SectionRow row(ManagerOverdueSummary m, Texts t) {
        return new SectionRow(m.managerName(), t.getTranslation("workbench.team-overdue.row", m.overdueVisits(),
                m.overdueTasks()), "visits/dashboard", m.overdueVisits() > 0);
    }
}
