package cn.keyaccount.assignment.ui;

import cn.keyaccount.assignment.ManagerWorkload;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;

/**
 * The decision a supervisor takes: a primary manager (each shown with their current load), an optional backup and
 * the reason. Publishes an {@link AssignEvent}; never calls a service.
 */
class AssignmentForm extends FormLayout implements ShowsFieldErrors {

    final ComboBox<ManagerWorkload> primary = new ComboBox<>();
    final ComboBox<ManagerWorkload> backup = new ComboBox<>();
    final TextArea reason = new TextArea();
    final Button assign = new Button();
    private int selected;

    AssignmentForm() {
        primary.setLabel(getTranslation("assignment.primary"));
        primary.setId("assignment-primary");
        backup.setLabel(getTranslation("assignment.backup"));
        backup.setId("assignment-backup");
        backup.setClearButtonVisible(true);
        for (ComboBox<ManagerWorkload> box : List.of(primary, backup)) {
            box.setItemLabelGenerator(w -> getTranslation("assignment.manager-with-load", w.displayName(),
                    w.unitName(), w.customers(), w.weightedLoad()));
            box.addValueChangeListener(e -> box.setInvalid(false));
        }
        reason.setLabel(getTranslation("assignment.reason"));
        reason.setId("assignment-reason");
        reason.setRequiredIndicatorVisible(true);
        reason.setMaxLength(500);
        reason.addValueChangeListener(e -> reason.setInvalid(false));
        assign.setId("assignment-assign");
        assign.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        assign.addClickListener(e -> fireEvent(new AssignEvent(this)));
        add(primary, backup, reason, assign);
        setSelectedCount(0);
    }

    void setManagers(List<ManagerWorkload> managers) {
        Long p = primary.getValue() == null ? null : primary.getValue().managerId();
        Long b = backup.getValue() == null ? null : backup.getValue().managerId();
        primary.setItems(managers);
        backup.setItems(managers);
        primary.setValue(find(managers, p));
        backup.setValue(find(managers, b));
    }

    private static ManagerWorkload find(List<ManagerWorkload> managers, Long id) {
        return id == null ? null : managers.stream().filter(m -> m.managerId() == id).findFirst().orElse(null);
    }

    void setSelectedCount(int count) {
        selected = count;
        assign.setText(getTranslation("assignment.assign-n", count));
        assign.setEnabled(count > 0);
    }

    int selectedCount() {
        return selected;
    }

    /** Marks the fields a service refused; returns the errors that name no field here. */
    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("managerId", primary, "backupManagerId", backup, "reason", reason));
    }

    void clearReason() {
        reason.clear();
    }

    Registration addAssignListener(ComponentEventListener<AssignEvent> listener) {
        return addListener(AssignEvent.class, listener);
    }

    /** The supervisor asked to assign the selected customers as the form says. */
    static final class AssignEvent extends ComponentEvent<AssignmentForm> {
        private final ManagerWorkload primary;
        private final ManagerWorkload backup;
        private final String reason;

        AssignEvent(AssignmentForm form) {
            super(form, false);
            this.primary = form.primary.getValue();
            this.backup = form.backup.getValue();
            this.reason = form.reason.getValue();
        }

        ManagerWorkload primary() {
            return primary;
        }

        ManagerWorkload backup() {
            return backup;
        }

        String reason() {
            return reason;
        }
    }
}
