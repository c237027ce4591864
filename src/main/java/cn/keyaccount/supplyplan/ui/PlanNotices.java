package cn.keyaccount.supplyplan.ui;

import cn.keyaccount.base.BusinessException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** Shows a service's refusal or a success in the user's language. */
final class PlanNotices {

    private PlanNotices() {
    }

    static void error(BusinessException e) {
        UI ui = UI.getCurrent();
        StringBuilder text = new StringBuilder(ui.getTranslation(e.key(), e.args()));
        e.fieldErrors().forEach(f -> text.append(' ').append(ui.getTranslation("plan.field." + f.field()))
                .append(": ").append(ui.getTranslation(f.key(), f.args())));
        Notification.show(text.toString(), 6000, Notification.Position.MIDDLE)
                .addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static void success(String key, Object... args) {
        Notification.show(UI.getCurrent().getTranslation(key, args), 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
