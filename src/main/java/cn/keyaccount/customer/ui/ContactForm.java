package cn.keyaccount.customer.ui;

import cn.keyaccount.customer.ContactDraft;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.timepicker.TimePicker;
import java.time.Duration;

/** A contact of a customer: how to reach them, which channels they accept and when not to disturb them. */
class ContactForm extends EditorForm<ContactDraft> {

    ContactForm() {
        super(ContactDraft.class);
        binder.forField(field("name", new TextField(getTranslation("contact.name")))).withNullRepresentation("")
                .bind(ContactDraft::getName, ContactDraft::setName);
        binder.forField(field("role", new TextField(getTranslation("contact.role")))).withNullRepresentation("")
                .bind(ContactDraft::getRole, ContactDraft::setRole);
        binder.forField(field("mobile", new TextField(getTranslation("contact.mobile")))).withNullRepresentation("")
                .bind(ContactDraft::getMobile, ContactDraft::setMobile);
        binder.forField(field("email", new EmailField(getTranslation("contact.email")))).withNullRepresentation("")
                .bind(ContactDraft::getEmail, ContactDraft::setEmail);
        binder.forField(field("acceptsSms", new Checkbox(getTranslation("contact.accepts-sms"))))
                .bind(ContactDraft::isAcceptsSms, ContactDraft::setAcceptsSms);
        binder.forField(field("acceptsEmail", new Checkbox(getTranslation("contact.accepts-email"))))
                .bind(ContactDraft::isAcceptsEmail, ContactDraft::setAcceptsEmail);
        binder.forField(field("acceptsPortal", new Checkbox(getTranslation("contact.accepts-portal"))))
                .bind(ContactDraft::isAcceptsPortal, ContactDraft::setAcceptsPortal);
        binder.forField(field("quietFrom", quarterHours(new TimePicker(getTranslation("contact.quiet-from")))))
                .bind(ContactDraft::getQuietFrom, ContactDraft::setQuietFrom);
        binder.forField(field("quietTo", quarterHours(new TimePicker(getTranslation("contact.quiet-to")))))
                .bind(ContactDraft::getQuietTo, ContactDraft::setQuietTo);
    }

    private static TimePicker quarterHours(TimePicker picker) {
        picker.setStep(Duration.ofMinutes(15));
        picker.setClearButtonVisible(true);
        return picker;
    }
}
