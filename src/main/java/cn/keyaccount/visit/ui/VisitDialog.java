package cn.keyaccount.visit.ui;

import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.ui.OpenRequestLinks;
import cn.keyaccount.visit.TaskRow;
import cn.keyaccount.visit.VisitDetails;
import cn.keyaccount.visit.VisitRow;
import cn.keyaccount.visit.VisitService;
import cn.keyaccount.visit.VisitStatus;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.DescriptionList.Description;
import com.vaadin.flow.component.html.DescriptionList.Term;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.util.function.Supplier;

/**
 * One visit: what and when, the customer's answer, the record and its tasks; and what the viewer may do with it
 * (move, confirm, cancel with a reason, record, close tasks). Tells its opener when something changed.
 */
class VisitDialog extends Dialog {

    private final VisitService visits;
    private final Supplier<Viewer> viewer;
    private final long visitId;
    private final Runnable changed;
    private final VerticalLayout body = new VerticalLayout();
    VisitDetails details;
    VisitRecordForm recordForm;
    final DatePicker moveDate = new DatePicker();
    final TimePicker moveTime = new TimePicker();
    final TextField cancelReason = new TextField();

    VisitDialog(VisitService visits, Supplier<Viewer> viewer, long visitId, Runnable changed) {
        this.visits = visits;
        this.viewer = viewer;
        this.visitId = visitId;
        this.changed = changed;
        setId("visit-dialog");
        setWidth("56rem");
        body.setPadding(false);
        add(body);
        Button close = new Button(VisitUi.t("common.close"), e -> close());
        close.setId("visit-dialog-close");
        getFooter().add(close);
        load();
    }

    private void load() {
        details = visits.get(viewer.get(), visitId);
        VisitRow v = details.visit();
        setHeaderTitle(v.customerName() + " · " + VisitUi.when(v));
        body.removeAll();
        DescriptionList summary = new DescriptionList();
        item(summary, "visit.customer", v.accountNo() + " " + v.customerName());
        item(summary, "visit.manager", v.managerName());
        item(summary, "visit.type", VisitUi.type(v));
        item(summary, "visit.status", VisitUi.status(v));
        item(summary, "visit.origin", VisitUi.t("visit.origin." + v.origin()));
        if (v.customerResponse() != cn.keyaccount.visit.CustomerResponse.NONE) {
            item(summary, "visit.customer-response", VisitUi.t("visit.response." + v.customerResponse())
                    + (v.customerNote() == null ? "" : ": " + v.customerNote())
                    + (v.customerProposedDate() == null ? "" : " → " + v.customerProposedDate()));
        }
        if (details.cancelReason() != null) {
            item(summary, "visit.cancel-reason", details.cancelReason());
        }
        if (v.status() == VisitStatus.DONE) {
            item(summary, "visit.record.done-date", String.valueOf(v.doneDate()));
            item(summary, "visit.record.participants", details.participants());
            item(summary, "visit.record.contacts-met", details.contactsMet());
            item(summary, "visit.record.findings", details.findings());
            item(summary, "visit.record.demands", details.demands());
            item(summary, "visit.record.satisfaction", String.valueOf(v.satisfaction()));
        }
        summary.addClassName("profile-summary");
        body.add(summary);
        // the customer's open service requests, so that the visit can speak to them
        body.add(OpenRequestLinks.of(viewer.get(), v.customerId()));
        if (details.editable() && v.status().isOpen()) {
            body.add(actions(v));
        }
        if (details.editable() && v.status() == VisitStatus.DONE && details.demands() != null
                && !details.demands().isBlank()) {
            // the service-request feature turns the 诉求 into a work order (one per visit) and shows it
            Anchor toRequest = new Anchor("service-requests/from-visit/" + visitId, VisitUi.t("visit.to-request"));
            toRequest.setId("visit-to-request");
            body.add(toRequest);
        }
        if (!details.tasks().isEmpty()) {
            body.add(new H4(VisitUi.t("visit.tasks")), tasks());
        }
    }

    private VerticalLayout actions(VisitRow v) {
        moveDate.setLabel(VisitUi.t("visit.move-to"));
        moveDate.setValue(v.plannedDate());
        moveTime.setLabel(VisitUi.t("visit.time"));
        moveTime.setValue(v.plannedTime());
        Button move = new Button(VisitUi.t("visit.move"), e -> act(() -> visits.move(viewer.get(), visitId,
                moveDate.getValue(), moveTime.getValue(), v.version()), "visit.moved"));
        move.setId("visit-move");
        Button confirm = new Button(VisitUi.t("visit.confirm"),
                e -> act(() -> visits.confirm(viewer.get(), visitId, v.version()), "visit.confirmed"));
        confirm.setId("visit-confirm");
        confirm.setVisible(v.status() == VisitStatus.PLANNED);
        cancelReason.setLabel(VisitUi.t("visit.cancel-reason"));
        Button cancel = new Button(VisitUi.t("visit.cancel"), e -> act(() -> visits.cancel(viewer.get(), visitId,
                cancelReason.getValue(), v.version()), "visit.cancelled"));
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.setId("visit-cancel");
        recordForm = new VisitRecordForm(visits.today());
        recordForm.edit(v.type(), v.plannedDate(), v.version());
        recordForm.addSaveListener(e -> act(() -> visits.record(viewer.get(), visitId, e.draft()),
                "visit.recorded"));
        HorizontalLayout moveRow = new HorizontalLayout(moveDate, moveTime, move, confirm);
        moveRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        HorizontalLayout cancelRow = new HorizontalLayout(cancelReason, cancel);
        cancelRow.setAlignItems(HorizontalLayout.Alignment.BASELINE);
        VerticalLayout actions = new VerticalLayout(moveRow, cancelRow, new H4(VisitUi.t("visit.record")),
                recordForm);
        actions.setPadding(false);
        return actions;
    }

    private Grid<TaskRow> tasks() {
        Grid<TaskRow> grid = new Grid<>();
        grid.setId("visit-tasks");
        grid.addColumn(TaskRow::description).setHeader(VisitUi.t("visit.task.description")).setFlexGrow(2);
        grid.addColumn(TaskRow::owner).setHeader(VisitUi.t("visit.task.owner")).setAutoWidth(true);
        grid.addColumn(TaskRow::dueDate).setHeader(VisitUi.t("visit.task.due")).setAutoWidth(true);
        grid.addComponentColumn(t -> {
            if (t.closedAt() != null) {
                return new com.vaadin.flow.component.html.Span(VisitUi.t("visit.task.closed"));
            }
            Button close = new Button(VisitUi.t("visit.task.close"), e -> act(() -> visits.closeTask(viewer.get(),
                    t.id()), "visit.task.closed"));
            close.setEnabled(details.editable());
            return close;
        }).setAutoWidth(true);
        grid.setPartNameGenerator(t -> t.overdue() ? "visit-overdue" : null);
        grid.setItems(details.tasks());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private void act(Runnable action, String doneKey) {
        action.run();
        Notices.success(VisitUi.t(doneKey));
        changed.run();
        load();
    }

    private static void item(DescriptionList list, String key, String value) {
        list.add(new Term(VisitUi.t(key)), new Description(value == null ? "" : value));
    }
}
