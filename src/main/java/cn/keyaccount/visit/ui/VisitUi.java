package cn.keyaccount.visit.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.visit.VisitRow;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import java.time.format.DateTimeFormatter;

/** Small shared pieces of the visit screens: labels of a visit, and how a service's refusal is shown. */
final class VisitUi {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private VisitUi() {
    }

    static String t(String key, Object... args) {
        return UI.getCurrent().getTranslation(key, args);
    }

    static String type(VisitRow v) {
        return t("visit.type." + v.type());
    }

    /** Status in words; an overdue visit says so instead of "planned". */
    static String status(VisitRow v) {
        return v.overdue() ? t("visit.overdue") : t("visit.status." + v.status());
    }

    static String when(VisitRow v) {
        return DATE.format(v.plannedDate()) + (v.plannedTime() == null ? "" : " " + TIME.format(v.plannedTime()));
    }

    /** The CSS class of a visit's state, for chips and grid rows. */
    static String cssClass(VisitRow v) {
        if (v.overdue()) {
            return "visit-overdue";
        }
        return "visit-" + v.status().name().toLowerCase();
    }

    static void error(BusinessException e) {
        String text = t(e.key(), e.args());
        if (!e.fieldErrors().isEmpty()) {
            text += " " + String.join(" ", e.fieldErrors().stream().map(f -> t(f.key(), f.args())).toList());
        }
        Notification.show(text, 6000, Notification.Position.MIDDLE).addThemeVariants(NotificationVariant.LUMO_ERROR);
    }

    static void success(String text) {
        Notification.show(text, 3000, Notification.Position.BOTTOM_START)
                .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }
}
