package cn.keyaccount.application.ui;

import cn.keyaccount.application.ApplicationRow;
import cn.keyaccount.application.ApplicationService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchFormats;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The workbench's open applications of the manager's customers (a supervisor: the unit's), overdue first. */
@ApplicationScoped
class ApplicationsSection implements WorkbenchSection {

    static final int SHOWN = 8;

    private final ApplicationService applications;

    ApplicationsSection(ApplicationService applications) {
        this.applications = applications;
    }

    @Override
    public int order() {
        return 35;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isManager() || viewer.isSupervisor();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        ApplicationService.ApplicationFilter open = new ApplicationService.ApplicationFilter(null, null, null, null,
                true, false);
        List<ApplicationRow> rows = applications.list(viewer, open, 0, SHOWN);
        long count = applications.count(viewer, open);
        long overdue = applications.count(viewer, new ApplicationService.ApplicationFilter(null, null, null, null,
                true, true));
        return new SectionSummary("applications-open", t.getTranslation("application.section-title"), count,
                overdue > 0 ? "applications?overdue=true" : "applications", t.getTranslation("application.menu"),
                rows.stream().map(r -> new SectionRow(r.number() + " · " + r.customerName() + " · "
                        + t.getTranslation("application.kind." + r.kind()),
                        (r.currentStep() == null ? "" : t.getTranslation("application.step." + r.currentStep()))
                                + (r.dueOn() == null ? " · " + t.getTranslation("application.status." + r.status())
                                : " · " + t.getTranslation("application.due-on") + " "
                                + WorkbenchFormats.day(r.dueOn())),
                        "applications/" + r.id(), r.overdue())).toList(),
                t.getTranslation("application.none"), t.getTranslation("application.open-count", count, overdue));
    }
}
