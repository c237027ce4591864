package cn.keyaccount.visit.ui;

import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.visit.VisitDates;
import cn.keyaccount.visit.VisitDraft;
import cn.keyaccount.visit.VisitService;
import cn.keyaccount.visit.VisitType;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.LocalDate;
import java.util.function.Supplier;

/** Adds a visit by hand: a customer the viewer may change (searched lazily), a type, a day and a time. */
class NewVisitDialog extends Dialog {

    final ComboBox<CustomerRow> customer = new ComboBox<>();
    final Select<VisitType> type = new Select<>();
    final DatePicker date = new DatePicker();
    final TimePicker time = new TimePicker();
    final Button save = new Button();

    NewVisitDialog(VisitService visits, CustomerService customers, Supplier<Viewer> viewer, LocalDate day,
                   Runnable added) {
        setHeaderTitle(VisitUi.t("visit.new"));
        setId("visit-new-dialog");
        customer.setLabel(VisitUi.t("visit.customer"));
        customer.setItemLabelGenerator(c -> c.accountNo() + " " + c.name());
        customer.setItems(query -> customers.search(viewer.get(), CustomerSearch.text(query.getFilter().orElse("")),
                CustomerSearch.Order.DEFAULT, query.getOffset(), query.getLimit()).stream());
        customer.setWidth("26em");
        type.setLabel(VisitUi.t("visit.type"));
        type.setItems(VisitType.values());
        type.setItemLabelGenerator(t -> VisitUi.t("visit.type." + t));
        type.setValue(VisitType.ROUTINE);
        date.setLabel(VisitUi.t("visit.date"));
        date.setMin(visits.today());
        date.setValue(day.isBefore(visits.today()) ? visits.today() : day);
        time.setLabel(VisitUi.t("visit.time"));
        add(new FormLayout(customer, type, date, time));
        save.setText(VisitUi.t("common.save"));
        save.setId("visit-new-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> {
            visits.create(viewer.get(), new VisitDraft(customer.getValue() == null ? null
                    : customer.getValue().id(), type.getValue(), date.getValue(), time.getValue()));
            Notices.success(VisitUi.t("visit.added"));
            close();
            added.run();
        });
        getFooter().add(new Button(VisitUi.t("common.cancel"), e -> close()), save);
    }
}
