package cn.keyaccount.supplyplan.ui;

import cn.keyaccount.security.Viewer;
import cn.keyaccount.supplyplan.PlanStatus;
import cn.keyaccount.supplyplan.SupplyPlanService;
import cn.keyaccount.supplyplan.SupplyPlanService.PlanFilter;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchFormats;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;

/** The supervisor's workbench: supply-guarantee plans submitted for their approval, each opening the plan. */
@ApplicationScoped
class PlansAwaitingApprovalSection implements WorkbenchSection {

    private static final PlanFilter SUBMITTED = new PlanFilter(PlanStatus.SUBMITTED, null, null);

    private final SupplyPlanService plans;

    PlansAwaitingApprovalSection(SupplyPlanService plans) {
        this.plans = plans;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isSupervisor();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        return new SectionSummary("plans-submitted", t.getTranslation("workbench.plans-submitted"),
                plans.count(viewer, SUBMITTED), "plans?status=SUBMITTED",
                t.getTranslation("workbench.plans-submitted.link"),
                plans.list(viewer, SUBMITTED, 0, 8).stream().map(p -> SectionRow.of(p.customerName() + " · "
                        + p.title(), WorkbenchFormats.time(p.startsAt()), "plans/" + p.id())).toList(),
                t.getTranslation("workbench.plans-submitted.none"));
    }
}
