package cn.keyaccount.opportunity.ui;

import cn.keyaccount.base.ui.MainLayout;
import cn.keyaccount.opportunity.OpportunityDetails;
import cn.keyaccount.opportunity.OpportunityExcel;
import cn.keyaccount.opportunity.OpportunityFilter;
import cn.keyaccount.opportunity.OpportunityQueries;
import cn.keyaccount.opportunity.OpportunityService;
import cn.keyaccount.opportunity.OpportunityStage;
import cn.keyaccount.opportunity.PipelineSummary;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.UserSummary;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * The opportunities (商机) of the viewer's customers: the pipeline per stage (count and expected yearly value) for
 * the filter chosen, the list paged in SQL (next step first), a row opened in a dialog to work it, and the XLSX export
 * of the filtered list. A manager sees their own customers; a supervisor their unit's and may pick a manager.
 */
@Route("opportunities")
@PageTitle("opportunity.menu")
@Menu(title = "opportunity.menu", order = 7.6, icon = "vaadin:handshake")
@RolesAllowed(Roles.STAFF)
class OpportunitiesView extends VerticalLayout {

    private final OpportunityService opportunities;
    private final OpportunityQueries queries;
    private final Viewer viewer;
    final HorizontalLayout pipeline = new HorizontalLayout();
    final ComboBox<OpportunityStage> stage = new ComboBox<>();
    final ComboBox<UserSummary> owner = new ComboBox<>();
    final Checkbox openOnly = new Checkbox();
    final Span total = new Span();
    final Grid<OpportunityDetails> grid = new Grid<>();
    final Div empty;
    OpportunityForm form;
    private OpportunityFilter filter = OpportunityFilter.all();

    OpportunitiesView(OpportunityService opportunities, OpportunityQueries queries, OpportunityExcel excel,
                      UserService users, CurrentViewer currentViewer) {
        this.opportunities = opportunities;
        this.queries = queries;
        this.viewer = currentViewer.get();
        empty = MainLayout.emptyState(getTranslation("opportunity.list.empty"));
        pipeline.addClassName("opportunity-pipeline");
        pipeline.setWrap(true);
        stage.setLabel(getTranslation("opportunity.stage"));
        stage.setItems(OpportunityStage.values());
        stage.setItemLabelGenerator(s -> getTranslation("opportunity.stage." + s.name()));
        stage.setClearButtonVisible(true);
        owner.setLabel(getTranslation("opportunity.owner"));
        owner.setItemLabelGenerator(UserSummary::displayName);
        owner.setClearButtonVisible(true);
        owner.setVisible(!viewer.isManager());
        if (owner.isVisible()) {
            owner.setItems(users.list(viewer, Role.ACCOUNT_MANAGER, null, 0, 500));
        }
        openOnly.setLabel(getTranslation("opportunity.open-only"));
        stage.addValueChangeListener(e -> refresh());
        owner.addValueChangeListener(e -> refresh());
        openOnly.addValueChangeListener(e -> refresh());
        DownloadHandler download = event -> {
            event.setFileName("opportunities.xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            excel.export(viewer, filter, event.getOutputStream());
        };
        Anchor export = new Anchor(download, "");
        export.add(new Button(getTranslation("common.export"), VaadinIcon.DOWNLOAD.create()));
        export.setId("opportunity-export");
        HorizontalLayout filters = new HorizontalLayout(stage, owner, openOnly, total, export);
        filters.setAlignItems(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        configureGrid();
        setSizeFull();
        add(pipeline, filters, grid, empty);
        refresh();
    }

    private void configureGrid() {
        grid.addComponentColumn(o -> new Anchor("customers/" + o.customerId(), o.customerName()))
                .setHeader(getTranslation("opportunity.customer")).setFlexGrow(2);
        grid.addColumn(OpportunityLabels::tag).setHeader(getTranslation("opportunity.tag")).setAutoWidth(true);
        grid.addColumn(o -> getTranslation("opportunity.stage." + o.stage().name()))
                .setHeader(getTranslation("opportunity.stage")).setAutoWidth(true);
        grid.addColumn(o -> OpportunityLabels.money(o.expectedValue()))
                .setHeader(getTranslation("opportunity.expectedValue")).setAutoWidth(true);
        grid.addColumn(o -> o.nextStep() == null ? "–" : o.nextStep() + (o.nextStepDate() == null ? ""
                : " · " + o.nextStepDate())).setHeader(getTranslation("opportunity.nextStep")).setFlexGrow(2);
        grid.addColumn(OpportunityDetails::ownerName).setHeader(getTranslation("opportunity.owner"))
                .setAutoWidth(true);
        grid.addComponentColumn(OpportunityLabels::links).setHeader(getTranslation("opportunity.links"))
                .setAutoWidth(true);
        grid.setItems(q -> queries.page(viewer, filter, q.getOffset(), q.getLimit()).stream(),
                q -> (int) queries.count(viewer, filter));
        grid.addItemClickListener(e -> open(e.getItem()));
    }

    void refresh() {
        filter = new OpportunityFilter(stage.getValue(), owner.getValue() == null ? null : owner.getValue().id(),
                null, null, null, openOnly.getValue());
        long count = queries.count(viewer, filter);
        total.setText(getTranslation("common.total", count));
        grid.setVisible(count > 0);
        empty.setVisible(count == 0);
        grid.getDataProvider().refreshAll();
        PipelineSummary p = queries.pipeline(viewer, filter);
        pipeline.removeAll();
        for (PipelineSummary.StageTotal t : p.stages()) {
            Div card = new Div(new Div(new Span(getTranslation("opportunity.stage." + t.stage().name()))),
                    new Div(new Span(getTranslation("opportunity.pipeline.card", t.count(),
                            OpportunityLabels.money(t.value())))));
            card.addClassName("opportunity-stage");
            card.getElement().setAttribute("data-stage", t.stage().name().toLowerCase());
            pipeline.add(card);
        }
        pipeline.add(new Div(new Span(getTranslation("opportunity.pipeline.open", p.openCount(),
                OpportunityLabels.money(p.openValue())))));
    }

    void open(OpportunityDetails o) {
        OpportunityDialog dialog = new OpportunityDialog(opportunities, viewer, o, this::refresh);
        form = dialog.form;
        dialog.open();
    }
}
