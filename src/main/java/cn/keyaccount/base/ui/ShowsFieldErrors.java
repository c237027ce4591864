package cn.keyaccount.base.ui;

import cn.keyaccount.base.BusinessException.FieldError;
import java.util.List;

/**
 * A form (or a panel with its own input fields) that can mark the fields a service refused. The session's error
 * handler ({@link Errors}) finds the nearest one around the component whose event failed and hands it the field
 * errors; what it cannot place is shown as a notification.
 */
public interface ShowsFieldErrors {

    /**
     * Clears the marks of an earlier refusal, then marks each field named here with its translated message.
     *
     * @return the errors that name no field of this form
     */
    List<FieldError> showFieldErrors(List<FieldError> errors);
}
