package cn.keyaccount.customer.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.TransformerDraft;
import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.customer.TransformerView;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;

/** The transformers of one customer: mobiles come masked from the service unless the viewer looks after it. */
class TransformersTab extends VerticalLayout {

    private final TransformerService transformers;
    private final Viewer viewer;
    private final long customerId;
    private final boolean editable;
    final Grid<TransformerView> grid = new Grid<>();

    TransformersTab(TransformerService transformers, Viewer viewer, long customerId, boolean editable) {
        this.transformers = transformers;
        this.viewer = viewer;
        this.customerId = customerId;
        this.editable = editable;
        setPadding(false);
        grid.addColumn(TransformerView::name).setHeader(getTranslation("transformer.name"));
        grid.addColumn(t -> t.ratedKva().toPlainString()).setHeader(getTranslation("transformer.rated-kva"));
        grid.addColumn(t -> t.noLoadLossKw().toPlainString()).setHeader(getTranslation("transformer.p0"));
        grid.addColumn(t -> t.loadLossKw().toPlainString()).setHeader(getTranslation("transformer.pk"));
        if (editable) {
            grid.addComponentColumn(this::rowActions).setAutoWidth(true).setFlexGrow(0);
            Button add = new Button(getTranslation("common.add"), VaadinIcon.PLUS.create(),
                    e -> edit(null, new TransformerDraft()));
            add.setId("transformer-add");
            add(add);
        }
        add(grid);
        refresh();
    }

    private HorizontalLayout rowActions(TransformerView c) {
        Button edit = new Button(VaadinIcon.EDIT.create(), e -> edit(c.id(), TransformerDraft.of(c)));
        edit.setTooltipText(getTranslation("common.edit"));
        Button delete = new Button(VaadinIcon.TRASH.create(), e -> confirmDelete(c));
        delete.setTooltipText(getTranslation("common.delete"));
        delete.addThemeVariants(ButtonVariant.LUMO_ERROR);
        edit.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        delete.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
        return new HorizontalLayout(edit, delete);
    }

    private void edit(Long transformerId, TransformerDraft draft) {
        Dialog dialog = new Dialog(getTranslation(transformerId == null ? "transformer.new" : "transformer.edit"));
        TransformerForm form = new TransformerForm();
        form.edit(draft, editable);
        form.addCancelListener(e -> dialog.close());
        form.addSaveListener(e -> {
            try {
                if (transformerId == null) {
                    transformers.add(viewer, customerId, e.draft());
                } else {
                    transformers.update(viewer, customerId, transformerId, e.draft());
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

    private void confirmDelete(TransformerView c) {
        ConfirmDialog confirm = new ConfirmDialog(getTranslation("common.delete"),
                getTranslation("common.confirm-delete", c.name()), getTranslation("common.delete"), e -> {
                    try {
                        transformers.delete(viewer, customerId, c.id());
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
        grid.setItems(transformers.list(viewer, customerId));
    }
}
