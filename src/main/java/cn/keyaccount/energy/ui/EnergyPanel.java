package cn.keyaccount.energy.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.MainLayout;
import cn.keyaccount.energy.EnergyAnalyzer;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.energy.HealthScore;
import cn.keyaccount.energy.MonthFigures;
import cn.keyaccount.energy.Recommendation;
import cn.keyaccount.energy.TouPeriod;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * A customer's energy dashboard as tables: the period's load figures and health score, the months with power
 * factor, adjustment and charges, the time-of-use split, and the recommendations with saving and payback;
 * optionally beside the same period a year earlier. Charts (ECharts) are not built yet.
 */
public class EnergyPanel extends VerticalLayout {

    private final EnergyService energy;
    private final Viewer viewer;
    private final long customerId;
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Checkbox lastYear = new Checkbox();
    final Div summary = new Div();
    final Grid<MonthFigures> months = new Grid<>();
    final Grid<TouPeriod> tou = new Grid<>();
    final Grid<Recommendation> recommendations = new Grid<>();
    final Grid<HealthScore.Component> health = new Grid<>();
    private EnergyAnalyzer.Result result;

    public EnergyPanel(EnergyService energy, Viewer viewer, long customerId) {
        this.energy = energy;
        this.viewer = viewer;
        this.customerId = customerId;
        setPadding(false);
        // built when first shown: a tab that is never opened costs no analysis
        addAttachListener(e -> {
            if (getComponentCount() == 0) {
                build();
            }
        });
    }

    private void build() {
        EnergyService.Coverage coverage = energy.coverage(viewer, customerId);
        if (coverage.lastDay() == null) {
            add(MainLayout.emptyState(getTranslation("energy.no-readings")));
            return;
        }
        LocalDate start = coverage.lastDay().minusYears(1).plusDays(1);
        from.setLabel(getTranslation("energy.from"));
        from.setValue(start.isBefore(coverage.firstDay()) ? coverage.firstDay() : start);
        to.setLabel(getTranslation("energy.to"));
        to.setValue(coverage.lastDay());
        lastYear.setLabel(getTranslation("energy.compare-last-year"));
        Button run = new Button(getTranslation("energy.analyse"), e -> analyse());
        HorizontalLayout bar = new HorizontalLayout(from, to, lastYear, run);
        bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        configureGrids();
        add(bar, summary, new H3(getTranslation("energy.health")), health,
                new H3(getTranslation("energy.recommendations")), recommendations,
                new H3(getTranslation("energy.months")), months, new H3(getTranslation("energy.tou")), tou);
        analyse();
    }

    private void configureGrids() {
        months.addColumn(m -> m.month().toString()).setHeader(getTranslation("energy.month"));
        months.addColumn(m -> Math.round(m.kwh())).setHeader("kWh");
        months.addColumn(MonthFigures::maxDemandKw).setHeader(getTranslation("energy.max-demand"));
        months.addColumn(MonthFigures::powerFactor).setHeader(getTranslation("energy.power-factor"));
        months.addColumn(m -> m.adjustmentPercent() + " %").setHeader(getTranslation("energy.adjustment"));
        months.addColumn(MonthFigures::energyYuan).setHeader(getTranslation("energy.energy-charge"));
        months.addColumn(MonthFigures::basicYuan).setHeader(getTranslation("energy.basic-charge"));
        months.addColumn(MonthFigures::adjustmentYuan).setHeader(getTranslation("energy.adjustment-yuan"));
        months.setAllRowsVisible(true);
        tou.addColumn(p -> getTranslation("energy.period." + p.name())).setHeader(getTranslation("energy.period"));
        tou.addColumn(p -> Math.round(result.tou().kwh().get(p))).setHeader("kWh");
        tou.addColumn(p -> Math.round(result.tou().yuan().get(p))).setHeader(getTranslation("energy.yuan"));
        tou.setAllRowsVisible(true);
        recommendations.addColumn(r -> getTranslation(r.messageKey(), r.args().toArray()))
                .setHeader(getTranslation("energy.recommendation")).setFlexGrow(3);
        recommendations.addColumn(Recommendation::annualSavingYuan).setHeader(getTranslation("energy.saving"));
        recommendations.addColumn(Recommendation::investmentYuan).setHeader(getTranslation("energy.investment"));
        recommendations.addColumn(r -> r.paybackYears() == null ? "—" : r.paybackYears().toString())
                .setHeader(getTranslation("energy.payback"));
        recommendations.setAllRowsVisible(true);
        health.addColumn(c -> getTranslation("energy.component." + c.key()))
                .setHeader(getTranslation("energy.component"));
        health.addColumn(HealthScore.Component::score).setHeader(getTranslation("energy.score"));
        health.addColumn(HealthScore.Component::weight).setHeader(getTranslation("energy.weight"));
        health.addColumn(c -> getTranslation(c.explanationKey(), c.args().toArray()))
                .setHeader(getTranslation("energy.explanation")).setFlexGrow(3);
        health.setAllRowsVisible(true);
    }

    void analyse() {
        try {
            result = energy.analyse(viewer, customerId, from.getValue(), to.getValue());
        } catch (BusinessException e) {
            summary.removeAll();
            summary.add(new Span(getTranslation(e.key(), e.args())));
            return;
        }
        summary.removeAll();
        summary.add(figures(result, "energy.this-period"));
        if (lastYear.getValue()) {
            EnergyAnalyzer.Result before = energy.analyse(viewer, customerId, from.getValue().minusYears(1),
                    to.getValue().minusYears(1));
            summary.add(figures(before, "energy.last-year"));
        }
        months.setItems(result.months());
        tou.setItems(Arrays.stream(TouPeriod.values()).filter(p -> result.tou().kwh().get(p) > 0).toList());
        recommendations.setItems(result.recommendations());
        health.setItems(result.health().components());
    }

    private Div figures(EnergyAnalyzer.Result r, String label) {
        Div d = new Div();
        d.add(new Span(getTranslation(label) + ": " + getTranslation("energy.figures",
                Math.round(r.load().energyKwh()), Math.round(r.load().maxDemandKw()),
                String.format("%.2f", r.load().loadFactor()), String.format("%.2f", r.load().peakValleyRate()),
                r.totalYuan(), r.health().total())));
        d.getElement().setAttribute("data-period", label);
        return d;
    }

    List<MonthFigures> shownMonths() {
        return result == null ? List.of() : result.months();
    }
}
