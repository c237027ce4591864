package cn.keyaccount.base.ui;

import cn.keyaccount.base.BusinessException.FieldError;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import java.util.List;
import java.util.Map;

/** Puts the field errors of a {@code BusinessException} at the fields they name, in the user's language. */
public final class FieldErrors {

    private FieldErrors() {
    }

    /**
     * Clears these fields' marks, then marks each named field invalid with its translated message: the usual body of
     * {@link ShowsFieldErrors#showFieldErrors}.
     *
     * @param fields the form's fields by the names the service uses
     * @return the errors that name none of these fields
     */
    public static List<FieldError> mark(List<FieldError> errors, Map<String, ? extends HasValidation> fields) {
        return mark(errors, fields, null);
    }

    /**
     * As {@link #mark(List, Map)}, and the errors that name none of these fields come back with the field's label in
     * front of their message ({@code labelPrefix} + field name is the label's translation key), so that a note
     * still says where.
     */
    public static List<FieldError> mark(List<FieldError> errors, Map<String, ? extends HasValidation> fields,
            String labelPrefix) {
        UI ui = UI.getCurrent();
        fields.values().forEach(f -> {
            f.setInvalid(false);
            f.setErrorMessage(null);
        });
        return errors.stream().filter(error -> {
            HasValidation field = fields.get(error.field());
            if (field == null) {
                return true;
            }
            field.setErrorMessage(ui.getTranslation(error.key(), error.args()));
            field.setInvalid(true);
            return false;
        }).map(error -> labelPrefix == null ? error : new FieldError(error.field(), "error.at-field",
                ui.getTranslation(labelPrefix + error.field()), ui.getTranslation(error.key(), error.args())))
                .toList();
    }
}
