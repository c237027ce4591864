package cn.keyaccount.servicerequest.ui;

import cn.keyaccount.base.BusinessException.FieldError;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.servicerequest.RequestDraft;
import cn.keyaccount.servicerequest.RequestType;
import cn.keyaccount.servicerequest.ServiceArea;
import cn.keyaccount.servicerequest.ServiceKind;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;

/**
 * A new request's fields: the customer (unless the request is raised from that customer's page), the type, for a
 * 服务申请 the service asked for, the area, the subject and what the customer said. Marks the fields a refusal names.
 */
class RequestForm extends FormLayout implements ShowsFieldErrors {

    final ComboBox<CustomerRow> customer = new ComboBox<>();
    final Select<RequestType> type = new Select<>();
    final Select<ServiceKind> kind = new Select<>();
    final Select<ServiceArea> area = new Select<>();
    final TextField subject = new TextField();
    final TextArea description = new TextArea();
    private final Long fixedCustomer;

    /** {@code fixedCustomer}: the customer the request is for, or null to pick one in {@link #customer}. */
    RequestForm(Long fixedCustomer) {
        this.fixedCustomer = fixedCustomer;
        customer.setLabel(RequestUi.t("request.customer"));
        customer.setItemLabelGenerator(c -> c.accountNo() + " " + c.name());
        customer.setId("request-customer");
        type.setLabel(RequestUi.t("request.type"));
        type.setItems(RequestType.values());
        type.setItemLabelGenerator(v -> RequestUi.t("request.type." + v));
        type.setValue(RequestType.REPAIR);
        type.setId("request-type");
        kind.setLabel(RequestUi.t("request.kind"));
        kind.setItems(ServiceKind.values());
        kind.setItemLabelGenerator(v -> RequestUi.t("request.kind." + v));
        kind.setVisible(false);
        kind.setId("request-kind");
        type.addValueChangeListener(e -> kind.setVisible(e.getValue() == RequestType.SERVICE));
        area.setLabel(RequestUi.t("request.area"));
        area.setItems(ServiceArea.values());
        area.setItemLabelGenerator(v -> RequestUi.t("request.area." + v));
        area.setValue(ServiceArea.URBAN);
        subject.setLabel(RequestUi.t("request.subject"));
        subject.setMaxLength(200);
        subject.setId("request-subject");
        description.setLabel(RequestUi.t("request.description"));
        description.setMaxLength(4000);
        description.setId("request-description");
        if (fixedCustomer == null) {
            add(customer);
        }
        add(type, kind, area, subject, description);
        setColspan(description, 2);
    }

    RequestDraft draft() {
        Long customerId = fixedCustomer != null ? fixedCustomer
                : customer.getValue() == null ? null : customer.getValue().id();
        return new RequestDraft(customerId, type.getValue(), type.getValue() == RequestType.SERVICE
                ? kind.getValue() : null, area.getValue(), subject.getValue(), description.getValue(), null);
    }

    @Override
    public List<FieldError> showFieldErrors(List<FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("customerId", customer, "type", type, "serviceKind", kind,
                "subject", subject, "description", description));
    }
}
