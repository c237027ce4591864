package cn.keyaccount.visit.ui;

import cn.keyaccount.visit.VisitRow;
import cn.keyaccount.base.calendar.WorkCalendar;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Week and month calendars built from plain layouts (the free core components have no calendar): a column or a
 * cell per day, non-working days shaded with their holiday name, a chip per visit that opens it; overdue chips red.
 */
final class CalendarBoard {

    static final int CHIPS_PER_MONTH_DAY = 4;

    private CalendarBoard() {
    }

    /** Seven day columns from {@code monday}. */
    static Component week(LocalDate monday, List<VisitRow> visits, WorkCalendar calendar, LocalDate today,
                          Locale locale, Consumer<VisitRow> open) {
        Map<LocalDate, List<VisitRow>> byDay = visits.stream().collect(Collectors.groupingBy(VisitRow::day));
        Div board = grid("visit-week");
        for (int i = 0; i < 7; i++) {
            LocalDate day = monday.plusDays(i);
            Div cell = day(day, calendar, today, locale, true);
            cell.getStyle().set("min-height", "18rem");
            for (VisitRow v : byDay.getOrDefault(day, List.of())) {
                cell.add(chip(v, open, true));
            }
            board.add(cell);
        }
        return board;
    }

    /** A month as weeks of seven days (Monday first); days of the neighbouring months are left blank. */
    static Component month(YearMonth month, List<VisitRow> visits, WorkCalendar calendar, LocalDate today,
                           Locale locale, Consumer<VisitRow> open) {
        Map<LocalDate, List<VisitRow>> byDay = visits.stream().collect(Collectors.groupingBy(VisitRow::day));
        Div board = grid("visit-month");
        for (DayOfWeek d : DayOfWeek.values()) {
            Span head = new Span(d.getDisplayName(TextStyle.SHORT, locale));
            head.getStyle().set("font-weight", "600").set("text-align", "center");
            board.add(head);
        }
        for (int i = 1; i < month.atDay(1).getDayOfWeek().getValue(); i++) {
            board.add(new Div());
        }
        for (int dom = 1; dom <= month.lengthOfMonth(); dom++) {
            LocalDate day = month.atDay(dom);
            Div cell = day(day, calendar, today, locale, false);
            cell.getStyle().set("min-height", "6.5rem");
            List<VisitRow> list = byDay.getOrDefault(day, List.of());
            list.stream().limit(CHIPS_PER_MONTH_DAY).forEach(v -> cell.add(chip(v, open, false)));
            if (list.size() > CHIPS_PER_MONTH_DAY) {
                cell.add(new Span(VisitUi.t("visit.more", list.size() - CHIPS_PER_MONTH_DAY)));
            }
            board.add(cell);
        }
        return board;
    }

    private static Div grid(String id) {
        Div board = new Div();
        board.setId(id);
        board.setWidthFull();
        board.getStyle().set("display", "grid").set("grid-template-columns", "repeat(7, minmax(0, 1fr))")
                .set("gap", "var(--lumo-space-xs)");
        return board;
    }

    private static Div day(LocalDate day, WorkCalendar calendar, LocalDate today, Locale locale,
                           boolean withWeekday) {
        Div cell = new Div();
        cell.addClassName("visit-day");
        cell.getElement().setAttribute("data-date", day.toString());
        cell.getStyle().set("border", "1px solid var(--lumo-contrast-10pct)").set("border-radius", "4px")
                .set("padding", "var(--lumo-space-xs)").set("min-width", "0");
        boolean workday = calendar.isWorkday(day);
        if (!workday) {
            cell.addClassName("visit-day-off");
            cell.getStyle().set("background", "var(--lumo-contrast-5pct)");
        }
        String label = (withWeekday ? day.getDayOfWeek().getDisplayName(TextStyle.SHORT, locale) + " " : "")
                + day.getMonthValue() + "/" + day.getDayOfMonth();
        String name = calendar.nameOf(day);
        Span head = new Span(label + (name == null ? "" : " " + name));
        head.getStyle().set("display", "block").set("font-size", "var(--lumo-font-size-s)")
                .set("color", workday ? "var(--lumo-secondary-text-color)" : "var(--lumo-error-text-color)");
        if (day.equals(today)) {
            head.getStyle().set("font-weight", "700");
        }
        cell.add(head);
        return cell;
    }

    private static Button chip(VisitRow v, Consumer<VisitRow> open, boolean withTime) {
        String time = withTime && v.plannedTime() != null ? VisitUi.TIME.format(v.plannedTime()) + " " : "";
        Button chip = new Button(time + v.customerName(), e -> open.accept(v));
        chip.addThemeVariants(ButtonVariant.LUMO_SMALL, v.overdue() ? ButtonVariant.LUMO_ERROR
                : v.status() == cn.keyaccount.visit.VisitStatus.DONE ? ButtonVariant.LUMO_SUCCESS
                : ButtonVariant.LUMO_CONTRAST);
        chip.addClassName(VisitUi.cssClass(v));
        chip.getElement().setAttribute("data-visit", Long.toString(v.id()));
        chip.getElement().setAttribute("title", VisitUi.when(v) + " " + v.customerName() + " · " + v.managerName()
                + " · " + VisitUi.status(v));
        // the whole name, wrapping onto a second line rather than cut (styles.css: .visit-chip)
        chip.addClassName("visit-chip");
        return chip;
    }
}
