package cn.keyaccount.customer.ui;

import cn.keyaccount.customer.ContactDraft;
import cn.keyaccount.customer.ContactService;
import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.security.Viewer;
import java.time.LocalTime;
import java.util.List;

/** The contacts of one customer: mobiles come masked from the service unless the viewer looks after it. */
class ContactsTab extends EditableListTab<ContactDetails, ContactDraft> {

    private final ContactService contacts;

    ContactsTab(ContactService contacts, Viewer viewer, long customerId, boolean editable) {
        super(viewer, customerId, editable, "contact");
        this.contacts = contacts;
        grid.addColumn(ContactDetails::name).setHeader(getTranslation("contact.name"));
        grid.addColumn(ContactDetails::role).setHeader(getTranslation("contact.role"));
        grid.addColumn(ContactDetails::mobile).setHeader(getTranslation("contact.mobile")).setAutoWidth(true);
        grid.addColumn(ContactDetails::email).setHeader(getTranslation("contact.email"));
        grid.addColumn(this::channels).setHeader(getTranslation("contact.channels"));
        grid.addColumn(c -> quietHours(c.quietFrom(), c.quietTo())).setHeader(getTranslation("contact.quiet-hours"));
        ready();
    }

    private String channels(ContactDetails c) {
        StringBuilder s = new StringBuilder();
        if (c.acceptsSms()) {
            s.append(getTranslation("contact.accepts-sms")).append(' ');
        }
        if (c.acceptsEmail()) {
            s.append(getTranslation("contact.accepts-email")).append(' ');
        }
        if (c.acceptsPortal()) {
            s.append(getTranslation("contact.accepts-portal"));
        }
        return s.toString().trim();
    }

    private static String quietHours(LocalTime from, LocalTime to) {
        return from == null ? "" : from + "–" + to;
    }

    @Override
    List<ContactDetails> items() {
        return contacts.list(viewer, customerId);
    }

    @Override
    long idOf(ContactDetails row) {
        return row.id();
    }

    @Override
    String nameOf(ContactDetails row) {
        return row.name();
    }

    @Override
    ContactDraft newDraft() {
        return new ContactDraft();
    }

    @Override
    ContactDraft draftOf(ContactDetails row) {
        return ContactDraft.of(row);
    }

    @Override
    EditorForm<ContactDraft> newForm() {
        return new ContactForm();
    }

    @Override
    void save(Long id, ContactDraft draft) {
        if (id == null) {
            contacts.add(viewer, customerId, draft);
        } else {
            contacts.update(viewer, customerId, id, draft);
        }
    }

    @Override
    void delete(long id) {
        contacts.delete(viewer, customerId, id);
    }
}
