package cn.keyaccount.customer;

import cn.keyaccount.base.TimeSettings;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * One thing that happened with a customer, as its timeline shows it: when, what kind, which source and row (the
 * source's {@code key} and {@code id} order entries of the same moment and make the paging cursor), a title and a
 * detail already in the reader's language, and the application path where it is handled (relative, e.g.
 * {@code plans/12} or {@code customers/5?tab=visit.tab}).
 */
public record TimelineEntry(OffsetDateTime at, TimelineKind kind, String source, long id, String title,
                            String detail, String link) {

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /** Where a customer-page tab shows the entry (the tab's title key, as {@code CustomerTab.titleKey}). */
    public static String customerTab(long customerId, String tabKey) {
        return "customers/" + customerId + "?tab=" + tabKey;
    }

    /** A moment as a source writes it into a title or detail: the company's day and minute. */
    public static String moment(OffsetDateTime t) {
        return t == null ? "" : MOMENT.format(t.atZoneSameInstant(TimeSettings.companyZone()));
    }

    /** A timestamptz as a native query returns it, as the moment an entry carries. */
    public static OffsetDateTime sqlMoment(Object value) {
        return switch (value) {
            case OffsetDateTime o -> o;
            case Instant i -> i.atOffset(ZoneOffset.UTC);
            case Timestamp t -> t.toInstant().atOffset(ZoneOffset.UTC);
            default -> throw new IllegalStateException("a moment read as " + value.getClass());
        };
    }
}
