package cn.keyaccount.notice;

import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.Instant;

/**
 * Hours in which a message must not go out: the SMS night for everyone (22:00–08:00) and a contact's own quiet
 * hours. A window may wrap midnight (from > to). Urgent notices (faults) ignore both.
 */
final class QuietHours {

    private QuietHours() {
    }

    static boolean within(LocalTime t, LocalTime from, LocalTime to) {
        if (from == null || to == null || from.equals(to)) {
            return false;
        }
        return from.isBefore(to) ? !t.isBefore(from) && t.isBefore(to) : !t.isBefore(from) || t.isBefore(to);
    }

    /** The first moment at or after {@code at} outside every window that applies. */
    static Instant nextAllowed(Instant at, ZoneId zone, LocalTime[][] windows) {
        ZonedDateTime t = at.atZone(zone);
        for (int guard = 0; guard < 4; guard++) {
            boolean moved = false;
            for (LocalTime[] w : windows) {
                if (within(t.toLocalTime(), w[0], w[1])) {
                    ZonedDateTime end = t.with(w[1]).withSecond(0).withNano(0);
                    t = end.isAfter(t) ? end : end.plusDays(1);
                    moved = true;
                }
            }
            if (!moved) {
                break;
            }
        }
        return t.toInstant();
    }

    /** When an SMS to a contact may go out: never in the night nor in the contact's quiet hours, unless urgent. */
    static Instant forSms(Instant at, boolean urgent, NoticeConfig config, LocalTime contactFrom, LocalTime contactTo) {
        if (urgent) {
            return at;
        }
        return nextAllowed(at, config.zone(), new LocalTime[][] {
                {config.smsQuietFrom(), config.smsQuietTo()}, {contactFrom, contactTo}});
    }
}
