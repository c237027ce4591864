package cn.keyaccount.report;

import cn.keyaccount.base.Money;
import cn.keyaccount.energy.Anomalies;
import cn.keyaccount.energy.BasicChargeRules;
import cn.keyaccount.energy.EnergyAnalyzer;
import cn.keyaccount.energy.IntervalSeries;
import cn.keyaccount.energy.LoadMetrics;
import cn.keyaccount.energy.PowerFactorStandard;
import cn.keyaccount.energy.TouPeriod;
import cn.keyaccount.energy.TransformerLoad;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.util.Units;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFPieChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xwpf.usermodel.Document;
import org.apache.poi.xwpf.usermodel.XWPFChart;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.xmlbeans.XmlCursor;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STFldCharType;

/**
 * The energy-audit document's content ({@link EnergyAuditDocument}): the cover's placeholders and logo, the chapters
 * with their tables, the native Word charts, and the table of contents over the chapter headings. Its paragraphs and
 * tables are written with {@link DocumentParts}.
 */
final class EnergyAuditChapters extends DocumentParts {
    private static final int CHART_WIDTH = Units.toEMU(430);
    private static final int CHART_HEIGHT = Units.toEMU(240);

    private final ReportContent c;
    private final EnergyAnalyzer.Result a;
    private final ChartColours charts;
    private final byte[] logo;
    private XWPFParagraph toc;

    EnergyAuditChapters(XWPFDocument doc, ReportContent c, List<byte[]> colours, byte[] logo) {
        super(doc, c.locale(), EnergyAuditDocument.STYLES);
        this.c = c;
        this.a = c.analysis();
        this.charts = new ChartColours(colours);
        this.logo = logo;
    }

    void fill() throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        LoadMetrics l = a.load();
        Map<String, String> values = Map.of(
                "title", c.t("report.title"), "customer", c.customer().name(),
                "accountNo", c.customer().accountNo(), "period", c.period(),
                "range", a.from() + " — " + a.to(), "issue", String.valueOf(c.issue()),
                "generatedBy", c.generatedBy(),
                "date", c.generatedAt().atZoneSameInstant(ReportService.ZONE).toLocalDate().toString(),
                "health", String.valueOf(a.health().total()),
                "energy", String.format(Locale.ROOT, "%,d", Math.round(l.energyKwh())));
        placeholders(values, this::tocOrLogo, ReportTemplates.DOCX);
        chapters();
        removeAnchor();
        if (toc != null) {
            tableOfContents();
        }
        doc.enforceUpdateFields();
    }


    /** The table of contents' paragraph is kept for later; the logo's gets the picture. */
    private boolean tocOrLogo(XWPFParagraph para) {
        String text = para.getText();
        if (text.contains("{{toc}}")) {
            toc = para;
            return true;
        }
        if (text.contains("{{logo}}")) {
            setText(para, text.replace("{{logo}}", ""));
            try {
                para.getRuns().getFirst().addPicture(new ByteArrayInputStream(logo), Document.PICTURE_TYPE_PNG,
                        "logo.png", Units.toEMU(96), Units.toEMU(96));
            } catch (IOException | org.apache.poi.openxml4j.exceptions.InvalidFormatException e) {
                throw new IllegalStateException("The report logo cannot be placed", e);
            }
            return true;
        }
        return false;
    }

    /**
     * A TOC field over the Heading1 paragraphs. Word refreshes it on opening (the document asks to update
     * fields) and fills in page numbers; until then, and in viewers that do not update fields, it shows the
     * chapter titles it was written with.
     */
    private void tableOfContents() {
        setText(toc, "");
        toc.getRuns().getFirst().getCTR().addNewFldChar().setFldCharType(STFldCharType.BEGIN);
        toc.createRun().getCTR().addNewInstrText().setStringValue(" TOC \\o \"1-2\" \\h \\z \\u ");
        toc.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.SEPARATE);
        XWPFParagraph last = toc;
        for (int i = 0; i < headings.size(); i++) {
            XWPFParagraph p = i == 0 ? toc : insertAfter(last);
            p.createRun().setText(headings.get(i));
            last = p;
        }
        last.createRun().getCTR().addNewFldChar().setFldCharType(STFldCharType.END);
    }

    private XWPFParagraph insertAfter(XWPFParagraph p) {
        XmlCursor cursor = p.getCTP().newCursor();
        cursor.toNextSibling();
        XWPFParagraph next = doc.insertNewParagraph(cursor);
        cursor.dispose();
        next.setStyle(p.getStyle());
        return next;
    }

    private void chapters() throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        LoadMetrics l = a.load();
        heading("report.doc.summary");
        paragraph(c.t("report.doc.summary-text", c.customer().name(), a.from().toString(), a.to().toString(),
                Math.round(l.energyKwh()), round2(l.maxDemandKw()), pct(l.loadFactor()),
                Money.yuan(a.totalYuan()), a.health().total()));
        if (a.recommendations().isEmpty()) {
            paragraph(c.t("report.no-recommendations"));
        } else {
            paragraph(c.t("report.doc.saving-text", Money.yuan(c.annualSaving()), a.recommendations().size()));
            table(List.of(c.t("report.recommendation"), c.t("report.annual-saving-yuan"),
                    c.t("report.payback-years")), a.recommendations().stream().map(r -> List.of(
                    c.explain(r.messageKey(), r.args()), Money.yuan(r.annualSavingYuan()),
                    r.paybackYears() == null ? "—" : round2(r.paybackYears()))).toList());
        }
        table(List.of(c.t("report.component"), c.t("report.score"), c.t("report.explanation")),
                a.health().components().stream().map(h -> List.of(c.t("energy.component." + h.key()),
                        String.valueOf(h.score()), c.explain(h.explanationKey(), h.args()))).toList());

        heading("report.doc.consumption");
        Map<YearMonth, Long> monthKwh = c.monthKwh();
        table(List.of(c.t("report.month"), c.t("report.kwh"), c.t("report.max-demand-kw"), c.t("report.pf"),
                c.t("report.energy-charge"), c.t("report.basic-charge"), c.t("report.adjustment-yuan"),
                c.t("report.total")), a.months().stream().map(m -> List.of(m.month().toString(),
                whole(monthKwh.get(m.month())), Money.yuan(m.maxDemandKw()), plain(m.powerFactor()),
                Money.yuan(m.energyYuan()), Money.yuan(m.basicYuan()), Money.yuan(m.adjustmentYuan()), Money.yuan(m.totalYuan())))
                .toList());
        monthlyChart();

        heading("report.doc.tou");
        Map<TouPeriod, Long> touKwh = a.tou().wholeKwh();
        long total = touKwh.values().stream().mapToLong(Long::longValue).sum();
        List<List<String>> touRows = new ArrayList<>(touKwh.entrySet().stream().map(p -> List.of(
                c.t("energy.period." + p.getKey().name()), whole(p.getValue()),
                pct(total == 0 ? 0 : p.getValue() / (double) total), Money.yuan(a.tou().yuan().get(p.getKey()))))
                .toList());
        if (!touRows.isEmpty()) {
            touRows.add(List.of(c.t("report.sum"), whole(total), pct(1), Money.yuan(a.tou().totalYuan())));
        }
        table(List.of(c.t("report.tou-period"), c.t("report.kwh"), c.t("report.share"), c.t("report.yuan-amount")),
                touRows);
        paragraph(c.t("report.shiftable", Math.round(a.shiftableKwh()),
                a.shiftingSavingYuan().setScale(0, RoundingMode.HALF_UP)));
        touChart();

        heading("report.doc.load");
        table(List.of(c.t("report.figure"), c.t("report.value")), List.of(
                List.of(c.t("report.max-demand"), round2(l.maxDemandKw()) + " kW"),
                List.of(c.t("report.max-demand-at"), l.maxDemandAt() == null ? "—"
                        : l.maxDemandAt().toString().replace('T', ' ')),
                List.of(c.t("report.average-load"), round2(l.averageKw()) + " kW"),
                List.of(c.t("report.load-factor"), pct(l.loadFactor())),
                List.of(c.t("report.peak-valley-rate"), pct(l.peakValleyRate()))));
        curveChart();

        heading("report.doc.power-factor");
        PowerFactorStandard own = PowerFactorStandard.of(c.customer().powerFactorStandard());
        paragraph(c.t("report.doc.pf-text", own.value()));
        table(List.of(c.t("report.month"), c.t("report.pf"), c.t("report.adjustment-percent"),
                c.t("report.adjustment-yuan")), a.months().stream().map(m -> List.of(m.month().toString(),
                plain(m.powerFactor()), plain(m.adjustmentPercent()) + " %", plain(m.adjustmentYuan()))).toList());
        pfChart(own);

        heading("report.doc.basic-charge");
        basicCharge();

        heading("report.doc.transformer");
        if (a.transformers().isEmpty()) {
            paragraph(c.t("report.no-transformer"));
        } else {
            long[] losses = a.wholeTransformerLossKwh();
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < losses.length; i++) {
                rows.add(transformerRow(a.transformers().get(i), losses[i]));
            }
            rows.add(transformerRow(a.transformerTotal(), Arrays.stream(losses).sum()));
            table(List.of(c.t("report.transformer"), c.t("report.load-basis"), c.t("report.rated-kva-unit"),
                    c.t("report.max-load-rate"), c.t("report.average-load-rate"), c.t("report.economic-load-rate"),
                    c.t("report.loss-kwh-unit")), rows);
            paragraph(c.transformerNote());
        }

        heading("report.doc.recommendations");
        if (a.recommendations().isEmpty()) {
            paragraph(c.t("report.no-recommendations"));
        } else {
            table(List.of(c.t("report.recommendation"), c.t("report.annual-saving-yuan"),
                    c.t("report.investment"), c.t("report.payback-years")), a.recommendations().stream()
                    .map(r -> List.of(c.explain(r.messageKey(), r.args()), Money.yuan(r.annualSavingYuan()),
                            Money.yuan(r.investmentYuan()), r.paybackYears() == null ? "—" : round2(r.paybackYears())))
                    .toList());
            paragraph(c.t("report.doc.payback-note"));
        }

        heading("report.doc.appendix");
        Anomalies an = a.anomalies();
        table(List.of(c.t("report.figure"), c.t("report.value")), List.of(
                List.of(c.t("report.expected-readings"), String.valueOf(l.expected())),
                List.of(c.t("report.present-readings"), String.valueOf(l.present())),
                List.of(c.t("report.completeness"), pct(l.completeness())),
                List.of(c.t("report.gaps"), an.gaps().size() + "（" + c.t("report.intervals-missing",
                        an.missingIntervals()) + "）"),
                List.of(c.t("report.spikes"), String.valueOf(an.spikes().size())),
                List.of(c.t("report.flat-lines"), String.valueOf(an.flatLines().size())),
                List.of(c.t("report.night-base-ratio"), pct(an.nightBaseLoadRatio())
                        + (an.nightBaseLoadHigh() ? "（" + c.t("report.high") + "）" : ""))));
        List<List<String>> listed = new ArrayList<>();
        an.gaps().stream().limit(30).forEach(g -> listed.add(List.of(c.t("report.gap"),
                g.from().toString().replace('T', ' '), String.valueOf(g.intervals()))));
        an.flatLines().stream().limit(30).forEach(g -> listed.add(List.of(c.t("report.flat-line"),
                g.from().toString().replace('T', ' '), String.valueOf(g.intervals()))));
        an.spikes().stream().limit(30).forEach(s -> listed.add(List.of(c.t("report.spike"),
                s.at().toString().replace('T', ' '), round2(s.kw()) + " kW")));
        if (!listed.isEmpty()) {
            paragraph(c.t("report.doc.anomalies-listed"));
            table(List.of(c.t("report.anomaly"), c.t("report.from"), c.t("report.intervals")), listed);
        }
    }

    /**
     * The ways of billing the basic charge: the current way at today's values first and each other with its own
     * inputs, each with its saving against the current one; the saving written as current minus cheapest; each way's
     * charge by month, adding up to its total.
     */
    private void basicCharge() {
        BasicChargeRules.Comparison modes = a.billingModes();
        if (modes == null) {
            paragraph(c.t("report.no-basic-charge"));
            return;
        }
        int n = modes.months().size();
        List<BasicChargeRules.Option> options = modes.options();
        table(List.of(c.t("report.mode"), c.t("report.inputs"), c.t("report.total-months", n),
                c.t("report.saving-against-current"), c.t("report.current-mode"), c.t("report.cheapest-mode")),
                options.stream().map(o -> List.of(c.optionName(o), c.optionInputs(o), Money.yuan(o.total()),
                        Money.yuan(o.savingAgainstCurrent()), o.current() ? "✓" : "", o == modes.cheapest() ? "✓" : ""))
                        .toList());
        BasicChargeRules.Option now = modes.current();
        BasicChargeRules.Option best = modes.cheapest();
        paragraph(c.t("report.doc.basic-current", c.optionName(now), c.optionInputs(now), n, Money.yuan(now.total())));
        paragraph(best == now ? c.t("report.doc.basic-best", n) : c.t("report.doc.basic-saving", c.optionName(best),
                c.optionInputs(best), n, Money.yuan(best.total()), Money.yuan(now.total()), Money.yuan(modes.saving())));
        List<String> header = new ArrayList<>(List.of(c.t("report.month"), c.t("report.max-demand-kw"),
                c.t("report.capacity-price"), c.t("report.demand-price")));
        options.forEach(o -> header.add(c.optionName(o)));
        // the capacity each month is billed on by capacity: the transformers in service (暂停, 减容)
        BigDecimal capacity = options.stream().filter(o -> o.capacityKva() != null)
                .map(BasicChargeRules.Option::capacityKva).findFirst().orElse(null);
        header.add(c.t("report.capacity-in-service"));
        List<List<String>> rows = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            BasicChargeRules.Month m = modes.months().get(k);
            List<String> row = new ArrayList<>(List.of(m.month().toString(), Money.yuan(m.maxDemandKw()),
                    plain(m.prices().capacityYuanPerKva()), plain(m.prices().demandYuanPerKw())));
            for (BasicChargeRules.Option o : options) {
                row.add(Money.yuan(o.monthly().get(k)));
            }
            row.add(capacity == null ? "—" : kva(m.billedCapacityKva(capacity)));
            rows.add(row);
        }
        List<String> sum = new ArrayList<>(List.of(c.t("report.sum"), "", "", ""));
        options.forEach(o -> sum.add(Money.yuan(o.total())));
        rows.add(sum);
        paragraph(c.t("report.basic-months"));
        table(header, rows);
        paragraph(c.t("report.doc.basic-months"));
        paragraph(c.t("report.basic-charge-rule"));
    }

    /** A transformer's row: name, load basis, rating, rates with their bands, economic rate, shown losses. */
    private List<String> transformerRow(TransformerLoad t, long lossKwh) {
        return List.of(c.transformerName(t), c.basis(t), whole(t.ratedKva()),
                t.measured() ? pct(t.maxLoadRate()) + "（" + c.word(t.maxBand().name()) + "）" : "—",
                t.measured() ? pct(t.averageLoadRate()) + "（" + c.word(t.averageBand().name()) + "）" : "—",
                pct(t.economicLoadRate()), t.measured() ? whole(lossKwh) : "—");
    }

    // ---- charts -------------------------------------------------------------------------------------------

    private void monthlyChart() throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        List<TouPeriod> periods = c.periodsWithEnergy();
        if (a.months().isEmpty() || periods.isEmpty()) {
            return;
        }
        XWPFChart chart = chart("report.chart.monthly-kwh");
        String[] months = a.months().stream().map(m -> m.month().toString()).toArray(String[]::new);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFBarChartData data = (XDDFBarChartData) chart.createData(ChartTypes.BAR, x, y);
        data.setBarDirection(BarDirection.COL);
        data.setBarGrouping(BarGrouping.CLUSTERED);
        XDDFCategoryDataSource cats = categories(chart, months);
        for (int i = 0; i < periods.size(); i++) {
            TouPeriod p = periods.get(i);
            Double[] v = a.months().stream().map(m -> Math.round(m.touKwh().getOrDefault(p, 0.0)) * 1.0)
                    .toArray(Double[]::new);
            XDDFChartData.Series s = data.addSeries(cats, XDDFDataSourcesFactory.fromArray(v,
                    chart.formatRange(new CellRangeAddress(1, v.length, i + 1, i + 1)), i + 1));
            s.setTitle(c.t("energy.period." + p.name()), chart.setSheetTitle(c.t("energy.period." + p.name()),
                    i + 1));
            charts.fill(s, i);
        }
        chart.plot(data);
        caption("report.chart.monthly-kwh");
    }

    private void touChart() throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        List<TouPeriod> periods = c.periodsWithEnergy();
        if (periods.isEmpty()) {
            return;
        }
        XWPFChart chart = chart("report.chart.tou");
        XDDFPieChartData data = (XDDFPieChartData) chart.createData(ChartTypes.PIE, null, null);
        data.setVaryColors(true);
        String[] names = periods.stream().map(p -> c.t("energy.period." + p.name())).toArray(String[]::new);
        Double[] v = periods.stream().map(p -> (double) Math.round(a.tou().kwh().get(p))).toArray(Double[]::new);
        XDDFChartData.Series s = data.addSeries(categories(chart, names), XDDFDataSourcesFactory.fromArray(v,
                chart.formatRange(new CellRangeAddress(1, v.length, 1, 1)), 1));
        s.setTitle(c.t("report.kwh"), chart.setSheetTitle(c.t("report.kwh"), 1));
        charts.slices((XDDFPieChartData.Series) s, v.length);
        chart.plot(data);
        caption("report.chart.tou");
    }

    private void curveChart() throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        XWPFChart chart = chart("report.chart.load-curves");
        String[] times = new String[IntervalSeries.PER_DAY];
        for (int k = 0; k < times.length; k++) {
            times[k] = LocalTime.MIN.plusMinutes(15L * k).toString();
        }
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        XDDFCategoryDataSource cats = categories(chart, times);
        String maxDay = a.load().maxDemandDay() == null ? "—" : a.load().maxDemandDay().toString();
        List<String> titles = List.of(c.t("report.typical-day-kw"), c.t("report.max-day-kw", maxDay));
        List<double[]> curves = List.of(a.load().typicalDayKw(), a.load().maxDemandDayKw());
        for (int i = 0; i < 2; i++) {
            double[] src = curves.get(i);
            Double[] v = new Double[src.length];
            for (int k = 0; k < v.length; k++) {
                v[k] = Double.isNaN(src[k]) ? null : Math.round(src[k] * 10) / 10.0;
            }
            XDDFLineChartData.Series s = (XDDFLineChartData.Series) data.addSeries(cats,
                    XDDFDataSourcesFactory.fromArray(v, chart.formatRange(
                            new CellRangeAddress(1, v.length, i + 1, i + 1)), i + 1));
            s.setTitle(titles.get(i), chart.setSheetTitle(titles.get(i), i + 1));
            s.setMarkerStyle(MarkerStyle.NONE);
            s.setSmooth(false);
            charts.line(s, i);
        }
        chart.plot(data);
        caption("report.chart.load-curves");
    }

    private void pfChart(PowerFactorStandard own)
            throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        if (a.months().isEmpty()) {
            return;
        }
        XWPFChart chart = chart("report.chart.power-factor");
        String[] months = a.months().stream().map(m -> m.month().toString()).toArray(String[]::new);
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        XDDFLineChartData data = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        XDDFCategoryDataSource cats = categories(chart, months);
        List<String> titles = List.of(c.t("report.pf"), c.t("report.standard"));
        List<Double[]> values = List.of(
                a.months().stream().map(m -> m.powerFactor().doubleValue()).toArray(Double[]::new),
                a.months().stream().map(m -> own.value().doubleValue()).toArray(Double[]::new));
        for (int i = 0; i < 2; i++) {
            Double[] v = values.get(i);
            XDDFLineChartData.Series s = (XDDFLineChartData.Series) data.addSeries(cats,
                    XDDFDataSourcesFactory.fromArray(v, chart.formatRange(
                            new CellRangeAddress(1, v.length, i + 1, i + 1)), i + 1));
            s.setTitle(titles.get(i), chart.setSheetTitle(titles.get(i), i + 1));
            s.setMarkerStyle(i == 0 ? MarkerStyle.CIRCLE : MarkerStyle.NONE);
            charts.line(s, i);
        }
        chart.plot(data);
        caption("report.chart.power-factor");
    }

    private XWPFChart chart(String titleKey)
            throws IOException, org.apache.poi.openxml4j.exceptions.InvalidFormatException {
        XmlCursor cursor = anchor.getCTP().newCursor();
        XWPFParagraph p = doc.insertNewParagraph(cursor);
        cursor.dispose();
        XWPFChart chart = doc.createChart(p.createRun(), CHART_WIDTH, CHART_HEIGHT);
        chart.setTitleText(c.t(titleKey));
        chart.setTitleOverlay(false);
        chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        return chart;
    }

    private static XDDFCategoryDataSource categories(XWPFChart chart, String[] values) {
        return XDDFDataSourcesFactory.fromArray(values,
                chart.formatRange(new CellRangeAddress(1, values.length, 0, 0)), 0);
    }
}
