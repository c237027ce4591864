package cn.keyaccount.customer.ui;

import cn.keyaccount.base.ui.Errors;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.customer.TransformerHistory;
import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.Map;

/**
 * A transformer's periods out of service (暂停) and capacity changes (减容 / 减容恢复 / 增容), and, for staff who may edit
 * the customer, the three changes: suspend, restore, change the capacity. Each change is audited by the service.
 */
class TransformerHistoryDialog extends Dialog {

    private final TransformerService transformers;
    private final Viewer viewer;
    private final long customerId;
    private final long transformerId;
    private final Runnable changed;
    final Grid<TransformerHistory.Suspension> suspensions = new Grid<>();
    final Grid<TransformerHistory.CapacityChange> changes = new Grid<>();
    final DatePicker suspendFrom = new DatePicker();
    final DatePicker suspendTo = new DatePicker();
    final TextField suspendReason = new TextField();
    final DatePicker restoreOn = new DatePicker();
    final TextField restoreReason = new TextField();
    final BigDecimalField kva = new BigDecimalField();
    final DatePicker effective = new DatePicker();
    final TextField changeReason = new TextField();

    TransformerHistoryDialog(TransformerService transformers, Viewer viewer, long customerId, long transformerId,
                             boolean editable, Runnable changed) {
        this.transformers = transformers;
        this.viewer = viewer;
        this.customerId = customerId;
        this.transformerId = transformerId;
        this.changed = changed;
        setWidth("min(56rem, 100vw)");
        suspensions.addColumn(TransformerHistory.Suspension::from).setHeader(getTranslation("transformer.from"));
        suspensions.addColumn(s -> s.to() == null ? getTranslation("transformer.until-restored") : s.to().toString())
                .setHeader(getTranslation("transformer.to"));
        suspensions.addColumn(TransformerHistory.Suspension::reason).setHeader(getTranslation("transformer.reason"))
                .setFlexGrow(2);
        suspensions.setAllRowsVisible(true);
        changes.addColumn(TransformerHistory.CapacityChange::effective)
                .setHeader(getTranslation("transformer.effective"));
        changes.addColumn(c -> getTranslation("transformer.change." + c.kind().name()))
                .setHeader(getTranslation("transformer.change-kind"));
        changes.addColumn(c -> TransformersTab.kva(c.kvaBefore()) + " → " + TransformersTab.kva(c.kvaAfter()))
                .setHeader(getTranslation("transformer.rated-kva"));
        changes.addColumn(TransformerHistory.CapacityChange::reason).setHeader(getTranslation("transformer.reason"))
                .setFlexGrow(2);
        changes.setAllRowsVisible(true);
        VerticalLayout body = new VerticalLayout(new H4(getTranslation("transformer.suspensions")), suspensions,
                new H4(getTranslation("transformer.capacity-changes")), changes);
        body.setPadding(false);
        if (editable) {
            body.add(changeForms());
        }
        add(body);
        Button close = new Button(getTranslation("common.close"), e -> close());
        getFooter().add(close);
        Errors.showFieldErrorsWith(this, errors -> FieldErrors.mark(errors, Map.of("from", suspendFrom,
                "to", suspendTo, "reason", suspendReason, "on", restoreOn, "kva", kva, "effective", effective)));
        refresh(transformers.history(viewer, customerId, transformerId));
    }

    private VerticalLayout changeForms() {
        suspendFrom.setLabel(getTranslation("transformer.from"));
        suspendTo.setLabel(getTranslation("transformer.to"));
        suspendTo.setHelperText(getTranslation("transformer.to-helper"));
        suspendReason.setLabel(getTranslation("transformer.reason"));
        Button suspend = new Button(getTranslation("transformer.suspend"), e -> {
            refresh(transformers.suspend(viewer, transformerId, suspendFrom.getValue(), suspendTo.getValue(),
                    suspendReason.getValue()));
            done();
        });
        suspend.setId("transformer-suspend");
        restoreOn.setLabel(getTranslation("transformer.restore-on"));
        restoreReason.setLabel(getTranslation("transformer.reason"));
        Button restore = new Button(getTranslation("transformer.restore"), e -> {
            refresh(transformers.restore(viewer, transformerId, restoreOn.getValue(), restoreReason.getValue()));
            done();
        });
        restore.setId("transformer-restore");
        kva.setLabel(getTranslation("transformer.new-kva"));
        effective.setLabel(getTranslation("transformer.effective"));
        changeReason.setLabel(getTranslation("transformer.reason"));
        Button change = new Button(getTranslation("transformer.change-capacity"), e -> {
            refresh(transformers.changeCapacity(viewer, transformerId, kva.getValue(), effective.getValue(),
                    changeReason.getValue()));
            done();
        });
        change.setId("transformer-change-capacity");
        for (Button b : new Button[] {suspend, restore, change}) {
            b.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        }
        VerticalLayout forms = new VerticalLayout(new H4(getTranslation("transformer.suspend")),
                new FormLayout(suspendFrom, suspendTo, suspendReason, suspend),
                new H4(getTranslation("transformer.restore")), new FormLayout(restoreOn, restoreReason, restore),
                new H4(getTranslation("transformer.change-capacity")),
                new FormLayout(kva, effective, changeReason, change));
        forms.setPadding(false);
        return forms;
    }

    private void done() {
        Notices.success(getTranslation("common.saved"));
        changed.run();
    }

    private void refresh(TransformerHistory h) {
        setHeaderTitle(getTranslation("transformer.history-title", h.transformer().name(),
                TransformersTab.kva(h.transformer().ratedKva())));
        suspensions.setItems(h.suspensions());
        changes.setItems(h.capacityChanges());
    }
}
