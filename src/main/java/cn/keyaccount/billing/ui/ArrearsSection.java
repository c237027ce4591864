package cn.keyaccount.billing.ui;

import cn.keyaccount.billing.BillAlerts;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchFormats;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;

/** The manager's workbench: their customers in arrears (unpaid bills past due), the oldest debt first. */
@ApplicationScoped
class ArrearsSection implements WorkbenchSection {

    private final BillAlerts bills;

    ArrearsSection(BillAlerts bills) {
        this.bills = bills;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isManager();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        return new SectionSummary("arrears", t.getTranslation("workbench.arrears"), bills.countArrears(viewer),
                "customers", t.getTranslation("workbench.arrears.link"),
                bills.arrears(viewer, 8).stream().map(a -> new SectionRow(a.customerName(),
                        t.getTranslation("workbench.arrears.row", WorkbenchFormats.money(a.amount()),
                                WorkbenchFormats.day(a.oldestDue())), "customers/" + a.customerId(), true)).toList(),
                t.getTranslation("workbench.arrears.none"));
    }
}
