package cn.keyaccount.portrait.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;

/** A notice to a tag's customers: title and text; says that the contacts' consent applies. */
class TagNoticeForm extends VerticalLayout implements ShowsFieldErrors {

    final TextField title = new TextField();
    final TextArea text = new TextArea();
    final Button send = new Button();

    TagNoticeForm() {
        setPadding(false);
        title.setLabel(getTranslation("portrait.lists.notice.subject"));
        title.setMaxLength(60);
        title.setWidthFull();
        text.setLabel(getTranslation("portrait.lists.notice.text"));
        text.setMaxLength(500);
        text.setWidthFull();
        send.setText(getTranslation("portrait.lists.notice.send"));
        send.addThemeVariants(ButtonVariant.PRIMARY);
        send.addClickListener(e -> fireEvent(new SendEvent(this, title.getValue(), text.getValue())));
        Span consent = new Span(getTranslation("portrait.lists.notice.consent"));
        consent.addClassName("hint");
        add(title, text, consent, send);
    }

    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("title", title, "text", text));
    }

    static final class SendEvent extends ComponentEvent<TagNoticeForm> {
        final String title;
        final String text;

        SendEvent(TagNoticeForm source, String title, String text) {
            super(source, false);
            this.title = title;
            this.text = text;
        }
    }

    Registration addSendListener(ComponentEventListener<SendEvent> listener) {
        return addListener(SendEvent.class, listener);
    }
}
