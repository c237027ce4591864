package cn.keyaccount.customer.ui;

import cn.keyaccount.base.BusinessException.FieldError;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.binder.Binder;
import com.vaadin.flow.data.binder.ValidationException;
import com.vaadin.flow.shared.Registration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A form over one draft bean: it binds the fields, publishes save and cancel events, and marks the fields a
 * service rejected. It never calls a service itself.
 *
 * @param <T> the draft type
 */
abstract class EditorForm<T> extends VerticalLayout implements ShowsFieldErrors {

    protected final FormLayout fields = new FormLayout();
    protected final Binder<T> binder;
    private final Map<String, HasValue<?, ?>> byName = new LinkedHashMap<>();
    private final Button save = new Button(getTranslation("common.save"));
    private final Button cancel = new Button(getTranslation("common.cancel"));
    private final HorizontalLayout buttons = new HorizontalLayout(save, cancel);
    private T draft;

    protected EditorForm(Class<T> type) {
        binder = new Binder<>(type);
        setPadding(false);
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.setId("form-save");
        save.addClickListener(e -> save());
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        add(fields, buttons);
    }

    /** Registers a field under the name of the draft property a service reports errors for, and adds it. */
    protected <F extends HasValue<?, ?>> F field(String name, F field) {
        byName.put(name, field);
        fields.add((Component) field);
        return field;
    }

    public void edit(T draft, boolean editable) {
        this.draft = draft;
        clearErrors();
        binder.readBean(draft);
        binder.setReadOnly(!editable);
        buttons.setVisible(editable);
    }

    public HasValue<?, ?> fieldFor(String name) {
        return byName.get(name);
    }

    /** Marks each field a service rejected with its translated message; returns the errors no field shows. */
    @Override
    public List<FieldError> showFieldErrors(List<FieldError> errors) {
        clearErrors();
        return errors.stream().filter(error -> {
            HasValue<?, ?> field = byName.get(error.field());
            if (field instanceof HasValidation v) {
                v.setErrorMessage(getTranslation(error.key(), error.args()));
                v.setInvalid(true);
                return false;
            }
            return true;
        }).toList();
    }

    private void clearErrors() {
        byName.values().forEach(f -> {
            if (f instanceof HasValidation v) {
                v.setInvalid(false);
                v.setErrorMessage(null);
            }
        });
    }

    private void save() {
        try {
            binder.writeBean(draft);
            fireEvent(new SaveEvent<>(this, draft));
        } catch (ValidationException e) {
            // the invalid fields already show why
        }
    }

    static final class SaveEvent<T> extends ComponentEvent<EditorForm<T>> {
        private final T draft;

        SaveEvent(EditorForm<T> source, T draft) {
            super(source, false);
            this.draft = draft;
        }

        T draft() {
            return draft;
        }
    }

    static final class CancelEvent extends ComponentEvent<EditorForm<?>> {
        CancelEvent(EditorForm<?> source) {
            super(source, false);
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Registration addSaveListener(ComponentEventListener<SaveEvent<T>> listener) {
        return addListener((Class) SaveEvent.class, (ComponentEventListener) listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }
}
