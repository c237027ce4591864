package cn.keyaccount.energy.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Money;
import cn.keyaccount.base.ui.MainLayout;
import cn.keyaccount.energy.EnergyAnalyzer;
import cn.keyaccount.energy.EnergyProfile;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.energy.HealthScore;
import cn.keyaccount.energy.LoadCurve;
import cn.keyaccount.energy.MonthFigures;
import cn.keyaccount.energy.Recommendation;
import cn.keyaccount.energy.TouPeriod;
import cn.keyaccount.energy.TransformerLoad;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A customer's energy dashboard: a period picker with comparison against the same period a year earlier, the
 * period's figures and health score, ECharts charts (load curve, typical and maximum-demand day, TOU split, monthly
 * trend, power factor) and the tables behind them. Editors also upload meter files and edit the energy profile.
 */
public class EnergyPanel extends VerticalLayout {

    private final EnergyService energy;
    private final Viewer viewer;
    private final long customerId;
    private final boolean editable;
    PeriodBar period;
    final Div summary = new Div();
    /** Says when the period compared with holds fewer days of readings than this one. */
    final Span coverageNote = new Span();
    /** Names the months that hold fewer days of readings than they have (lighter bars, a * on the axis). */
    final Span partialNote = new Span();
    final EnergyChart loadCurve = new EnergyChart("energy-load-curve");
    final EnergyChart days = new EnergyChart("energy-days");
    final EnergyChart touPie = new EnergyChart("energy-tou");
    final EnergyChart monthly = new EnergyChart("energy-monthly");
    final EnergyChart powerFactor = new EnergyChart("energy-power-factor");
    final Grid<MonthFigures> months = new Grid<>();
    final Grid<TouPeriod> tou = new Grid<>();
    final Grid<Recommendation> recommendations = new Grid<>();
    final Grid<HealthScore.Component> health = new Grid<>();
    final TransformerGrid transformers = new TransformerGrid();
    final Span transformerNote = new Span();
    final BasicChargeComparison basicCharge = new BasicChargeComparison();
    private EnergyAnalyzer.Result result;
    /** Whole kWh as shown, adding up to the shown total (WholeUnits). */
    private Map<YearMonth, Long> monthKwh = Map.of();
    private Map<TouPeriod, Long> touKwh = Map.of();

    public EnergyPanel(EnergyService energy, Viewer viewer, long customerId) {
        this(energy, viewer, customerId, false);
    }

    /** @param editable whether the viewer may upload meter files and edit the customer's energy profile */
    public EnergyPanel(EnergyService energy, Viewer viewer, long customerId, boolean editable) {
        this.energy = energy;
        this.viewer = viewer;
        this.customerId = customerId;
        this.editable = editable;
        setPadding(false);
        configureGrids();
        // built when first shown: a tab that is never opened costs no analysis
        addAttachListener(e -> {
            if (getComponentCount() == 0) {
                build();
            }
        });
    }

    /** Builds (or, after an upload or a profile change, rebuilds) the panel for the data there is now. */
    void build() {
        removeAll();
        EnergyService.Coverage coverage = energy.coverage(viewer, customerId);
        HorizontalLayout actions = new HorizontalLayout();
        if (editable) {
            Button upload = new Button(getTranslation("energy.upload"), VaadinIcon.UPLOAD.create(),
                    e -> new EnergyUploadDialog(energy, viewer, customerId, this::build).open());
            upload.setId("energy-upload");
            Button profile = new Button(getTranslation("energy.profile"), VaadinIcon.COG.create(),
                    e -> new EnergyProfileDialog(energy, viewer, customerId, this::build).open());
            profile.setId("energy-profile");
            Button meters = new Button(getTranslation("energy.meters"), VaadinIcon.CONNECT.create(),
                    e -> new EnergyMetersDialog(energy, viewer, customerId, this::build).open());
            meters.setId("energy-meters");
            actions.add(upload, profile, meters);
        }
        add(actions);
        if (coverage.lastDay() == null) {
            add(MainLayout.emptyState(getTranslation("energy.no-readings")));
            return;
        }
        period = new PeriodBar(coverage.firstDay(), coverage.lastDay());
        Button run = new Button(getTranslation("energy.analyse"), e -> analyse());
        period.add(run);
        for (EnergyChart c : List.of(loadCurve, days, touPie, monthly, powerFactor)) {
            c.setWidthFull();
        }
        coverageNote.setId("energy-coverage-note");
        partialNote.setId("energy-partial-note");
        for (Span note : List.of(coverageNote, partialNote)) {
            note.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");
        }
        add(period, summary, coverageNote, partialNote, loadCurve, pair(days, touPie), pair(monthly, powerFactor),
                new H3(getTranslation("energy.health")), health,
                new H3(getTranslation("energy.recommendations")), recommendations,
                new H3(getTranslation("energy.months")), months, basicCharge, new H3(getTranslation("energy.tou")), tou,
                new H3(getTranslation("energy.transformers")), transformers, transformerNote);
        analyse();
    }

    private static Component pair(EnergyChart a, EnergyChart b) {
        FlexLayout row = new FlexLayout(a, b);
        row.setWidthFull();
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        a.getStyle().set("flex", "2 1 420px");
        b.getStyle().set("flex", "1 1 320px");
        row.setAlignItems(FlexComponent.Alignment.STRETCH);
        return row;
    }

    private void configureGrids() {
        months.addColumn(m -> m.month() + (m.partial() ? " *" : "")).setHeader(getTranslation("energy.month"))
                .setTooltipGenerator(m -> m.partial() ? getTranslation("energy.partial-month", m.daysWithData(),
                        m.month().lengthOfMonth()) : "");
        months.addColumn(m -> m.daysWithData() + " / " + m.month().lengthOfMonth())
                .setHeader(getTranslation("energy.days-with-data"));
        months.addColumn(m -> monthKwh.get(m.month())).setHeader("kWh");
        months.addColumn(MonthFigures::maxDemandKw).setHeader(getTranslation("energy.max-demand"));
        months.addColumn(MonthFigures::powerFactor).setHeader(getTranslation("energy.power-factor"));
        months.addColumn(m -> m.adjustmentPercent() + " %").setHeader(getTranslation("energy.adjustment"));
        months.addColumn(m -> Money.yuan(m.energyYuan())).setHeader(getTranslation("energy.energy-charge"));
        months.addColumn(m -> String.format(Locale.ROOT, "%,.1f", m.capacityInServiceKva()))
                .setHeader(getTranslation("energy.capacity-in-service"));
        months.addColumn(m -> Money.yuan(m.basicYuan())).setHeader(getTranslation("energy.basic-charge"));
        months.addColumn(m -> Money.yuan(m.adjustmentYuan())).setHeader(getTranslation("energy.adjustment-yuan"));
        months.setAllRowsVisible(true);
        tou.addColumn(p -> getTranslation("energy.period." + p.name())).setHeader(getTranslation("energy.period"));
        tou.addColumn(p -> touKwh.get(p)).setHeader("kWh");
        tou.addColumn(p -> Money.yuan(result.tou().yuan().get(p))).setHeader(getTranslation("energy.yuan"));
        tou.setAllRowsVisible(true);
        recommendations.addColumn(r -> explain(r.messageKey(), r.args()))
                .setHeader(getTranslation("energy.recommendation")).setFlexGrow(3);
        recommendations.addColumn(r -> Money.yuan(r.annualSavingYuan())).setHeader(getTranslation("energy.saving"));
        recommendations.addColumn(r -> Money.yuan(r.investmentYuan())).setHeader(getTranslation("energy.investment"));
        recommendations.addColumn(r -> r.paybackYears() == null ? "—" : r.paybackYears().toString())
                .setHeader(getTranslation("energy.payback"));
        if (editable) {
            recommendations.addComponentColumn(r -> r.application() == null ? new Span() : startApplication(r))
                    .setAutoWidth(true).setFlexGrow(0);
        }
        recommendations.setAllRowsVisible(true);
        health.addColumn(c -> getTranslation("energy.component." + c.key()))
                .setHeader(getTranslation("energy.component"));
        health.addColumn(HealthScore.Component::score).setHeader(getTranslation("energy.score"));
        health.addColumn(HealthScore.Component::weight).setHeader(getTranslation("energy.weight"));
        health.addColumn(c -> explain(c.explanationKey(), c.args()))
                .setHeader(getTranslation("energy.explanation")).setFlexGrow(3);
        health.setAllRowsVisible(true);
    }

    /**
     * "Start an application" for advice that needs one: opens the application form pre-filled
     * ({@link ApplicationLink}); the address is also the button's {@code data-href}.
     */
    Button startApplication(Recommendation r) {
        Button start = new Button(getTranslation("energy.start-application"), VaadinIcon.FILE_ADD.create(),
                e -> getUI().ifPresent(ui -> ui.navigate(ApplicationLink.ROUTE,
                        ApplicationLink.parameters(customerId, r.application()))));
        start.addThemeVariants(ButtonVariant.LUMO_SMALL);
        start.setId("energy-start-application-" + r.application().kind().routeName());
        start.getElement().setAttribute("data-href", ApplicationLink.url(customerId, r.application()));
        return start;
    }

    /** An explained text of the analysis with a billing mode or load band argument (CAPACITY, LIGHT) in words. */
    String explain(String key, List<Object> args) {
        return getTranslation(key, args.stream().map(a -> a instanceof String s && s.matches("[A-Z_]+")
                ? word(s) : a).toArray());
    }

    private String word(String name) {
        String mode = getTranslation("customer.basic-charge-mode." + name);
        String band = getTranslation("energy.band." + name);
        return !mode.startsWith("!") ? mode : !band.startsWith("!") ? band : name;
    }

    void analyse() {
        summary.removeAll();
        coverageNote.setText("");
        partialNote.setText("");
        EnergyAnalyzer.Result before = null;
        LoadCurve curve;
        LoadCurve curveBefore = null;
        try {
            result = energy.analyse(viewer, customerId, period.from.getValue(), period.to.getValue());
            curve = energy.loadCurve(viewer, customerId, period.from.getValue(), period.to.getValue());
            if (period.lastYear.getValue()) {
                before = energy.analyse(viewer, customerId, period.from.getValue().minusYears(1),
                        period.to.getValue().minusYears(1));
                curveBefore = energy.loadCurve(viewer, customerId, period.from.getValue().minusYears(1),
                        period.to.getValue().minusYears(1));
            }
        } catch (BusinessException e) { // the analysis says in its own place why there is no result
            summary.add(new Span(getTranslation(e.key(), e.args())));
            return;
        }
        summary.add(figures(result, "energy.this-period"));
        if (before != null) {
            summary.add(figures(before, "energy.last-year"));
        }
        coverageNote.setText(coverageNote(result, before));
        partialNote.setText(partialNote(result));
        EnergyProfile profile = energy.profile(viewer, customerId);
        EnergyCharts charts = new EnergyCharts(this::getTranslation);
        loadCurve.setOption(charts.loadCurve(curve, curveBefore));
        days.setOption(charts.typicalDay(result, before));
        touPie.setOption(charts.touSplit(result));
        monthly.setOption(charts.monthlyTrend(result, before));
        powerFactor.setOption(charts.powerFactor(result, before, profile.powerFactorStandard().value(),
                energy.targetPowerFactor()));
        monthKwh = result.wholeByMonth(MonthFigures::kwh);
        touKwh = result.tou().wholeKwh();
        months.setItems(result.months());
        tou.setItems(List.copyOf(touKwh.keySet()));
        basicCharge.show(result);
        transformers.show(result);
        transformers.setVisible(!result.transformers().isEmpty());
        transformerNote.setText(getTranslation(result.transformers().isEmpty() ? "energy.no-transformers"
                : result.transformers().stream().anyMatch(t -> t.basis() == TransformerLoad.Basis.SHARED_BY_RATING)
                ? "energy.transformer.shared-note" : "energy.transformer.metered-note"));
        recommendations.setItems(result.recommendations());
        health.setItems(result.health().components());
    }

    /** Empty when the periods hold readings on as many days; else what each holds, so that no one reads a drop. */
    private String coverageNote(EnergyAnalyzer.Result now, EnergyAnalyzer.Result lastYear) {
        if (lastYear == null || lastYear.daysWithData() == now.daysWithData()) {
            return "";
        }
        if (lastYear.daysWithData() > now.daysWithData()) {
            return getTranslation("energy.compare.more-data", now.daysWithData(), lastYear.daysWithData());
        }
        if (lastYear.daysWithData() == 0) {
            return getTranslation("energy.compare.no-data");
        }
        long months = lastYear.months().stream().filter(m -> m.daysWithData() > 0).count();
        return getTranslation("energy.compare.less-data", lastYear.daysWithData(), months, now.daysWithData());
    }

    private String partialNote(EnergyAnalyzer.Result r) {
        List<String> partial = r.months().stream().filter(MonthFigures::partial)
                .map(m -> getTranslation("energy.partial-month-item", m.month().toString(), m.daysWithData(),
                        m.month().lengthOfMonth()))
                .toList();
        return partial.isEmpty() ? "" : getTranslation("energy.partial-months", String.join(", ", partial));
    }

    private Div figures(EnergyAnalyzer.Result r, String label) {
        Div d = new Div();
        d.add(new Span(getTranslation(label) + ": " + getTranslation("energy.figures",
                Math.round(r.load().energyKwh()), Math.round(r.load().maxDemandKw()),
                String.format("%.2f", r.load().loadFactor()), String.format("%.2f", r.load().peakValleyRate()),
                Money.yuan(r.totalYuan()), r.health().total()) + getTranslation("energy.figures-coverage",
                r.daysWithData(), r.daysInPeriod())));
        d.getElement().setAttribute("data-period", label);
        return d;
    }

    List<MonthFigures> shownMonths() {
        return result == null ? List.of() : result.months();
    }
}
