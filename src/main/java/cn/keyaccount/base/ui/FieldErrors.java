package cn.keyaccount.base.ui;

import cn.keyaccount.base.BusinessException;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.UI;
import java.util.Map;

/** Puts the field errors of a {@link BusinessException} at the fields they name, in the user's language. */
public final class FieldErrors {

    private FieldErrors() {
    }

    /**
     * Marks each named field invalid with its translated message.
     *
     * @param fields the form's fields by the names the service uses
     * @return true when the exception named at least one of these fields (else the caller shows it another way)
     */
    public static boolean show(BusinessException e, Map<String, ? extends HasValidation> fields) {
        boolean shown = false;
        for (BusinessException.FieldError error : e.fieldErrors()) {
            HasValidation field = fields.get(error.field());
            if (field != null) {
                field.setErrorMessage(UI.getCurrent().getTranslation(error.key(), error.args()));
                field.setInvalid(true);
                shown = true;
            }
        }
        return shown;
    }
}
