package cn.keyaccount.visit.ui;

import cn.keyaccount.visit.VisitRow;
import com.vaadin.flow.component.UI;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;

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

    /** Years in words: "2027", "2027、2028" in Chinese, "2027 and 2028" in English (never a list's "[2027]"). */
    static String years(Set<Integer> years) {
        return years(years, VisitUi::t);
    }

    static String years(Set<Integer> years, BiFunction<String, Object[], String> translate) {
        List<String> all = new TreeSet<>(years).stream().map(String::valueOf).toList();
        if (all.size() < 2) {
            return String.join("", all);
        }
        return String.join(translate.apply("visit.years.separator", new Object[0]), all.subList(0, all.size() - 1))
                + translate.apply("visit.years.last-separator", new Object[0]) + all.getLast();
    }

    /** The CSS class of a visit's state, for chips and grid rows. */
    static String cssClass(VisitRow v) {
        if (v.overdue()) {
            return "visit-overdue";
        }
        return "visit-" + v.status().name().toLowerCase();
    }
}
