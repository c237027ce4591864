package cn.keyaccount.outage.ui;

import cn.keyaccount.outage.OutagesAhead;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The supervisor's workbench: outages held for their approval (a first warning later than the rules allow, or a
 * conflict with a supply-guarantee plan or a critical period), as the outage list shows them under 待审批.
 */
@ApplicationScoped
class HeldOutagesSection implements WorkbenchSection {

    private final OutagesAhead outages;

    HeldOutagesSection(OutagesAhead outages) {
        this.outages = outages;
    }

    @Override
    public int order() {
        return 15;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isSupervisor();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        return new SectionSummary("outages-held", t.getTranslation("workbench.outages-held"),
                outages.countHeld(viewer), "outages?status=HELD", t.getTranslation("workbench.outages-held.link"),
                outages.held(viewer, 8).stream().map(o -> OutagesAheadSection.row(o, t)).toList(),
                t.getTranslation("workbench.outages-held.none"));
    }
}
