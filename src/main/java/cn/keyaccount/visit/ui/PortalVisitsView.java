package cn.keyaccount.visit.ui;

import cn.keyaccount.base.ui.MainLayout;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.visit.CustomerResponse;
import cn.keyaccount.visit.VisitDates;
import cn.keyaccount.visit.VisitRow;
import cn.keyaccount.visit.VisitService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * 客户走访预约: the customer's upcoming visits from their account manager; they confirm a date or ask to
 * reschedule it with a note (and a date that suits them). The manager sees the request in the calendar.
 */
@Route("portal/visits")
@PageTitle("visit.menu.portal")
@Menu(title = "visit.menu.portal", order = 1, icon = "vaadin:calendar-user")
@RolesAllowed(Role.CUSTOMER_NAME)
class PortalVisitsView extends VerticalLayout {

    private final VisitService visits;
    private final CurrentViewer currentViewer;
    final Grid<VisitRow> grid = new Grid<>();
    final TextArea note = new TextArea();
    final DatePicker proposed = new DatePicker();
    Button sendRequest;

    PortalVisitsView(VisitService visits, CurrentViewer currentViewer) {
        this.visits = visits;
        this.currentViewer = currentViewer;
        grid.setId("portal-visits");
        grid.addColumn(VisitUi::when).setHeader(getTranslation("visit.date")).setAutoWidth(true);
        grid.addColumn(VisitRow::customerName).setHeader(getTranslation("visit.account")).setFlexGrow(2);
        grid.addColumn(VisitRow::managerName).setHeader(getTranslation("visit.manager")).setAutoWidth(true);
        grid.addColumn(VisitUi::type).setHeader(getTranslation("visit.type")).setAutoWidth(true);
        grid.addColumn(v -> v.customerResponse() == CustomerResponse.NONE ? getTranslation("visit.response.NONE")
                : getTranslation("visit.response." + v.customerResponse()))
                .setHeader(getTranslation("visit.customer-response")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(grid);
        load();
    }

    private HorizontalLayout actions(VisitRow v) {
        Button confirm = new Button(getTranslation("visit.portal.confirm"),
                e -> respond(v, CustomerResponse.CONFIRMED, null, null));
        confirm.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
        confirm.setEnabled(v.customerResponse() != CustomerResponse.CONFIRMED);
        Button reschedule = new Button(getTranslation("visit.portal.reschedule"), e -> askReschedule(v));
        reschedule.addThemeVariants(ButtonVariant.LUMO_SMALL);
        return new HorizontalLayout(confirm, reschedule);
    }

    void askReschedule(VisitRow v) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("visit.portal.reschedule"));
        note.setLabel(getTranslation("visit.portal.note"));
        note.clear();
        proposed.setLabel(getTranslation("visit.portal.proposed"));
        proposed.setMin(visits.today());
        proposed.clear();
        dialog.add(new VerticalLayout(note, proposed));
        Button send = new Button(getTranslation("visit.portal.send"), e -> {
            respond(v, CustomerResponse.RESCHEDULE_REQUESTED, note.getValue(), proposed.getValue());
            dialog.close();
        });
        send.setId("portal-visit-send");
        sendRequest = send;
        send.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), send);
        dialog.open();
    }

    void respond(VisitRow v, CustomerResponse response, String text, java.time.LocalDate date) {
        visits.respond(currentViewer.get(), v.id(), response, text, date);
        Notices.success(getTranslation("visit.portal.sent"));
        load();
    }

    private void load() {
        List<VisitRow> upcoming = visits.upcomingForCustomer(currentViewer.get());
        grid.setItems(upcoming);
        grid.setVisible(!upcoming.isEmpty());
        getChildren().filter(c -> c.hasClassName("empty-state")).toList().forEach(this::remove);
        if (upcoming.isEmpty()) {
            add(MainLayout.emptyState(getTranslation("visit.portal.none")));
        }
    }
}
