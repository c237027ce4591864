package cn.keyaccount.energy.ui;

import cn.keyaccount.energy.PowerFactorAlerts;
import cn.keyaccount.energy.PowerFactorAlerts.PowerFactorSummary;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;

/**
 * The manager's workbench: their customers whose power factor last month was below their standard (a surcharge on
 * the bill), the lowest first; each opens the customer page, whose 能效分析 tab shows the month.
 */
@ApplicationScoped
class PowerFactorSection implements WorkbenchSection {

    private final PowerFactorAlerts alerts;
    private final Clock clock;

    PowerFactorSection(PowerFactorAlerts alerts, Clock clock) {
        this.alerts = alerts;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isManager();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        YearMonth month = YearMonth.now(clock).minusMonths(1);
        List<PowerFactorSummary> low = alerts.belowStandard(viewer, month);
        return new SectionSummary("power-factor", t.getTranslation("workbench.power-factor", month.toString()),
                low.size(), "customers", t.getTranslation("workbench.power-factor.link"),
                low.stream().limit(8).map(p -> new SectionRow(p.customerName(),
                        t.getTranslation("workbench.power-factor.row", p.powerFactor().toPlainString(),
                                p.standard().toPlainString()), "customers/" + p.customerId(), true)).toList(),
                t.getTranslation("workbench.power-factor.none"));
    }
}
