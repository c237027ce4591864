package cn.keyaccount.servicerequest.repair.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.servicerequest.repair.CrewService;
import cn.keyaccount.servicerequest.repair.RepairDetails;
import cn.keyaccount.servicerequest.repair.RepairService;
import cn.keyaccount.servicerequest.repair.RepairStep;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.util.List;

/**
 * 我的抢修单: a crew's repairs on a phone, open ones first (the oldest call on top), each a card that opens the
 * repair's page ({@link CrewRepairView}). A crew sign-in lands here and cannot leave ({@link CrewOnlyGuard}).
 */
@Route("crew")
@PageTitle("repair.mine.menu")
@Menu(title = "repair.mine.menu", order = -2, icon = "vaadin:tools")
@RolesAllowed(Role.REPAIR_CREW_NAME)
class CrewRepairsView extends VerticalLayout {

    final Div cards = new Div();
    final List<RepairDetails> shown;

    CrewRepairsView(RepairService repairs, CrewService crews, CurrentViewer currentViewer, Clock clock) {
        Viewer viewer = currentViewer.get();
        setPadding(true);
        getStyle().set("max-width", "40rem");
        cards.setId("crew-repairs");
        cards.getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)")
                .set("width", "100%");
        crews.crewOf(viewer).ifPresent(c -> add(RepairUi.line(getTranslation("repair.mine.crew", c.name(),
                c.mobile()))));
        List<RepairDetails> found;
        try {
            found = repairs.mine(viewer);
        } catch (BusinessException e) { // a sign-in no crew names yet
            found = List.of();
            add(RepairUi.line(getTranslation("repair.mine.no-crew")));
        }
        shown = found;
        if (found.isEmpty()) {
            cards.add(RepairUi.line(getTranslation("repair.mine.none")));
        }
        for (RepairDetails r : found) {
            Div card = RepairUi.card();
            card.setId("crew-repair-" + r.id());
            card.add(RepairUi.strong(r.customerName()), RepairUi.line(r.subject()),
                    RepairUi.line(r.address() == null ? "" : r.address()));
            Span step = RepairUi.line(getTranslation("repair.step." + r.step()) + " · "
                    + getTranslation("repair.dispatched-at", RepairUi.time(r.steps().isEmpty() ? null
                    : r.steps().getFirst().at(), clock)));
            step.getStyle().set("color", r.step() == RepairStep.RESTORED ? "var(--lumo-success-text-color)"
                    : "var(--lumo-primary-text-color)");
            card.add(step);
            card.getStyle().set("cursor", "pointer");
            card.addClickListener(e -> card.getUI().ifPresent(ui -> ui.navigate(CrewRepairView.class, r.id())));
            cards.add(card);
        }
        add(cards);
    }
}
