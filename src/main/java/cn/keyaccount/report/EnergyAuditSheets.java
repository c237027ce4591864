package cn.keyaccount.report;

import cn.keyaccount.energy.Anomalies;
import cn.keyaccount.energy.BasicChargeRules;
import cn.keyaccount.energy.EnergyAnalyzer;
import cn.keyaccount.energy.HealthScore;
import cn.keyaccount.energy.IntervalSeries;
import cn.keyaccount.energy.LoadMetrics;
import cn.keyaccount.energy.MonthFigures;
import cn.keyaccount.energy.PowerFactor;
import cn.keyaccount.energy.PowerFactorStandard;
import cn.keyaccount.energy.Recommendation;
import cn.keyaccount.energy.TouPeriod;
import cn.keyaccount.energy.TransformerLoad;
import cn.keyaccount.energy.WholeUnits;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The sheets of the energy-audit workbook ({@link EnergyAuditWorkbook}), one method each, in the order they appear:
 * summary, months, time of use, load curves, power factor, basic-charge modes, transformer, recommendations, data
 * quality, and the interval sheet's layout (its rows are written when the workbook is saved). The cells, styles and
 * charts they write with are {@link WorkbookCells}. Over 400 lines on purpose: each sheet reads top to bottom in
 * one method, and a class per sheet would only pass the same content, analysis and styles around.
 */
final class EnergyAuditSheets extends WorkbookCells {
    private final EnergyAnalyzer.Result a;
    private final ChartColours charts;

    EnergyAuditSheets(XSSFWorkbook wb, ReportContent c, List<byte[]> colours, byte[] logo) {
        super(wb, c, logo);
        this.a = c.analysis();
        this.charts = new ChartColours(colours);
    }

    void all() {
        summary();
        months();
        tou();
        curves();
        powerFactor();
        basicCharge();
        transformer();
        recommendations();
        dataQuality();
    }

    private void summary() {
        XSSFSheet s = sheet("report.sheet.summary");
        set(s, 0, 0, c.t("report.title"), "title");
        set(s, 1, 0, c.customer().name() + "（" + c.t("report.account-no") + " " + c.customer().accountNo() + "）",
                "subtitle");
        s.getRow(0).setHeightInPoints(30);
        s.getRow(1).setHeightInPoints(20);
        set(s, 2, 0, c.t("report.period-line", c.period(), a.from().toString(), a.to().toString()), "text");
        set(s, 3, 0, c.t("report.issue-line", c.issue(), c.generatedBy(),
                c.generatedAt().atZoneSameInstant(ReportService.ZONE).toLocalDateTime().withNano(0)
                        .toString().replace('T', ' ')), "text");
        int r = header(s, 5, "report.figure", "report.value", "report.unit");
        LoadMetrics l = a.load();
        r = figure(s, r, "report.energy", sumOf(c.monthKwh()), "integer", "kWh");
        r = figure(s, r, "report.reactive", sumOf(a.wholeByMonth(MonthFigures::kvarh)), "integer", "kvarh");
        r = figure(s, r, "report.max-demand", l.maxDemandKw(), "decimal", "kW");
        set(s, r, 0, c.t("report.max-demand-at"), "label");
        set(s, r++, 1, l.maxDemandAt() == null ? "—" : l.maxDemandAt().toString().replace('T', ' '), "text");
        r = figure(s, r, "report.average-load", l.averageKw(), "decimal", "kW");
        r = figure(s, r, "report.load-factor", l.loadFactor(), "percent", "");
        r = figure(s, r, "report.peak-valley-rate", l.peakValleyRate(), "percent", "");
        r = figure(s, r, "report.power-factor", PowerFactor.of(l.energyKwh(), l.reactiveKvarh()).doubleValue(),
                "decimal", "");
        r = figure(s, r, "report.total-charge", a.totalYuan(), c.t("report.yuan"));
        r = figure(s, r, "report.health-score", a.health().total(), "integer", "/100");
        r = figure(s, r, "report.annual-saving", c.annualSaving(), c.t("report.yuan-per-year"));
        r = figure(s, r, "report.completeness", l.completeness(), "percent", "");
        r = header(s, r + 1, "report.component", "report.score", "report.weight", "report.explanation");
        for (HealthScore.Component hc : a.health().components()) {
            set(s, r, 0, c.t("energy.component." + hc.key()), "label");
            set(s, r, 1, hc.score(), "integer");
            set(s, r, 2, hc.weight(), "integer");
            set(s, r++, 3, c.explain(hc.explanationKey(), hc.args()), "text");
        }
        widths(s, 22, 18, 12, 60);
        logo(s, 3);
        print(s, 5);
    }

    private void months() {
        XSSFSheet s = sheet("report.sheet.months");
        List<TouPeriod> periods = c.periodsWithEnergy();
        List<String> head = new java.util.ArrayList<>(List.of("report.month", "report.days", "report.kwh",
                "report.kvarh", "report.max-demand-kw", "report.pf", "report.adjustment-percent",
                "report.energy-charge", "report.basic-charge", "report.adjustment-yuan", "report.total"));
        int r = header(s, 0, head.toArray(String[]::new));
        for (int i = 0; i < periods.size(); i++) {
            set(s, 0, head.size() + i, c.t("energy.period." + periods.get(i).name()) + " kWh", "header");
        }
        int first = r;
        Map<YearMonth, Long> kwh = c.monthKwh();
        Map<YearMonth, Long> kvarh = a.wholeByMonth(MonthFigures::kvarh);
        for (MonthFigures m : a.months()) {
            set(s, r, 0, m.month().toString(), "text");
            set(s, r, 1, m.daysCovered(), "integer");
            set(s, r, 2, kwh.get(m.month()), "integer");
            set(s, r, 3, kvarh.get(m.month()), "integer");
            set(s, r, 4, m.maxDemandKw(), "decimal");
            set(s, r, 5, m.powerFactor(), "decimal");
            set(s, r, 6, m.adjustmentPercent().doubleValue() / 100, "percent");
            set(s, r, 7, m.energyYuan(), "money");
            set(s, r, 8, m.basicYuan(), "money");
            set(s, r, 9, m.adjustmentYuan(), "money");
            set(s, r, 10, m.totalYuan(), "money");
            // the month's periods in whole kWh adding up to the month's kWh beside them
            long[] byPeriod = WholeUnits.apportion(kwh.get(m.month()), periods.stream()
                    .mapToDouble(p -> m.touKwh().getOrDefault(p, 0.0)).toArray());
            for (int i = 0; i < periods.size(); i++) {
                set(s, r, head.size() + i, byPeriod[i], "integer");
            }
            r++;
        }
        int last = r - 1;
        set(s, r, 0, c.t("report.sum"), "label");
        set(s, r, 2, sumOf(kwh), "integer");
        set(s, r, 3, sumOf(kvarh), "integer");
        set(s, r, 7, sum(a.months().stream().map(MonthFigures::energyYuan).toList()), "money");
        set(s, r, 8, sum(a.months().stream().map(MonthFigures::basicYuan).toList()), "money");
        set(s, r, 9, sum(a.months().stream().map(MonthFigures::adjustmentYuan).toList()), "money");
        set(s, r, 10, a.totalYuan(), "money");
        widths(s, 12, 8, 14, 14, 12, 10, 10, 14, 14, 12, 14, 12, 12, 12, 12, 12);
        freeze(s, 1, 1);
        print(s, 0);
        if (last >= first && !periods.isEmpty()) {
            XSSFChart chart = chart(s, "report.chart.monthly-kwh", 0, r + 2, 11, r + 22);
            XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
            y.setCrosses(AxisCrosses.AUTO_ZERO);
            XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
            data.setBarDirection(BarDirection.COL);
            data.setBarGrouping(BarGrouping.CLUSTERED);
            XDDFDataSource<String> months = XDDFDataSourcesFactory.fromStringCellRange(s,
                    new CellRangeAddress(first, last, 0, 0));
            for (int i = 0; i < periods.size(); i++) {
                int col = head.size() + i;
                XDDFChartData.Series series = data.addSeries(months, XDDFDataSourcesFactory.fromNumericCellRange(
                        s, new CellRangeAddress(first, last, col, col)));
                series.setTitle(c.t("energy.period." + periods.get(i).name()), new CellReference(s.getSheetName(),
                        0, col, true, true));
                charts.fill(series, i);
            }
            chart.plot(data);
        }
    }

    private void tou() {
        XSSFSheet s = sheet("report.sheet.tou");
        int r = header(s, 0, "report.tou-period", "report.kwh", "report.share", "report.yuan-amount",
                "report.average-price");
        int first = r;
        Map<TouPeriod, Long> kwh = a.tou().wholeKwh();
        long total = sumOf(kwh);
        for (Map.Entry<TouPeriod, Long> p : kwh.entrySet()) {
            BigDecimal yuan = a.tou().yuan().get(p.getKey());
            set(s, r, 0, c.t("energy.period." + p.getKey().name()), "text");
            set(s, r, 1, p.getValue(), "integer");
            set(s, r, 2, total == 0 ? 0 : p.getValue() / (double) total, "percent");
            set(s, r, 3, yuan, "money");
            set(s, r++, 4, yuan.doubleValue() / a.tou().kwh().get(p.getKey()), "decimal");
        }
        int last = r - 1;
        set(s, r, 0, c.t("report.sum"), "label");
        set(s, r, 1, total, "integer");
        set(s, r, 3, a.tou().totalYuan(), "money");
        set(s, r + 2, 0, c.t("report.shiftable", Math.round(a.shiftableKwh()),
                a.shiftingSavingYuan().setScale(0, RoundingMode.HALF_UP)), "text");
        widths(s, 14, 16, 10, 16, 14);
        freeze(s, 1, 0);
        print(s, 0);
        if (last >= first) {
            XSSFChart chart = chart(s, "report.chart.tou", 6, 0, 14, 18);
            XDDFPieChartData data = (XDDFPieChartData) chart.createData(ChartTypes.PIE, null, null);
            data.setVaryColors(true);
            XDDFChartData.Series series = data.addSeries(
                    XDDFDataSourcesFactory.fromStringCellRange(s, new CellRangeAddress(first, last, 0, 0)),
                    XDDFDataSourcesFactory.fromNumericCellRange(s, new CellRangeAddress(first, last, 1, 1)));
            series.setTitle(c.t("report.kwh"), new CellReference(s.getSheetName(), 0, 1, true, true));
            charts.slices((XDDFPieChartData.Series) series, last - first + 1);
            chart.plot(data);
        }
    }

    private void curves() {
        XSSFSheet s = sheet("report.sheet.curves");
        String maxDay = a.load().maxDemandDay() == null ? "—" : a.load().maxDemandDay().toString();
        int r = header(s, 0, "report.time-of-day", "report.typical-day-kw");
        set(s, 0, 2, c.t("report.max-day-kw", maxDay), "header");
        int first = r;
        for (int k = 0; k < IntervalSeries.PER_DAY; k++) {
            set(s, r, 0, LocalTime.MIN.plusMinutes(15L * k).toString(), "text");
            set(s, r, 1, a.load().typicalDayKw()[k], "decimal");
            double v = a.load().maxDemandDayKw()[k];
            if (!Double.isNaN(v)) {
                set(s, r, 2, v, "decimal");
            }
            r++;
        }
        widths(s, 12, 16, 22);
        freeze(s, 1, 1);
        print(s, 0);
        XSSFChart chart = chart(s, "report.chart.load-curves", 4, 0, 16, 22);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        XDDFDataSource<String> times = XDDFDataSourcesFactory.fromStringCellRange(s,
                new CellRangeAddress(first, r - 1, 0, 0));
        for (int col = 1; col <= 2; col++) {
            XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(times,
                    XDDFDataSourcesFactory.fromNumericCellRange(s, new CellRangeAddress(first, r - 1, col, col)));
            series.setTitle(s.getRow(0).getCell(col).getStringCellValue(),
                    new CellReference(s.getSheetName(), 0, col, true, true));
            series.setMarkerStyle(MarkerStyle.NONE);
            series.setSmooth(false);
            charts.line(series, col - 1);
        }
        chart.plot(data);
    }

    private void powerFactor() {
        XSSFSheet s = sheet("report.sheet.power-factor");
        PowerFactorStandard own = PowerFactorStandard.of(c.customer().powerFactorStandard());
        int r = header(s, 0, "report.month", "report.pf", "report.standard", "report.adjustment-percent",
                "report.adjustment-yuan");
        int col = 5;
        for (PowerFactorStandard st : PowerFactorStandard.values()) {
            set(s, 0, col++, c.t("report.adjustment-under", st.value()), "header");
        }
        int first = r;
        for (MonthFigures m : a.months()) {
            set(s, r, 0, m.month().toString(), "text");
            set(s, r, 1, m.powerFactor(), "decimal");
            set(s, r, 2, own.value(), "decimal");
            set(s, r, 3, m.adjustmentPercent().doubleValue() / 100, "percent");
            set(s, r, 4, m.adjustmentYuan(), "money");
            col = 5;
            for (PowerFactorStandard st : PowerFactorStandard.values()) {
                set(s, r, col++, m.adjustmentPercentByStandard().get(st).doubleValue() / 100, "percent");
            }
            r++;
        }
        int last = r - 1;
        set(s, r, 0, c.t("report.sum"), "label");
        set(s, r, 4, sum(a.months().stream().map(MonthFigures::adjustmentYuan).toList()), "money");
        int note = r + 2;
        a.recommendations().stream().filter(x -> x.kind() == Recommendation.Kind.CAPACITOR).findFirst()
                .ifPresent(x -> set(s, note, 0, c.explain(x.messageKey(), x.args()), "text"));
        widths(s, 12, 10, 10, 12, 14, 14, 14, 14);
        freeze(s, 1, 1);
        print(s, 0);
        if (last >= first) {
            XSSFChart chart = chart(s, "report.chart.power-factor", 0, r + 4, 9, r + 22);
            XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
            XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
            y.setCrosses(AxisCrosses.AUTO_ZERO);
            XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
            XDDFDataSource<String> months = XDDFDataSourcesFactory.fromStringCellRange(s,
                    new CellRangeAddress(first, last, 0, 0));
            for (int k = 1; k <= 2; k++) {
                XDDFLineChartData.Series series = (XDDFLineChartData.Series) data.addSeries(months,
                        XDDFDataSourcesFactory.fromNumericCellRange(s, new CellRangeAddress(first, last, k, k)));
                series.setTitle(s.getRow(0).getCell(k).getStringCellValue(),
                        new CellReference(s.getSheetName(), 0, k, true, true));
                series.setMarkerStyle(k == 1 ? MarkerStyle.CIRCLE : MarkerStyle.NONE);
                charts.line(series, k - 1);
            }
            chart.plot(data);
        }
    }

    /**
     * The ways of billing the basic charge over the compared months: the current way at today's values first, each
     * other with its own inputs, each way's total the sum of its column in the months' table below it, each saving a
     * formula (the current way's total minus the row's); then the current, the cheapest and the saving between them.
     */
    private void basicCharge() {
        XSSFSheet s = sheet("report.sheet.basic-charge");
        BasicChargeRules.Comparison m = a.billingModes();
        if (m == null) {
            set(s, 0, 0, c.t("report.no-basic-charge"), "text");
            widths(s, 60);
            return;
        }
        List<BasicChargeRules.Option> options = m.options();
        List<BasicChargeRules.Month> months = m.months();
        int n = months.size();
        int r = header(s, 0, "report.mode", "report.inputs", "report.total-months", "report.saving-against-current",
                "report.current-mode", "report.cheapest-mode");
        set(s, 0, 2, c.t("report.total-months", n), "header");
        int firstOption = r;
        int monthHeader = firstOption + options.size() + 6;
        int firstMonth = monthHeader + 1;
        int sumRow = firstMonth + n;
        int firstCharge = 5;
        for (int i = 0; i < options.size(); i++) {
            BasicChargeRules.Option o = options.get(i);
            set(s, r, 0, c.optionName(o), "text");
            set(s, r, 1, c.optionInputs(o), "text");
            String column = CellReference.convertNumToColString(firstCharge + i);
            formula(s, r, 2, "SUM(" + column + (firstMonth + 1) + ":" + column + sumRow + ")", o.total());
            formula(s, r, 3, "C$" + (firstOption + 1) + "-C" + (r + 1), o.savingAgainstCurrent());
            set(s, r, 4, o.current() ? "✓" : "", "text");
            set(s, r++, 5, o == m.cheapest() ? "✓" : "", "text");
        }
        int cheapestRow = firstOption + options.indexOf(m.cheapest()) + 1;
        r++;
        set(s, r, 0, c.t("report.basic-current-line", c.optionName(m.current())), "label");
        formula(s, r, 1, "C" + (firstOption + 1), m.current().total());
        set(s, r++, 2, c.t("report.yuan"), "text");
        set(s, r, 0, c.t("report.basic-cheapest-line", c.optionName(m.cheapest())), "label");
        formula(s, r, 1, "C" + cheapestRow, m.cheapest().total());
        set(s, r++, 2, c.t("report.yuan"), "text");
        set(s, r, 0, c.t("report.basic-saving-line"), "label");
        formula(s, r, 1, "B" + (r - 1) + "-B" + r, m.saving());
        set(s, r, 2, c.t("report.yuan"), "text");

        r = header(s, monthHeader, "report.month", "report.billed-days", "report.max-demand-kw",
                "report.capacity-price", "report.demand-price");
        for (int i = 0; i < options.size(); i++) {
            set(s, monthHeader, firstCharge + i, c.optionName(options.get(i)), "header");
        }
        // the capacity each month is billed on by capacity: the transformers in service (暂停, 减容)
        int inService = firstCharge + options.size();
        set(s, monthHeader, inService, c.t("report.capacity-in-service"), "header");
        BigDecimal capacity = a.billingModes().options().stream().filter(o -> o.capacityKva() != null)
                .map(BasicChargeRules.Option::capacityKva).findFirst().orElse(null);
        for (int k = 0; k < n; k++) {
            BasicChargeRules.Month month = months.get(k);
            if (capacity != null) {
                set(s, r, inService, month.billedCapacityKva(capacity), "decimal");
            }
            set(s, r, 0, month.month().toString(), "text");
            set(s, r, 1, month.daysCovered(), "integer");
            set(s, r, 2, month.maxDemandKw(), "decimal");
            set(s, r, 3, month.prices().capacityYuanPerKva(), "decimal");
            set(s, r, 4, month.prices().demandYuanPerKw(), "decimal");
            for (int i = 0; i < options.size(); i++) {
                set(s, r, firstCharge + i, options.get(i).monthly().get(k), "money");
            }
            r++;
        }
        set(s, r, 0, c.t("report.sum"), "label");
        for (int i = 0; i < options.size(); i++) {
            String column = CellReference.convertNumToColString(firstCharge + i);
            formula(s, r, firstCharge + i, "SUM(" + column + (firstMonth + 1) + ":" + column + sumRow + ")",
                    options.get(i).total());
        }
        set(s, r + 2, 0, c.t("report.doc.basic-months"), "text");
        set(s, r + 3, 0, c.t("report.basic-charge-rule"), "text");
        widths(s, 30, 40, 22, 22, 22, 22, 22, 22, 22);
        print(s, 0);
    }

    /** One row per transformer, then the customer's transformers together; losses in whole kWh adding up. */
    private void transformer() {
        XSSFSheet s = sheet("report.sheet.transformer");
        List<TransformerLoad> each = a.transformers();
        if (each.isEmpty()) {
            set(s, 0, 0, c.t("report.no-transformer"), "text");
            widths(s, 60);
            return;
        }
        int r = header(s, 0, "report.transformer", "report.load-basis", "report.rated-kva-unit", "report.p0-unit",
                "report.pk-unit", "report.max-load-rate", "report.band", "report.average-load-rate",
                "report.band", "report.economic-load-rate", "report.loss-kwh-unit", "report.loss-at-average-unit");
        long[] losses = a.wholeTransformerLossKwh();
        for (int i = 0; i < each.size(); i++) {
            transformerRow(s, r++, each.get(i), losses[i]);
        }
        transformerRow(s, r, a.transformerTotal(), Arrays.stream(losses).sum());
        set(s, r + 2, 0, c.transformerNote(), "text");
        widths(s, 22, 16, 12, 10, 10, 12, 10, 12, 10, 12, 14, 14);
        freeze(s, 1, 1);
        print(s, 0);
    }

    private void transformerRow(Sheet s, int r, TransformerLoad t, long lossKwh) {
        boolean total = t.basis() == TransformerLoad.Basis.CUSTOMER_TOTAL;
        set(s, r, 0, c.transformerName(t), total ? "label" : "text");
        set(s, r, 1, c.basis(t), "text");
        set(s, r, 2, t.ratedKva(), "integer");
        set(s, r, 3, t.noLoadLossKw(), "decimal");
        set(s, r, 4, t.loadLossKw(), "decimal");
        if (t.measured()) {
            set(s, r, 5, t.maxLoadRate(), "percent");
            set(s, r, 6, c.word(t.maxBand().name()), "text");
            set(s, r, 7, t.averageLoadRate(), "percent");
            set(s, r, 8, c.word(t.averageBand().name()), "text");
        }
        set(s, r, 9, t.economicLoadRate(), "percent");
        if (t.measured()) {
            set(s, r, 10, lossKwh, "integer");
            set(s, r, 11, t.lossAtAverageKw(), "decimal");
        }
    }

    private void recommendations() {
        XSSFSheet s = sheet("report.sheet.recommendations");
        int r = header(s, 0, "report.recommendation", "report.annual-saving-yuan", "report.investment",
                "report.payback-years");
        for (Recommendation x : a.recommendations()) {
            set(s, r, 0, c.explain(x.messageKey(), x.args()), "text");
            set(s, r, 1, x.annualSavingYuan(), "money");
            set(s, r, 2, x.investmentYuan(), "money");
            if (x.paybackYears() != null) {
                set(s, r, 3, x.paybackYears(), "decimal");
            } else {
                set(s, r, 3, "—", "text");
            }
            r++;
        }
        if (a.recommendations().isEmpty()) {
            set(s, r, 0, c.t("report.no-recommendations"), "text");
        } else {
            set(s, r, 0, c.t("report.sum"), "label");
            set(s, r, 1, c.annualSaving(), "money");
        }
        widths(s, 70, 16, 14, 12);
        freeze(s, 1, 0);
        print(s, 0);
    }

    private void dataQuality() {
        XSSFSheet s = sheet("report.sheet.data-quality");
        Anomalies an = a.anomalies();
        int r = header(s, 0, "report.figure", "report.value", "report.unit");
        r = figure(s, r, "report.expected-readings", a.load().expected(), "integer", "");
        r = figure(s, r, "report.present-readings", a.load().present(), "integer", "");
        r = figure(s, r, "report.completeness", a.load().completeness(), "percent", "");
        r = figure(s, r, "report.gaps", an.gaps().size(), "integer", c.t("report.intervals-missing",
                an.missingIntervals()));
        r = figure(s, r, "report.spikes", an.spikes().size(), "integer", "");
        r = figure(s, r, "report.flat-lines", an.flatLines().size(), "integer", "");
        r = figure(s, r, "report.night-base-ratio", an.nightBaseLoadRatio(), "percent",
                an.nightBaseLoadHigh() ? c.t("report.high") : "");
        r = header(s, r + 1, "report.anomaly", "report.from", "report.intervals", "report.kw");
        int listed = 0;
        for (Anomalies.Run g : an.gaps()) {
            if (listed++ >= 500) {
                break;
            }
            set(s, r, 0, c.t("report.gap"), "text");
            set(s, r, 1, g.from().toString().replace('T', ' '), "text");
            set(s, r++, 2, g.intervals(), "integer");
        }
        for (Anomalies.Run f : an.flatLines()) {
            set(s, r, 0, c.t("report.flat-line"), "text");
            set(s, r, 1, f.from().toString().replace('T', ' '), "text");
            set(s, r++, 2, f.intervals(), "integer");
        }
        for (Anomalies.Spike x : an.spikes()) {
            set(s, r, 0, c.t("report.spike"), "text");
            set(s, r, 1, x.at().toString().replace('T', ' '), "text");
            set(s, r++, 3, x.kw(), "decimal");
        }
        widths(s, 24, 20, 14, 12);
        freeze(s, 1, 0);
        print(s, 0);
    }

    /**
     * The interval data: the sheet with its layout, and what writes its rows (one per quarter hour with its start
     * time, kWh, kvarh and kW) when the workbook is saved.
     */
    EnergyAuditWorkbook.SheetRows intervals(SXSSFSheet s) {
        s.setColumnWidth(0, 20 * 256);
        for (int i = 1; i < 4; i++) {
            s.setColumnWidth(i, 12 * 256);
        }
        s.createFreezePane(1, 1);
        print(s, 0);
        // a year is 35,000 rows, over a thousand pages: printing the workbook takes the header and the first day
        wb.setPrintArea(wb.getSheetIndex(s.getSheetName()), 0, 3, 0, IntervalSeries.PER_DAY);
        s.getHeader().setCenter(c.t("report.intervals-print-note"));
        String[] titles = {c.t("report.interval-start"), "kWh", "kvarh", "kW"};
        return out -> IntervalRows.write(out, titles, c.series(), styles.get("header").getIndex(),
                styles.get("datetime").getIndex(), styles.get("decimal").getIndex(), wb.isDate1904());
    }
}
