package cn.keyaccount.customer.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.ContactDraft;
import cn.keyaccount.customer.ContactService;
import cn.keyaccount.customer.ContactView;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalTime;

/** The contacts of one customer: mobiles come masked from the service unless the viewer looks after it. */
class ContactsTab extends VerticalLayout {

    private final ContactService contacts;
    private final Viewer viewer;
    private final long customerId;
    private final boolean editable;
    final Grid<ContactView> grid = new Grid<>();

    ContactsTab(ContactService contacts, Viewer viewer, long customerId, boolean editable) {
        this.contacts = contacts;
        this.viewer = viewer;
        this.customerId = customerId;
        this.editable = editable;
        setPadding(false);
        grid.addColumn(ContactView::name).setHeader(getTranslation("contact.name"));
        grid.addColumn(ContactView::role).setHeader(getTranslation("contact.role"));
        grid.addColumn(ContactView::mobile).setHeader(getTranslation("contact.mobile")).setAutoWidth(true);
        grid.addColumn(ContactView::email).setHeader(getTranslation("contact.email"));
        grid.addColumn(this::channels).setHeader(getTranslation("contact.channels"));
        grid.addColumn(c -> quietHours(c.quietFrom(), c.quietTo())).setHeader(getTranslation("contact.quiet-hours"));
        if (editable) {
            grid.addComponentColumn(this::rowActions).setAutoWidth(true).setFlexGrow(0);
            Button add = new Button(getTranslation("common.add"), VaadinIcon.PLUS.create(),
                    e -> edit(null, new ContactDraft()));
            add.setId("contact-add");
            add(add);
        }
        add(grid);
        refresh();
    }

    private String channels(ContactView c) {
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

    private HorizontalLayout rowActions(ContactView c) {
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> edit(c.id(), ContactDraft.of(c)));
        edit.setTooltipText(getTranslation("common.edit"));
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(c));
        delete.setTooltipText(getTranslation("common.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return new HorizontalLayout(edit, delete);
    }

    private void edit(Long contactId, ContactDraft draft) {
        Dialog dialog = new Dialog(getTranslation(contactId == null ? "contact.new" : "contact.edit"));
        ContactForm form = new ContactForm();
        form.edit(draft, editable);
        form.addCancelListener(e -> dialog.close());
        form.addSaveListener(e -> {
            try {
                if (contactId == null) {
                    contacts.add(viewer, customerId, e.draft());
                } else {
                    contacts.update(viewer, customerId, contactId, e.draft());
                }
                dialog.close();
                BusinessErrors.success(getTranslation("common.saved"));
                refresh();
            } catch (BusinessException ex) {
                BusinessErrors.show(ex, form, () -> {
                    dialog.close();
                    refresh();
                });
            }
        });
        dialog.add(form);
        dialog.open();
    }

    private void confirmDelete(ContactView c) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("common.delete"),
                getTranslation("common.confirm-delete", c.name()), getTranslation("common.delete"), e -> {
                    try {
                        contacts.delete(viewer, customerId, c.id());
                        BusinessErrors.success(getTranslation("common.deleted"));
                    } catch (BusinessException ex) {
                        BusinessErrors.show(ex, null, null);
                    }
                    refresh();
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void refresh() {
        grid.setItems(contacts.list(viewer, customerId));
    }
}
