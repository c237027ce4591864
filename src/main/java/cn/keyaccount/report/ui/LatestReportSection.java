package cn.keyaccount.report.ui;

import cn.keyaccount.report.ReportDetails;
import cn.keyaccount.report.ReportService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchFormats;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;

/** The customer's portal home: their latest energy-audit reports, downloaded on 能效报告. */
@ApplicationScoped
class LatestReportSection implements WorkbenchSection {

    private final ReportService reports;

    LatestReportSection(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isCustomer();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        return new SectionSummary("latest-report", t.getTranslation("workbench.reports"), reports.count(viewer, null),
                "portal/reports", t.getTranslation("workbench.reports.link"),
                reports.list(viewer, null, 0, 2).stream().map(r -> row(r, t)).toList(),
                t.getTranslation("workbench.reports.none"));
    }

    private static SectionRow row(ReportDetails r, Texts t) {
        return new SectionRow(r.customerName() + " · " + r.period(),
                r.downloadedByCustomer() ? WorkbenchFormats.time(r.generatedAt())
                        : t.getTranslation("workbench.reports.new", WorkbenchFormats.time(r.generatedAt())),
                "portal/reports", !r.downloadedByCustomer());
    }
}
