package cn.keyaccount.visit.ui;

import cn.keyaccount.security.Viewer;
import cn.keyaccount.visit.VisitRow;
import cn.keyaccount.visit.VisitService;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchFormats;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The customer's portal home: the next visits of their account manager, answered on 走访预约. */
@ApplicationScoped
class NextVisitSection implements WorkbenchSection {

    private final VisitService visits;

    NextVisitSection(VisitService visits) {
        this.visits = visits;
    }

    @Override
    public int order() {
        return 20;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isCustomer();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        List<VisitRow> upcoming = visits.upcomingForCustomer(viewer);
        return new SectionSummary("next-visit", t.getTranslation("workbench.next-visit"), upcoming.size(),
                "portal/visits", t.getTranslation("workbench.next-visit.link"),
                upcoming.stream().limit(3).map(v -> SectionRow.of(v.customerName() + " · "
                        + t.getTranslation("visit.type." + v.type()) + " · " + v.managerName(),
                        WorkbenchFormats.day(v.plannedDate()) + (v.plannedTime() == null ? "" : " " + v.plannedTime()),
                        "portal/visits")).toList(),
                t.getTranslation("workbench.next-visit.none"));
    }
}
