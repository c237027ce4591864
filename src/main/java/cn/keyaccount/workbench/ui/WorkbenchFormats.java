package cn.keyaccount.workbench.ui;

import cn.keyaccount.base.TimeSettings;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** How sections write what they show: money with two decimals and thousands separators, days and times short. */
public final class WorkbenchFormats {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("MM-dd");
    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private WorkbenchFormats() {
    }

    /** ¥1,234,567.80 */
    public static String money(BigDecimal yuan) {
        return yuan == null ? "" : "¥" + String.format(Locale.ROOT, "%,.2f", yuan);
    }

    /** 12-06 */
    public static String day(LocalDate day) {
        return day == null ? "" : DAY.format(day);
    }

    /** 12-06 09:00 in the company's zone */
    public static String time(OffsetDateTime at) {
        return at == null ? "" : DAY_TIME.format(at.atZoneSameInstant(TimeSettings.companyZone()));
    }
}
