package cn.keyaccount.outage.ui;

import cn.keyaccount.outage.CustomerOutage;
import cn.keyaccount.outage.OutageQueries;
import cn.keyaccount.outage.OutagesAhead;
import cn.keyaccount.outage.OutagesAhead.OutageAheadSummary;
import cn.keyaccount.outage.OutageStatus;
import cn.keyaccount.outage.WarningClass;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchFormats;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;

/**
 * Outages ahead on three workbenches: the scheduler's this week (Monday to Sunday) with how early the customers were
 * warned (on time, 5–7 days, late) or that it waits for approval; the manager's the next seven days on their
 * customers' lines; the customer's on their accounts, as 停电通知 lists them. Each opens the outage.
 */
@ApplicationScoped
class OutagesAheadSection implements WorkbenchSection {

    private static final int SHOWN = 8;

    private final OutagesAhead outages;
    private final OutageQueries queries;
    private final Clock clock;

    OutagesAheadSection(OutagesAhead outages, OutageQueries queries, Clock clock) {
        this.outages = outages;
        this.queries = queries;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isManager() || viewer.is(Role.SCHEDULER) || viewer.isCustomer();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        if (viewer.isCustomer()) {
            return forCustomer(viewer, t);
        }
        boolean scheduler = viewer.is(Role.SCHEDULER);
        OffsetDateTime from;
        OffsetDateTime to;
        if (scheduler) {
            LocalDate monday = LocalDate.now(clock).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            from = monday.atStartOfDay(clock.getZone()).toOffsetDateTime();
            to = monday.plusWeeks(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        } else {
            from = OffsetDateTime.now(clock);
            to = from.plusDays(7);
        }
        String key = scheduler ? "workbench.outages-week" : "workbench.outages-7-days";
        return new SectionSummary(scheduler ? "outages-week" : "outages-ahead", t.getTranslation(key),
                outages.countBetween(viewer, from, to), "outages", t.getTranslation("workbench.outages.link"),
                outages.between(viewer, from, to, SHOWN).stream().map(o -> row(o, t)).toList(),
                t.getTranslation(key + ".none"));
    }

    static SectionRow row(OutageAheadSummary o, Texts t) {
        String state = o.status() == OutageStatus.HELD ? t.getTranslation("workbench.outage.held")
                + (o.heldLate() ? " · " + t.getTranslation("workbench.outage.held-late") : "")
                + (o.heldConflict() ? " · " + t.getTranslation("workbench.outage.held-conflict") : "")
                : o.warningClass() == null ? t.getTranslation("workbench.outage.class.none")
                : t.getTranslation("workbench.outage.class." + o.warningClass());
        boolean attention = o.status() == OutageStatus.HELD || o.warningClass() != null
                && o.warningClass() != WarningClass.ON_TIME && o.warningClass() != WarningClass.AT_ONCE;
        return new SectionRow(WorkbenchFormats.time(o.startsAt()) + " " + o.title(), state, "outages?outage=" + o.id(),
                attention);
    }

    private SectionSummary forCustomer(Viewer viewer, Texts t) {
        List<CustomerOutage> ahead = queries.upcomingForCustomer(viewer);
        return new SectionSummary("outages-ahead", t.getTranslation("workbench.outages-portal"), ahead.size(),
                "portal/outages", t.getTranslation("workbench.outages-portal.link"),
                ahead.stream().limit(SHOWN).map(o -> new SectionRow(o.customerName() + " · " + o.title(),
                        WorkbenchFormats.time(o.startsAt()) + (o.status() == OutageStatus.CANCELLED
                                ? " · " + t.getTranslation("workbench.outage.cancelled") : ""),
                        "portal/outages", o.status() != OutageStatus.CANCELLED)).toList(),
                t.getTranslation("workbench.outages-portal.none"));
    }
}
