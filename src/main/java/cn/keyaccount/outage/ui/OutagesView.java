package cn.keyaccount.outage.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.Errors;
import cn.keyaccount.base.ui.NarrowScreen;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.base.ui.Uploads;
import cn.keyaccount.network.NetworkService;
import cn.keyaccount.outage.ImportProblem;
import cn.keyaccount.outage.MaintenancePlanImport;
import cn.keyaccount.outage.OutageDetails;
import cn.keyaccount.outage.OutageDraft;
import cn.keyaccount.outage.OutageRow;
import cn.keyaccount.outage.OutageQueries;
import cn.keyaccount.outage.OutageService;
import cn.keyaccount.outage.OutageStatus;
import cn.keyaccount.outage.PlanImportReport;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.splitlayout.SplitLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.QueryParameters;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.OffsetDateTime;

/**
 * 停电计划 (the scheduler's screen): the outages of the unit, soonest first; register one, import the weekly
 * maintenance plan, and for the selected outage its affected customers, conflicts, notices and messages, with move,
 * cancel and — for supervisors — release of a held outage.
 */
@Route("outages")
@PageTitle("outage.menu")
@Menu(title = "outage.menu", order = 42, icon = "vaadin:power-off")
@RolesAllowed(Roles.STAFF)
class OutagesView extends VerticalLayout implements BeforeEnterObserver {

    private final OutageService outages;
    private final OutageQueries queries;
    private final NetworkService network;
    private final Viewer viewer;
    final Select<OutageStatus> status = new Select<>();
    final Grid<OutageRow> grid = new Grid<>();
    final Grid<ImportProblem> problems = new Grid<>();
    final OutageDetailPanel detail;
    final Button register = new Button();
    final NarrowScreen narrow = NarrowScreen.of(this);
    OutageForm form;

    private final Clock clock;

    OutagesView(Clock clock, OutageService outages, OutageQueries queries, MaintenancePlanImport plans, NetworkService network,
                CurrentViewer currentViewer) {
        this.clock = clock;
        this.outages = outages;
        this.queries = queries;
        this.network = network;
        this.viewer = currentViewer.get();
        setSizeFull();
        detail = new OutageDetailPanel(outages, queries, viewer, this::openMove, this::reload);
        status.setLabel(OutageUi.t("outage.status"));
        status.setItems(OutageStatus.values());
        status.setEmptySelectionAllowed(true);
        status.setEmptySelectionCaption(OutageUi.t("outage.status.all"));
        status.setItemLabelGenerator(s -> s == null ? OutageUi.t("outage.status.all")
                : OutageUi.t("outage.status." + s));
        status.addValueChangeListener(e -> grid.getDataProvider().refreshAll());
        register.setText(OutageUi.t("outage.register"));
        register.setId("outage-register");
        register.setIcon(VaadinIcon.PLUS.create());
        register.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        register.addClickListener(e -> openRegister());
        boolean planner = !viewer.isManager();
        register.setVisible(planner);
        Upload upload = new Upload();
        upload.setId("outage-import");
        Uploads.localized(upload);
        upload.setAcceptedFileTypes(".xlsx");
        Uploads.limit(upload, Uploads.IMPORT_MAX_BYTES);
        upload.setUploadButton(new Button(OutageUi.t("outage.import"), VaadinIcon.UPLOAD.create()));
        upload.setUploadHandler(Uploads.inMemory((meta, data) -> {
            PlanImportReport report;
            try {
                report = plans.importPlan(viewer, meta.fileName(), data);
            } catch (RuntimeException ex) { // an upload's handler runs outside the UI thread: route the failure there
                upload.getUI().ifPresent(ui -> ui.access(() -> Errors.show(upload, ex)));
                return;
            }
            upload.getUI().ifPresent(ui -> ui.access(() -> showImport(report)));
        }, Uploads.IMPORT_MAX_BYTES));
        upload.setVisible(planner);
        HorizontalLayout bar = new HorizontalLayout(status, register, upload);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        configureProblems();
        configureGrid();
        SplitLayout split = new SplitLayout(grid, detail);
        split.setOrientation(SplitLayout.Orientation.VERTICAL);
        split.setSizeFull();
        split.setSplitterPosition(40);
        add(narrow.foldable(bar), problems, split);
    }

    private void configureGrid() {
        grid.setId("outage-grid");
        grid.addColumn(r -> OutageUi.time(r.startsAt())).setHeader(OutageUi.t("outage.starts-at")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> OutageUi.time(r.endsAt())).setHeader(OutageUi.t("outage.ends-at")).setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(r -> OutageUi.t("outage.kind." + r.kind())).setHeader(OutageUi.t("outage.kind"))
                .setAutoWidth(true);
        grid.addColumn(OutageRow::title).setHeader(OutageUi.t("outage.title")).setFlexGrow(3).setWidth("10rem")
                .setTooltipGenerator(OutageRow::title);
        grid.addColumn(OutageRow::lines).setHeader(OutageUi.t("outage.lines")).setFlexGrow(1)
                .setTooltipGenerator(OutageRow::lines);
        grid.addColumn(OutageRow::affected).setHeader(OutageUi.t("outage.affected")).setAutoWidth(true);
        grid.addColumn(OutageRow::oneSourceOut).setHeader(OutageUi.t("outage.one-source-out")).setAutoWidth(true);
        grid.addComponentColumn(this::statusBadge).setHeader(OutageUi.t("outage.status")).setWidth("9rem")
                .setFlexGrow(0);
        grid.addComponentColumn(r -> warningBadge(r)).setHeader(OutageUi.t("outage.warning-class"))
                .setWidth("7rem").setFlexGrow(0)
                .setTooltipGenerator(r -> r.warningClass() == null ? OutageUi.t("outage.class.none")
                        : OutageUi.t("outage.class." + r.warningClass()));
        narrow.cards(grid, r -> NarrowScreen.card(r.title(), OutageUi.time(r.startsAt()) + " – "
                        + OutageUi.time(r.endsAt()), OutageUi.t("outage.kind." + r.kind()), r.lines(),
                OutageUi.t("outage.status." + r.status()), warningShort(r)));
        grid.setItems(q -> queries.list(viewer, filter(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) queries.count(viewer, filter()));
        grid.asSingleSelect().addValueChangeListener(e -> detail.show(e.getValue() == null ? null
                : e.getValue().id()));
    }

    private Span statusBadge(OutageRow r) {
        String text = OutageUi.t("outage.status." + r.status());
        if (r.status() == OutageStatus.HELD) {
            text += r.heldLate() ? " · " + OutageUi.t("outage.held.late") : "";
            text += r.heldConflict() ? " · " + OutageUi.t("outage.held.conflict") : "";
        }
        Span s = new Span(text);
        s.getElement().getThemeList().add("badge");
        s.addClassName("outage-status-badge"); // wraps instead of being cut (styles.css)
        if (r.status() == OutageStatus.HELD) {
            s.getElement().getThemeList().add("error");
        } else if (r.status() == OutageStatus.CANCELLED) {
            s.getElement().getThemeList().add("contrast");
        }
        return s;
    }

    /** How early the customers were warned, short: on time, 5–7 days, late (the full rule on hover). */
    Span warningBadge(OutageRow r) {
        Span s = OutageUi.badge(r.warningClass());
        s.setText(warningShort(r));
        s.setId("outage-warning-" + r.id());
        return s;
    }

    private static String warningShort(OutageRow r) {
        return OutageUi.t("outage.class.short." + (r.warningClass() == null ? "none" : r.warningClass().name()));
    }

    /** Links from the workbench: {@code ?status=HELD} filters the list, {@code ?outage=<id>} opens one outage. */
    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        QueryParameters query = event.getLocation().getQueryParameters();
        query.getSingleParameter("status").flatMap(s -> java.util.Arrays.stream(OutageStatus.values())
                .filter(v -> v.name().equals(s)).findFirst()).ifPresent(status::setValue);
        query.getSingleParameter("outage").filter(id -> id.matches("\\d{1,18}")).map(Long::parseLong)
                .ifPresent(detail::show);
    }

    private OutageQueries.OutageFilter filter() {
        return new OutageQueries.OutageFilter(status.getValue(), null,
                status.getValue() == null ? OffsetDateTime.now(clock).minusDays(30) : null, null);
    }

    private void configureProblems() {
        problems.setId("outage-import-problems");
        problems.addColumn(ImportProblem::row).setHeader(OutageUi.t("outage.import.row")).setAutoWidth(true);
        problems.addColumn(p -> p.field().isEmpty() ? "" : OutageUi.t("outage.import.column." + p.field()))
                .setHeader(OutageUi.t("outage.import.field")).setAutoWidth(true);
        problems.addColumn(p -> OutageUi.t(p.key(), p.value())).setHeader(OutageUi.t("outage.import.problem")).setFlexGrow(2);
        problems.addColumn(ImportProblem::value).setHeader(OutageUi.t("outage.import.value"));
        problems.setAllRowsVisible(true);
        problems.setVisible(false);
    }

    void showImport(PlanImportReport report) {
        problems.setItems(report.problems());
        problems.setVisible(!report.ok());
        if (report.ok()) {
            Notices.success(OutageUi.t("outage.import.done", report.file(), report.imported()));
            reload();
        } else {
            Errors.show(this, BusinessException.invalid("outage.import.refused", report.file(),
                    report.problems().size()));
        }
    }

    void openRegister() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(OutageUi.t("outage.register"));
        form = new OutageForm(q -> network.searchLines(q, 50).stream(), network.substationNames());
        form.addSaveListener(e -> save(dialog, null, e.draft()));
        form.addCancelListener(e -> dialog.close());
        dialog.add(form);
        dialog.setWidth("760px");
        dialog.open();
    }

    void openMove(OutageDetails d) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(OutageUi.t("outage.move"));
        form = new OutageForm(q -> network.searchLines(q, 50).stream(), network.substationNames());
        form.edit(d);
        form.addSaveListener(e -> save(dialog, d.id(), e.draft()));
        form.addCancelListener(e -> dialog.close());
        dialog.add(form);
        dialog.setWidth("760px");
        dialog.open();
    }

    void save(Dialog dialog, Long id, OutageDraft draft) {
        OutageDetails saved = id == null ? outages.register(viewer, draft, null)
                : outages.update(viewer, id, draft);
        dialog.close();
        Notices.success(OutageUi.t(saved.status() == OutageStatus.HELD ? "outage.saved-held" : "outage.saved",
                saved.affected()));
        reload();
        detail.show(saved.id());
    }

    private void reload() {
        grid.getDataProvider().refreshAll();
    }
}
