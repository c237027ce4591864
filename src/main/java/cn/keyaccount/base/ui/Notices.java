package cn.keyaccount.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The short notes every view shows the same way; refusals and failures go through {@link Errors}. */
public final class Notices {

    private Notices() {
    }

    /** A short success note at the bottom, already translated. */
    public static void success(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
