package cn.keyaccount.customer.ui;

import cn.keyaccount.base.BusinessException;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** Shows a service's refusal: field errors at their fields, a version conflict with a way to reload, else a note. */
final class BusinessErrors {

    private BusinessErrors() {
    }

    static void show(BusinessException e, EditorForm<?> form, Runnable reload) {
        if (!e.fieldErrors().isEmpty() && form != null) {
            String rest = String.join(" ", form.showErrors(e.fieldErrors()).stream()
                    .map(f -> translate(f.key(), f.args())).toList());
            error(translate(e.key(), e.args()) + (rest.isEmpty() ? "" : " " + rest));
        } else if (e.kind() == BusinessException.Kind.CONFLICT && reload != null) {
            Notification note = new Notification();
            note.addThemeVariants(NotificationVariant.LUMO_WARNING);
            Button reloadButton = new Button(translate("customer.reload"), click -> {
                note.close();
                reload.run();
            });
            reloadButton.setId("reload-after-conflict");
            note.add(new HorizontalLayout(new Span(translate(e.key(), e.args())), reloadButton));
            note.setDuration(0);
            note.open();
        } else {
            error(translate(e.key(), e.args()));
        }
    }

    static void error(String text) {
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static void success(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    private static String translate(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }
}
