package cn.keyaccount.servicerequest.ui;

import cn.keyaccount.base.BusinessException.FieldError;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The return visit (回访) of a closed request: satisfaction 1–5 (named in words) and the customer's comment. It calls
 * no service: the page that shows it records what it publishes.
 */
class ReturnVisitForm extends FormLayout implements ShowsFieldErrors {

    final Select<Integer> satisfaction = new Select<>();
    final TextArea comment = new TextArea();
    final Button record = new Button();

    ReturnVisitForm(Consumer<ReturnVisitForm> onRecord) {
        setId("request-return-visit");
        satisfaction.setLabel(RequestUi.t("request.return-visit.satisfaction"));
        satisfaction.setItems(5, 4, 3, 2, 1);
        satisfaction.setItemLabelGenerator(v -> RequestUi.t("request.return-visit.satisfaction." + v));
        satisfaction.setId("request-return-visit-satisfaction");
        comment.setLabel(RequestUi.t("request.return-visit.comment"));
        comment.setMaxLength(2000);
        comment.setId("request-return-visit-comment");
        record.setText(RequestUi.t("request.return-visit.record"));
        record.setId("request-return-visit-record");
        record.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        record.addClickListener(e -> onRecord.accept(this));
        add(satisfaction, comment, record);
        setColspan(comment, 2);
    }

    @Override
    public List<FieldError> showFieldErrors(List<FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("satisfaction", satisfaction, "comment", comment));
    }
}
