package cn.keyaccount.visit.ui;

import cn.keyaccount.visit.VisitRow;
import com.vaadin.flow.component.UI;
import java.time.format.DateTimeFormatter;

/** Small shared pieces of the visit screens: the labels of a visit. */
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
}
