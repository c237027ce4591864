package cn.keyaccount.customer.ui;

import cn.keyaccount.base.ui.Errors;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;

/**
 * A customer's list of small records (contacts, transformers) with add, edit in a dialog and delete after a
 * confirmation. Subclasses add their grid columns, then call {@link #ready()}.
 *
 * @param <V> the row as the service shows it
 * @param <D> the draft the form edits
 */
abstract class EditableListTab<V, D> extends VerticalLayout {

    protected final Viewer viewer;
    protected final long customerId;
    private final boolean editable;
    private final String kind;
    final Grid<V> grid = new Grid<>();

    /** @param kind the i18n prefix and id prefix: {@code contact} gives contact.new, contact.edit, #contact-add */
    EditableListTab(Viewer viewer, long customerId, boolean editable, String kind) {
        this.viewer = viewer;
        this.customerId = customerId;
        this.editable = editable;
        this.kind = kind;
        setPadding(false);
    }

    abstract List<V> items();

    abstract long idOf(V row);

    abstract String nameOf(V row);

    abstract D newDraft();

    abstract D draftOf(V row);

    abstract EditorForm<D> newForm();

    /** Adds ({@code id} null) or updates a record. */
    abstract void save(Long id, D draft);

    abstract void delete(long id);

    /** Adds the actions and the grid, once the columns are there. */
    protected void ready() {
        if (editable) {
            grid.addComponentColumn(this::rowActions).setAutoWidth(true).setFlexGrow(0);
            Button add = new Button(getTranslation("common.add"), VaadinIcon.PLUS.create(),
                    e -> edit(null, newDraft()));
            add.setId(kind + "-add");
            add(add);
        }
        add(grid);
        refresh();
    }

    private HorizontalLayout rowActions(V row) {
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> edit(idOf(row), draftOf(row)));
        edit.setTooltipText(getTranslation("common.edit"));
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(row));
        delete.setTooltipText(getTranslation("common.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return new HorizontalLayout(edit, delete);
    }

    private void edit(Long id, D draft) {
        Dialog dialog = new Dialog(getTranslation(kind + (id == null ? ".new" : ".edit")));
        EditorForm<D> form = newForm();
        form.edit(draft, editable);
        form.addCancelListener(e -> dialog.close());
        Errors.reloadOnConflict(dialog, () -> {
            dialog.close();
            refresh();
        });
        form.addSaveListener(e -> {
            save(id, e.draft());
            dialog.close();
            Notices.success(getTranslation("common.saved"));
            refresh();
        });
        dialog.add(form);
        dialog.open();
    }

    private void confirmDelete(V row) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("common.delete"),
                getTranslation("common.confirm-delete", nameOf(row)), getTranslation("common.delete"), e -> {
                    try {
                        delete(idOf(row));
                        Notices.success(getTranslation("common.deleted"));
                    } finally {
                        refresh();
                    }
                });
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("common.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.open();
    }

    private void refresh() {
        grid.setItems(items());
    }

    /** Reads the rows again, after a change made outside the tab's own dialogs. */
    void reload() {
        refresh();
    }
}
