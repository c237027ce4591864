package cn.keyaccount.portrait.ui;

import cn.keyaccount.base.ui.MainLayout;
import cn.keyaccount.customer.CustomerTimeline;
import cn.keyaccount.customer.TimelineEntry;
import cn.keyaccount.customer.TimelineKind;
import cn.keyaccount.customer.TimelinePage;
import cn.keyaccount.energy.ui.EnergyChart;
import cn.keyaccount.portrait.DayType;
import cn.keyaccount.portrait.PortraitDetails;
import cn.keyaccount.portrait.PortraitService;
import cn.keyaccount.portrait.Season;
import cn.keyaccount.portrait.SegmentStrategies;
import cn.keyaccount.portrait.SegmentSummary;
import cn.keyaccount.portrait.StrategyDetails;
import cn.keyaccount.portrait.TagCategory;
import com.vaadin.flow.component.grid.Grid;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.ui.OpenRequestLinks;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;

/**
 * A customer's portrait: its load-shape segment (or why it has none), its typical working day over the segment's
 * centre (staff) or its industry's median (the customer, and staff too where there are enough peers), and its
 * working days by season. Built when first shown.
 */
public class PortraitPanel extends VerticalLayout {

    /** Activity entries shown: the latest few; the full timeline is on the customer page. */
    static final int ACTIVITY = 10;

    private final PortraitService portraits;
    private final CustomerTimeline timeline;
    private final Viewer viewer;
    private final long customerId;
    final Span segment = new Span();
    final Span status = new Span();
    final EnergyChart typical = new EnergyChart("portrait-typical");
    final EnergyChart seasons = new EnergyChart("portrait-seasons");
    final Div tags = new Div();
    final Div changes = new Div();
    final Grid<PortraitDetails.FigureDetails> figures = new Grid<>();
    final EnergyChart radar = new EnergyChart("portrait-radar");
    final Div activity = new Div();
    private boolean printLink = true;
    private SegmentStrategies strategies;

    /** @param timeline the customer's activity, shown to staff (null: none, as for the portal) */
    public PortraitPanel(PortraitService portraits, CustomerTimeline timeline, Viewer viewer, long customerId) {
        this.portraits = portraits;
        this.timeline = timeline;
        this.viewer = viewer;
        this.customerId = customerId;
        setPadding(false);
        addAttachListener(e -> {
            if (getComponentCount() == 0) {
                build();
            }
        });
    }

    void build() {
        PortraitDetails p = portraits.portrait(viewer, customerId);
        if (printLink && timeline != null && !viewer.isCustomer()) {
            Anchor print = new Anchor("customers/" + customerId + "/portrait/print",
                    getTranslation("portrait.print.open"));
            print.setTarget("_blank");
            add(print);
        }
        add(new H3(getTranslation("request.open-requests.title")), OpenRequestLinks.of(viewer, customerId));
        segment.addClassName("portrait-segment");
        status.addClassName("portrait-status");
        add(new H3(getTranslation("portrait.shape.title")), segment, status);
        if (p.status() != PortraitDetails.Status.SEGMENTED) {
            segment.setText(getTranslation("portrait.no-segment"));
            status.setText(switch (p.status()) {
                case TOO_LITTLE_DATA -> getTranslation("portrait.status.too-little-data", p.usableDays(),
                        p.minDays(), p.periodFrom(), p.periodTo());
                case NO_READINGS -> getTranslation("portrait.status.no-readings", p.periodFrom(), p.periodTo());
                default -> getTranslation("portrait.status.not-computed");
            });
            addActivity();
            return;
        }
        addTagsAndFigures(p);
        SegmentSummary s = p.segment();
        segment.setText(getTranslation("portrait.segment", english() ? s.nameEn() : s.nameZh()));
        status.setText(getTranslation("portrait.status.segmented", p.usableDays(), p.periodFrom(), p.periodTo(),
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                        .format(p.computedAt())));
        List<PortraitCharts.Curve> curves = new ArrayList<>();
        curves.add(new PortraitCharts.Curve(getTranslation("portrait.curve.workday"),
                p.shape(Season.YEAR, DayType.WORKDAY).points(), false));
        PortraitDetails.ShapeDetails rest = p.shape(Season.YEAR, DayType.REST_DAY);
        if (rest != null) {
            // in working-day units, as the segment's centre: a plant idle at weekends shows a low rest day
            float level = p.restLevel() == null ? 1f : p.restLevel().floatValue();
            float[] scaled = new float[rest.points().length];
            for (int k = 0; k < scaled.length; k++) {
                scaled[k] = rest.points()[k] * level;
            }
            curves.add(new PortraitCharts.Curve(getTranslation("portrait.curve.rest-day-level"), scaled, false));
        }
        if (s.workday() != null) {
            curves.add(new PortraitCharts.Curve(getTranslation("portrait.curve.segment-centre"), s.workday(), true));
        }
        if (p.industry() != null) {
            curves.add(new PortraitCharts.Curve(getTranslation("portrait.curve.industry", p.industry().customers()),
                    p.industry().workday(), true));
        }
        addStrategy();
        typical.setOption(PortraitCharts.curves(getTranslation("portrait.chart.typical"),
                getTranslation("portrait.chart.unit"), curves));
        List<PortraitCharts.Curve> bySeason = new ArrayList<>();
        for (Season season : Season.PARTS) {
            PortraitDetails.ShapeDetails w = p.shape(season, DayType.WORKDAY);
            if (w != null) {
                bySeason.add(new PortraitCharts.Curve(getTranslation("portrait.season." + season.name()),
                        w.points(), false));
            }
        }
        Div note = new Div(new Span(getTranslation("portrait.chart.note")));
        note.addClassName("hint");
        add(typical);
        if (!bySeason.isEmpty()) { // ECharts fails on a chart without series
            seasons.setOption(PortraitCharts.curves(getTranslation("portrait.chart.seasons"),
                    getTranslation("portrait.chart.unit"), bySeason));
            add(seasons);
        }
        add(note);
        if (p.industry() == null) {
            add(MainLayout.emptyState(getTranslation("portrait.industry.too-few")));
        }
        addActivity();
    }

    private void addTagsAndFigures(PortraitDetails p) {
        tags.addClassName("portrait-tags");
        for (PortraitDetails.TagDetails t : p.tags()) {
            Span badge = new Span(english() ? t.labelEn() : t.labelZh());
            badge.getElement().getThemeList().add(t.category() == TagCategory.RISK ? "badge error"
                    : t.category() == TagCategory.NEED ? "badge success" : "badge");
            Span reason = new Span(english() ? t.reasonEn() : t.reasonZh());
            Div line = new Div(badge, new Span(" "), reason);
            line.getElement().setAttribute("title", getTranslation("portrait.tag-category." + t.category().name()));
            tags.add(line);
        }
        if (p.tags().isEmpty()) {
            tags.add(new Span(getTranslation("portrait.tags.none")));
        }
        add(new H3(getTranslation("portrait.tags.title")), tags);
        changes.addClassName("portrait-changes");
        for (PortraitDetails.TagChangeDetails c : p.changes()) {
            changes.add(new Div(new Span(getTranslation("portrait.changes.line",
                    getTranslation(c.added() ? "portrait.change.added" : "portrait.change.removed"),
                    english() ? c.tag().labelEn() : c.tag().labelZh(),
                    english() ? c.tag().reasonEn() : c.tag().reasonZh()))));
        }
        if (p.changes().isEmpty()) {
            changes.add(new Span(getTranslation("portrait.changes.none")));
        }
        add(new H3(getTranslation("portrait.changes.title")), changes);
        if (p.figures().isEmpty()) {
            return;
        }
        figures.addColumn(f -> getTranslation("portrait.figure." + f.figure().name()))
                .setHeader(getTranslation("portrait.figure.column")).setFlexGrow(2);
        figures.addColumn(f -> FigureFormat.value(f.figure(), f.value(), getLocale()))
                .setHeader(getTranslation("portrait.figure.value"));
        figures.addColumn(f -> f.percentile() == null ? getTranslation("portrait.figure.no-peers")
                        : getTranslation("portrait.figure.percentile-of", f.percentile(), f.peers()))
                .setHeader(getTranslation("portrait.figure.percentile"));
        figures.setItems(p.figures());
        figures.setAllRowsVisible(true);
        List<PortraitDetails.FigureDetails> ranked = p.figures().stream()
                .filter(f -> FigureFormat.RADAR.contains(f.figure()) && f.percentile() != null).toList();
        add(new H3(getTranslation("portrait.figures.title")), figures);
        if (ranked.size() >= 3) { // a radar needs three axes; without peers (a customer's own view) there is none
            radar.setOption(PortraitCharts.radar(getTranslation("portrait.figures.title"),
                    getTranslation("portrait.figures.peers"), ranked,
                    f -> getTranslation("portrait.figure." + f.name()), getTranslation("portrait.radar.customer"),
                    getTranslation("portrait.radar.median")));
            add(radar);
        }
    }

    /** Shows the strategy of the customer's segment to staff ({@link SegmentStrategies}). */
    PortraitPanel withStrategies(SegmentStrategies strategies) {
        this.strategies = strategies;
        return this;
    }

    private void addStrategy() {
        if (strategies == null || viewer.isCustomer()) {
            return;
        }
        StrategyDetails s = strategies.forCustomer(viewer, customerId);
        if (s.defined()) {
            add(new StrategyCard(s));
        }
    }

    /** Leaves out the link to the printable view (for that view itself). */
    PortraitPanel withoutPrintLink() {
        printLink = false;
        return this;
    }

    /** The customer's latest activity (visits, outages, reports, notices, and what other features add). */
    private void addActivity() {
        if (timeline == null || viewer.isCustomer()) {
            return;
        }
        activity.addClassName("portrait-activity");
        TimelinePage page = timeline.page(viewer, customerId, EnumSet.allOf(TimelineKind.class), null, null, null,
                ACTIVITY, getLocale());
        for (TimelineEntry e : page.items()) {
            activity.add(new Div(new Span(TimelineEntry.moment(e.at()) + " · " + e.title()
                    + (e.detail() == null || e.detail().isBlank() ? "" : " — " + e.detail()))));
        }
        if (page.items().isEmpty()) {
            activity.add(new Span(getTranslation("portrait.activity.none")));
        }
        add(new H3(getTranslation("portrait.activity.title")), activity);
    }

    private boolean english() {
        return Locale.ENGLISH.getLanguage().equals(getLocale().getLanguage());
    }
}
