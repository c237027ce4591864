package cn.keyaccount.application.ui;

import cn.keyaccount.application.ApplicationDraft;
import cn.keyaccount.application.ApplicationKind;
import cn.keyaccount.base.BusinessException.FieldError;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.customer.CustomerName;
import cn.keyaccount.customer.TransformerDetails;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A new application: customer, kind, and the fields the kind asks for (capacity for 新装/增容/减容, mode and demand
 * for 计费方式变更, transformer and period for 暂停/减容). Publishes save; the view calls the service.
 */
class ApplicationForm extends VerticalLayout implements ShowsFieldErrors {

    static final class SaveEvent extends ComponentEvent<ApplicationForm> {
        private final ApplicationDraft draft;

        SaveEvent(ApplicationForm source, ApplicationDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        ApplicationDraft draft() {
            return draft;
        }
    }

    final ComboBox<CustomerName> customer = new ComboBox<>();
    final Select<ApplicationKind> kind = new Select<>();
    final BigDecimalField capacity = new BigDecimalField();
    final Select<BasicChargeMode> mode = new Select<>();
    final BigDecimalField demand = new BigDecimalField();
    final Select<TransformerDetails> transformer = new Select<>();
    final TextField address = new TextField();
    final DatePicker wishedOn = new DatePicker();
    final DatePicker periodFrom = new DatePicker();
    final DatePicker periodTo = new DatePicker();
    final TextArea note = new TextArea();
    final Button save = new Button();

    /**
     * @param customers    a page of the customers the viewer may apply for, by search text and offset
     * @param transformers the transformers of a customer
     */
    ApplicationForm(BiFunction<String, Integer, List<CustomerName>> customers,
                    Function<Long, List<TransformerDetails>> transformers) {
        customer.setLabel(getTranslation("application.customer"));
        customer.setId("application-customer");
        customer.setItemLabelGenerator(c -> c.accountNo() + " " + c.name());
        customer.setItems(q -> customers.apply(q.getFilter().orElse(""), q.getOffset()).stream()
                .limit(q.getLimit()));
        customer.addValueChangeListener(e -> transformer.setItems(e.getValue() == null ? List.of()
                : transformers.apply(e.getValue().id())));
        kind.setLabel(getTranslation("application.kind"));
        kind.setId("application-kind");
        kind.setItems(ApplicationKind.values());
        kind.setItemLabelGenerator(k -> k == null ? "" : getTranslation("application.kind." + k));
        kind.addValueChangeListener(e -> showFieldsOf(e.getValue()));
        capacity.setLabel(getTranslation("application.capacity"));
        capacity.setId("application-capacity");
        mode.setLabel(getTranslation("application.basic-charge-mode"));
        mode.setItems(BasicChargeMode.values());
        mode.setItemLabelGenerator(m -> m == null ? "" : getTranslation("customer.basic-charge-mode." + m));
        demand.setLabel(getTranslation("application.demand"));
        transformer.setLabel(getTranslation("application.transformer"));
        transformer.setItemLabelGenerator(t -> t == null ? "" : t.name() + " · "
                + t.ratedKva().stripTrailingZeros().toPlainString() + " kVA");
        transformer.setEmptySelectionAllowed(true);
        address.setLabel(getTranslation("application.address"));
        address.setMaxLength(300);
        wishedOn.setLabel(getTranslation("application.wished-on"));
        periodFrom.setLabel(getTranslation("application.period-from"));
        periodTo.setLabel(getTranslation("application.period-to"));
        note.setLabel(getTranslation("application.note"));
        note.setMaxLength(2000);
        save.setText(getTranslation("application.create"));
        save.setId("application-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> fireEvent(new SaveEvent(this, draft())));
        FormLayout fields = new FormLayout(customer, kind, capacity, mode, demand, transformer, periodFrom, periodTo,
                address, wishedOn, note);
        fields.setColspan(customer, 2);
        fields.setColspan(note, 2);
        add(fields, save);
        showFieldsOf(null);
    }

    private void showFieldsOf(ApplicationKind k) {
        capacity.setVisible(k == null || k.needsCapacity());
        mode.setVisible(k == ApplicationKind.BILLING_CHANGE);
        demand.setVisible(k == ApplicationKind.BILLING_CHANGE);
        transformer.setVisible(k != null && (k.hasPeriod() || k == ApplicationKind.SUSPENSION_RESTORE
                || k == ApplicationKind.REDUCTION_RESTORE));
        periodFrom.setVisible(k != null && k.hasPeriod());
        periodTo.setVisible(k != null && k.hasPeriod());
    }

    ApplicationDraft draft() {
        ApplicationKind k = kind.getValue();
        return new ApplicationDraft(customer.getValue() == null ? null : customer.getValue().id(), k,
                capacity.isVisible() ? capacity.getValue() : null, demand.isVisible() ? demand.getValue() : null,
                mode.isVisible() ? mode.getValue() : null,
                transformer.isVisible() && transformer.getValue() != null ? transformer.getValue().id() : null,
                address.getValue(), wishedOn.getValue(), periodFrom.isVisible() ? periodFrom.getValue() : null,
                periodTo.isVisible() ? periodTo.getValue() : null, note.getValue());
    }

    @Override
    public List<FieldError> showFieldErrors(List<FieldError> errors) {
        return FieldErrors.mark(errors, Map.ofEntries(Map.entry("customerId", customer), Map.entry("kind", kind),
                Map.entry("capacityKva", capacity), Map.entry("basicChargeMode", mode), Map.entry("demandKw", demand),
                Map.entry("transformerId", transformer), Map.entry("address", address),
                Map.entry("wishedOn", wishedOn), Map.entry("periodFrom", periodFrom),
                Map.entry("periodTo", periodTo), Map.entry("note", note)));
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }
}
