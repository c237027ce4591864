package cn.keyaccount.visit.ui;

import cn.keyaccount.security.Viewer;
import cn.keyaccount.visit.VisitQuery;
import cn.keyaccount.visit.VisitRow;
import cn.keyaccount.visit.VisitService;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchFormats;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;

/** The manager's workbench: the open visits of today and tomorrow, each opening in the calendar. */
@ApplicationScoped
class TodayVisitsSection implements WorkbenchSection {

    static final int SHOWN = 8;

    private final VisitService visits;

    TodayVisitsSection(VisitService visits) {
        this.visits = visits;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isManager();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        LocalDate today = visits.today();
        VisitQuery query = new VisitQuery(today, today.plusDays(1), null, null, null, VisitQuery.Show.OPEN);
        return new SectionSummary("visits-today", t.getTranslation("workbench.visits-today"),
                visits.count(viewer, query), "visits", t.getTranslation("workbench.visits-today.link"),
                visits.list(viewer, query, 0, SHOWN).stream().map(v -> row(v, today, t)).toList(),
                t.getTranslation("workbench.visits-today.none"));
    }

    private static SectionRow row(VisitRow v, LocalDate today, Texts t) {
        String when = (v.plannedDate().equals(today) ? t.getTranslation("workbench.today-short")
                : t.getTranslation("workbench.tomorrow-short"))
                + (v.plannedTime() == null ? "" : " " + v.plannedTime());
        return new SectionRow(v.customerName() + " · " + t.getTranslation("visit.type." + v.type()), when,
                "visits?visit=" + v.id(), v.plannedDate().equals(today));
    }
}
