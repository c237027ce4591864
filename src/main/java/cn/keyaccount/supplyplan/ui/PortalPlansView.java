package cn.keyaccount.supplyplan.ui;

import cn.keyaccount.base.ui.MainLayout;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.supplyplan.Duty;
import cn.keyaccount.supplyplan.Party;
import cn.keyaccount.supplyplan.PlanDetails;
import cn.keyaccount.supplyplan.SupplyPlanDocument;
import cn.keyaccount.supplyplan.SupplyPlanService;
import cn.keyaccount.supplyplan.TaskDetails;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;

/**
 * A key customer's supply-guarantee plans in force (approved or active): event, period and level, the customer's
 * own duties and checklist tasks in each, and the plan document to download.
 */
@Route("portal/plans")
@PageTitle("plan.portal-menu")
@Menu(title = "plan.portal-menu", order = 1, icon = "vaadin:shield")
@RolesAllowed(Role.CUSTOMER_NAME)
class PortalPlansView extends VerticalLayout {

    final List<Div> planCards = new ArrayList<>();
    final List<Grid<Duty>> dutyGrids = new ArrayList<>();
    final List<Grid<TaskDetails>> taskGrids = new ArrayList<>();

    PortalPlansView(SupplyPlanService plans, SupplyPlanDocument document, CurrentViewer currentViewer) {
        Viewer viewer = currentViewer.get();
        List<PlanDetails> inForce = plans.inForceForCustomer(viewer);
        if (inForce.isEmpty()) {
            add(MainLayout.emptyState(getTranslation("plan.portal-none")));
            return;
        }
        for (PlanDetails p : inForce) {
            Div card = new Div();
            card.addClassName("portal-plan");
            card.setWidthFull();
            card.add(new H3(p.title()));
            card.add(new Paragraph(getTranslation("plan.status." + p.status()) + " · "
                    + getTranslation("plan.level." + p.level()) + " · " + PlanFormats.period(p.startsAt(), p.endsAt())
                    + " · " + p.customerName()));
            Grid<Duty> duties = new Grid<>();
            duties.addColumn(Duty::escalation).setHeader(getTranslation("plan.escalation")).setAutoWidth(true);
            duties.addColumn(Duty::person).setHeader(getTranslation("plan.person"));
            duties.addColumn(Duty::role).setHeader(getTranslation("plan.role"));
            duties.addColumn(Duty::mobile).setHeader(getTranslation("plan.mobile"));
            duties.addColumn(Duty::shift).setHeader(getTranslation("plan.shift"));
            duties.setItems(p.duties().stream().filter(d -> d.party() == Party.CUSTOMER).toList());
            duties.setAllRowsVisible(true);
            Grid<TaskDetails> tasks = new Grid<>();
            tasks.addColumn(t -> t.done() ? "✓" : "").setHeader(getTranslation("plan.done")).setAutoWidth(true);
            tasks.addColumn(TaskDetails::title).setHeader(getTranslation("plan.task")).setFlexGrow(3);
            tasks.addColumn(TaskDetails::ownerName).setHeader(getTranslation("plan.owner"));
            tasks.addColumn(t -> t.dueOn().toString()).setHeader(getTranslation("plan.due"));
            tasks.setItems(p.tasks().stream().filter(t -> t.party() == Party.CUSTOMER).toList());
            tasks.setAllRowsVisible(true);
            tasks.setEmptyStateText(getTranslation("common.none"));
            DownloadHandler docx = event -> {
                event.setFileName(SupplyPlanDocument.fileName(p));
                event.setContentType("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
                event.getOutputStream().write(document.write(viewer, p.id(), getLocale()));
            };
            Anchor download = new Anchor(docx, "");
            download.add(new Button(getTranslation("plan.download-docx"), VaadinIcon.FILE_TEXT.create()));
            card.add(new H4(getTranslation("plan.portal-duties")), duties, new H4(getTranslation("plan.portal-tasks")),
                    tasks, download);
            planCards.add(card);
            dutyGrids.add(duties);
            taskGrids.add(tasks);
            add(card);
        }
    }
}
