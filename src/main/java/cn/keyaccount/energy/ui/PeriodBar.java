package cn.keyaccount.energy.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.select.Select;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * The dashboard's period picker: a preset (the last 12 months of data, the year of the last reading, the year before,
 * the last month) or any from–to, and whether to compare with the same period a year earlier. Presets count back
 * from the last day with readings, not from today, so imported history shows at once.
 */
class PeriodBar extends HorizontalLayout {

    enum Preset { LAST_12_MONTHS, THIS_YEAR, PREVIOUS_YEAR, LAST_MONTH, CUSTOM }

    final Select<Preset> preset = new Select<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Checkbox lastYear = new Checkbox();
    private final LocalDate firstDay;
    private final LocalDate lastDay;
    private boolean applying;

    PeriodBar(LocalDate firstDay, LocalDate lastDay) {
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        preset.setLabel(getTranslation("energy.preset"));
        preset.setItems(Preset.values());
        preset.setItemLabelGenerator(p -> getTranslation("energy.preset." + p.name()));
        from.setLabel(getTranslation("energy.from"));
        to.setLabel(getTranslation("energy.to"));
        lastYear.setLabel(getTranslation("energy.compare-last-year"));
        preset.addValueChangeListener(e -> apply(e.getValue()));
        from.addValueChangeListener(e -> custom());
        to.addValueChangeListener(e -> custom());
        preset.setValue(Preset.LAST_12_MONTHS);
        add(preset, from, to, lastYear);
        setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        setWrap(true);
    }

    private void apply(Preset p) {
        if (p == null || p == Preset.CUSTOM) {
            return;
        }
        LocalDate a;
        LocalDate b;
        switch (p) {
            case THIS_YEAR -> {
                a = lastDay.withDayOfYear(1);
                b = lastDay;
            }
            case PREVIOUS_YEAR -> {
                a = lastDay.minusYears(1).withDayOfYear(1);
                b = a.plusYears(1).minusDays(1);
            }
            case LAST_MONTH -> {
                YearMonth m = YearMonth.from(lastDay);
                a = (lastDay.equals(m.atEndOfMonth()) ? m : m.minusMonths(1)).atDay(1);
                b = YearMonth.from(a).atEndOfMonth();
            }
            default -> {
                a = lastDay.minusYears(1).plusDays(1);
                b = lastDay;
            }
        }
        applying = true;
        from.setValue(a.isBefore(firstDay) && b.isAfter(firstDay) ? firstDay : a);
        to.setValue(b);
        applying = false;
    }

    private void custom() {
        if (!applying) {
            preset.setValue(Preset.CUSTOM);
        }
    }
}
