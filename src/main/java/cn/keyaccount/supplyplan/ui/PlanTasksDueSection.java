package cn.keyaccount.supplyplan.ui;

import cn.keyaccount.security.Viewer;
import cn.keyaccount.supplyplan.DueTask;
import cn.keyaccount.supplyplan.PlanTaskService;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchFormats;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/**
 * The manager's workbench: checklist tasks of supply-guarantee plans due within seven days (overdue ones marked), the
 * list the plans page shows below its table; each opens its plan.
 */
@ApplicationScoped
class PlanTasksDueSection implements WorkbenchSection {

    private final PlanTaskService tasks;
    private final Clock clock;

    PlanTasksDueSection(PlanTaskService tasks, Clock clock) {
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isManager();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        LocalDate today = LocalDate.now(clock);
        List<DueTask> due = tasks.dueFor(viewer, today.plusDays(SupplyPlansView.REMINDER_DAYS),
                SupplyPlansView.REMINDERS_SHOWN);
        return new SectionSummary("plan-tasks-due", t.getTranslation("workbench.plan-tasks"), due.size(), "plans",
                t.getTranslation("workbench.plan-tasks.link"),
                due.stream().limit(8).map(d -> new SectionRow(d.customerName() + " · " + d.title(),
                        t.getTranslation(d.dueOn().isBefore(today) ? "workbench.overdue-since" : "workbench.due",
                                WorkbenchFormats.day(d.dueOn())),
                        "plans/" + d.planId(), d.dueOn().isBefore(today))).toList(),
                t.getTranslation("workbench.plan-tasks.none"));
    }
}
