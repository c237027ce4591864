package cn.keyaccount.outage;

import cn.keyaccount.customer.Importance;
import cn.keyaccount.base.calendar.WorkCalendar;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * When an outage's warnings go out and how each first warning is classified; pure rules, no database.
 *
 * <p>Planned: the first warning is due at the regulation lead (7 days) before the start, moved back to the latest
 * moment inside working hours on a working day (so the lead never shrinks); when that moment has passed it goes out
 * at once. Its lead then decides the class: ≥ 7 days on time, 5 to under 7 days below the regulation, under 5 days
 * late. Temporary and fault outages are warned at once (faults urgently). The reminder goes out at a set time a set
 * number of days before the start day, if that is still ahead and after the first warning.
 */
final class OutageNoticePlanner {

    /** When the first warning goes out and its class. */
    public record FirstWarning(OffsetDateTime at, WarningClass warningClass) {
        public boolean late() {
            return warningClass == WarningClass.LATE;
        }
    }

    private final WarningRules rules;
    private final WorkCalendar calendar;

    public OutageNoticePlanner(WarningRules rules, WorkCalendar calendar) {
        this.rules = rules;
        this.calendar = calendar;
    }

    public WarningRules rules() {
        return rules;
    }

    /** The first warning of a customer of this importance, for an outage starting at {@code start}, at {@code now}. */
    public FirstWarning firstWarning(OutageKind kind, OffsetDateTime start, Importance importance, OffsetDateTime now) {
        OffsetDateTime at = switch (kind) {
            case PLANNED -> latest(now, workingMomentAtOrBefore(start.minus(rules.regulationLead())));
            case TEMPORARY, FAULT -> now;
        };
        return new FirstWarning(at, classify(kind, Duration.between(at, start), importance));
    }

    /** The class of a first warning sent {@code lead} before the start; exact boundaries count as the better class. */
    public WarningClass classify(OutageKind kind, Duration lead, Importance importance) {
        return switch (kind) {
            case PLANNED -> lead.compareTo(rules.regulationLead()) >= 0 ? WarningClass.ON_TIME
                    : lead.compareTo(rules.commitmentLead()) >= 0 ? WarningClass.BELOW_REGULATION : WarningClass.LATE;
            case TEMPORARY -> lead.compareTo(rules.temporaryLead()) >= 0 ? WarningClass.ON_TIME
                    : important(importance) ? WarningClass.LATE : WarningClass.AT_ONCE;
            case FAULT -> WarningClass.AT_ONCE;
        };
    }

    /** Important users (特级 / 一级 / 二级) are owed the temporary-outage lead. */
    public static boolean important(Importance importance) {
        return importance != null && importance != Importance.NORMAL;
    }

    /** The day-before reminder, unless switched off, a fault, already past, or not after the first warning. */
    public Optional<OffsetDateTime> reminder(OutageKind kind, OffsetDateTime start, OffsetDateTime firstWarning,
                                             OffsetDateTime now) {
        if (!rules.reminderEnabled() || kind == OutageKind.FAULT) {
            return Optional.empty();
        }
        LocalDate day = start.atZoneSameInstant(rules.zone()).toLocalDate().minusDays(rules.reminderDaysBefore());
        OffsetDateTime at = day.atTime(rules.reminderAt()).atZone(rules.zone()).toOffsetDateTime();
        if (!at.isAfter(now) || !at.isAfter(firstWarning) || !at.isBefore(start)) {
            return Optional.empty();
        }
        return Optional.of(at);
    }

    /** The latest moment inside working hours on a working day, no later than {@code t}. */
    OffsetDateTime workingMomentAtOrBefore(OffsetDateTime t) {
        ZonedDateTime z = t.atZoneSameInstant(rules.zone());
        for (int back = 0; back < 60; back++) {
            LocalDate day = z.toLocalDate().minusDays(back);
            if (!calendar.isWorkday(day)) {
                continue;
            }
            ZonedDateTime open = day.atTime(rules.workdayStart()).atZone(rules.zone());
            ZonedDateTime close = day.atTime(rules.workdayEnd()).atZone(rules.zone());
            if (back == 0) {
                if (z.isBefore(open)) {
                    continue;
                }
                return (z.isAfter(close) ? close : z).toOffsetDateTime();
            }
            return close.toOffsetDateTime();
        }
        return t;
    }

    private static OffsetDateTime latest(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
