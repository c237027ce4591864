package cn.keyaccount.portrait.ui;

import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.energy.ui.EnergyChart;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.portrait.PortraitRuns;
import cn.keyaccount.portrait.PortraitService;
import cn.keyaccount.portrait.SegmentMemberRow;
import cn.keyaccount.portrait.SegmentStrategies;
import cn.keyaccount.portrait.TagCount;
import cn.keyaccount.portrait.TagLists;
import cn.keyaccount.portrait.TagNotices;
import cn.keyaccount.portrait.SegmentSummary;
import cn.keyaccount.portrait.SegmentsOverview;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.shared.Registration;
import jakarta.annotation.security.RolesAllowed;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

/**
 * The load-shape segments (supervisors and administrators): when they were computed, the silhouette of each number
 * of groups tried (the chosen one marked), the segments with their sizes, and a chosen segment's centre curves and
 * members in the viewer's scope, closest to the centre first.
 */
@Route("portrait/segments")
@PageTitle("portrait.menu.segments")
@Menu(title = "portrait.menu.segments", order = 7.5, icon = "vaadin:cluster")
@RolesAllowed(Roles.SUPERVISORS)
class SegmentsView extends VerticalLayout {

    private final PortraitService portraits;
    private final PortraitRuns runs;
    private final Viewer viewer;
    final Span summary = new Span();
    final Grid<SegmentsOverview.Silhouette> silhouettes = new Grid<>();
    final Grid<SegmentSummary> segments = new Grid<>();
    final H3 chosenTitle = new H3();
    final EnergyChart centre = new EnergyChart("portrait-centre");
    final Grid<SegmentMemberRow> members = new Grid<>();
    final Button recompute = new Button();
    /** The running recompute's progress, polled every two seconds while one runs. */
    final Span progress = new Span();
    final StrategyForm strategy = new StrategyForm();
    final Grid<TagCount> tags = new Grid<>();
    private final SegmentStrategies strategies;
    private final TagLists tagLists;
    private final TagNotices tagNotices;
    TagNoticeForm noticeForm;
    private int chosenK;
    private Registration polling;

    SegmentsView(PortraitService portraits, PortraitRuns runs, CurrentViewer currentViewer,
                 SegmentStrategies strategies, TagLists tagLists, TagNotices tagNotices) {
        this.tagNotices = tagNotices;
        this.portraits = portraits;
        this.runs = runs;
        this.viewer = currentViewer.get();
        this.strategies = strategies;
        this.tagLists = tagLists;
        TagListColumns.addTo(tags, this::openNotice);
        strategy.setVisible(false);
        strategy.addSaveListener(e -> {
            SegmentSummary chosen = segments.asSingleSelect().getValue();
            if (chosen != null) {
                strategy.edit(strategies.save(viewer, chosen.id(), e.draft()), english());
                Notices.success(getTranslation("portrait.strategy.saved"));
            }
        });
        summary.addClassName("portrait-run");
        silhouettes.addColumn(s -> s.k()).setHeader(getTranslation("portrait.silhouette.k")).setAutoWidth(true);
        silhouettes.addColumn(s -> String.format(Locale.ROOT, "%.3f", s.score()))
                .setHeader(getTranslation("portrait.silhouette.score")).setAutoWidth(true);
        silhouettes.addColumn(s -> s.k() == chosenK ? getTranslation("portrait.silhouette.chosen") : "")
                .setHeader(getTranslation("portrait.silhouette.choice"));
        silhouettes.setAllRowsVisible(true);
        silhouettes.setWidth("28em");
        segments.addColumn(s -> s.number()).setHeader("#").setAutoWidth(true).setFlexGrow(0);
        segments.addColumn(this::name).setHeader(getTranslation("portrait.segment.name")).setFlexGrow(3);
        segments.addColumn(SegmentSummary::members).setHeader(getTranslation("portrait.segment.members"));
        segments.addColumn(SegmentSummary::membersInScope).setHeader(getTranslation("portrait.segment.in-scope"));
        segments.addColumn(s -> percent(s.restLevel())).setHeader(getTranslation("portrait.segment.rest-level"));
        segments.addComponentColumn(s -> new Anchor("customers?segment=" + s.id(),
                getTranslation("portrait.lists.open"))).setHeader(getTranslation("portrait.lists.actions"));
        segments.setAllRowsVisible(true);
        segments.asSingleSelect().addValueChangeListener(e -> show(e.getValue()));
        members.addColumn(SegmentMemberRow::accountNo).setHeader(getTranslation("portrait.member.account"))
                .setAutoWidth(true);
        members.addComponentColumn(m -> new Anchor("customers/" + m.customerId(), m.name()))
                .setHeader(getTranslation("portrait.member.name")).setFlexGrow(3);
        members.addColumn(m -> String.format(Locale.ROOT, "%.2f", m.distance()))
                .setHeader(getTranslation("portrait.member.distance"));
        members.setVisible(false);
        centre.setVisible(false);
        recompute.setText(getTranslation("portrait.recompute"));
        recompute.setVisible(viewer.isAdmin());
        recompute.addClickListener(e -> {
            runs.start(viewer);
            Notices.success(getTranslation("portrait.recompute.started"));
            follow();
        });
        progress.addClassName("portrait-progress");
        add(summary, recompute, progress, new H3(getTranslation("portrait.silhouette.title")),
                new Span(getTranslation("portrait.silhouette.explained")), silhouettes,
                new H3(getTranslation("portrait.segments.title")), segments, chosenTitle, centre, strategy, members,
                new H3(getTranslation("portrait.lists.tags.title")), tags);
        refresh();
        // listeners, not onAttach/onDetach overrides: the view's role check would intercept those and refuse the
        // detach that ends a session (no identity any more)
        addAttachListener(e -> {
            polling = e.getUI().addPollListener(p -> follow());
            follow();
        });
        addDetachListener(e -> {
            if (polling != null) {
                polling.remove();
                polling = null;
            }
            e.getUI().setPollInterval(-1);
        });
    }

    void refresh() {
        SegmentsOverview o = portraits.segments(viewer);
        chosenK = o.chosenK();
        if (o.computedAt() == null) {
            summary.setText(getTranslation("portrait.status.not-computed"));
        } else {
            summary.setText(getTranslation("portrait.run.summary",
                    DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                            .format(o.computedAt()), o.periodFrom(), o.periodTo(), o.customers(), o.segmented(),
                    o.customers() - o.segmented(), o.chosenK()));
        }
        silhouettes.setItems(o.silhouettes());
        segments.setItems(o.segments());
        tags.setItems(tagLists.counts(viewer));
        show(null);
    }

    /** Shows the running recompute's progress and polls while it runs; refreshes the segments when it ends. */
    void follow() {
        PortraitRuns.Progress p = runs.progress(viewer);
        boolean running = p.state() == PortraitRuns.State.MEASURING || p.state() == PortraitRuns.State.CLUSTERING;
        progress.setVisible(running);
        recompute.setEnabled(!running);
        if (running) {
            progress.setText(p.state() == PortraitRuns.State.CLUSTERING ? getTranslation("portrait.recompute.clustering")
                    : getTranslation("portrait.recompute.measuring", p.chunksMeasured(), p.chunks(),
                    p.customersMeasured()));
        }
        getUI().ifPresent(ui -> {
            if (running && ui.getPollInterval() < 0) {
                ui.setPollInterval(2000);
            } else if (!running && ui.getPollInterval() > 0) {
                ui.setPollInterval(-1);
                refresh();
            }
        });
    }

    private void show(SegmentSummary s) {
        centre.setVisible(s != null);
        members.setVisible(s != null);
        strategy.setVisible(s != null);
        chosenTitle.setText(s == null ? "" : name(s));
        if (s == null) {
            return;
        }
        strategy.edit(strategies.ofSegment(viewer, s.id()), english());
        centre.setOption(PortraitCharts.curves(getTranslation("portrait.chart.centre"),
                getTranslation("portrait.chart.unit"), List.of(
                        new PortraitCharts.Curve(getTranslation("portrait.curve.workday"), s.workday(), false),
                        new PortraitCharts.Curve(getTranslation("portrait.curve.rest-day-level"), s.restDay(),
                                true))));
        long id = s.id();
        members.setItems(q -> portraits.members(viewer, id, q.getOffset(), q.getLimit()).rows().stream(),
                q -> (int) portraits.members(viewer, id, 0, 0).total());
    }

    /** A notice to the tag's customers, in a dialog (the notice engine applies the contacts' consent). */
    void openNotice(TagCount t) {
        Dialog dialog = new Dialog(getTranslation("portrait.lists.notice.title", english() ? t.labelEn()
                : t.labelZh(), t.customers()));
        noticeForm = new TagNoticeForm();
        noticeForm.addSendListener(e -> {
            NoticeSummary sent = tagNotices.send(viewer, t.code(), e.title, e.text);
            dialog.close();
            Notices.success(getTranslation("portrait.lists.notice.sent", sent.total(), sent.skipped()));
        });
        dialog.add(noticeForm);
        dialog.setWidth("min(36em, 95vw)");
        dialog.open();
    }

    private String name(SegmentSummary s) {
        return english() ? s.nameEn() : s.nameZh();
    }

    private boolean english() {
        return Locale.ENGLISH.getLanguage().equals(getLocale().getLanguage());
    }

    private static String percent(Double level) {
        return level == null ? "–" : Math.round(level * 100) + " %";
    }
}
