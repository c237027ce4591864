package cn.keyaccount.visit.ui;

import cn.keyaccount.security.Viewer;
import cn.keyaccount.visit.ComplianceRow;
import cn.keyaccount.visit.VisitCompliance;
import cn.keyaccount.visit.VisitService;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;

/**
 * The supervisor's workbench: visit compliance of this month per manager, the lowest rate first, and the visits
 * missed so far as the count; it links to 走访考核 for the same month.
 */
@ApplicationScoped
class ComplianceSection implements WorkbenchSection {

    private final VisitCompliance compliance;
    private final VisitService visits;

    ComplianceSection(VisitCompliance compliance, VisitService visits) {
        this.compliance = compliance;
        this.visits = visits;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isSupervisor();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        LocalDate today = visits.today();
        LocalDate from = today.withDayOfMonth(1);
        LocalDate to = today.withDayOfMonth(today.lengthOfMonth());
        List<ComplianceRow> rows = compliance.rows(viewer, from, to, VisitCompliance.GroupBy.MANAGER);
        long onTime = rows.stream().mapToLong(ComplianceRow::onTime).sum();
        long due = rows.stream().mapToLong(r -> r.onTime() + r.late() + r.missed()).sum();
        long missed = rows.stream().mapToLong(ComplianceRow::missed).sum();
        String link = "visits/dashboard?from=" + from + "&to=" + to;
        String title = due == 0 ? t.getTranslation("workbench.compliance")
                : t.getTranslation("workbench.compliance.rate", Math.round(100.0 * onTime / due));
        return new SectionSummary("visit-compliance", title, missed, link,
                t.getTranslation("workbench.compliance.link"),
                rows.stream().filter(r -> r.rate() != null)
                        .sorted(Comparator.comparingInt(ComplianceRow::rate).thenComparing(ComplianceRow::label))
                        .limit(TodayVisitsSection.SHOWN)
                        .map(r -> new SectionRow(r.label(), t.getTranslation("workbench.compliance.row", r.rate(),
                                r.missed()), link, r.missed() > 0))
                        .toList(),
                t.getTranslation("workbench.compliance.none"), t.getTranslation("workbench.compliance.count"));
    }
}
