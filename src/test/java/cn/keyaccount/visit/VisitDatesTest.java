package cn.keyaccount.visit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class VisitDatesTest {

    private static final LocalDate PLANNED = LocalDate.of(2026, 3, 10);

    /** The application's clock (keyaccount.zone: Asia/Shanghai) stopped at an instant. */
    private static Clock at(String instant) {
        return Clock.fixed(Instant.parse(instant), ZoneId.of("Asia/Shanghai"));
    }

    @Test
    void a_visit_becomes_overdue_at_midnight_in_shanghai_not_at_utc_midnight() {
        // 23:59:59 on 10 March in Shanghai is 15:59:59 UTC: still the planned day
        LocalDate lastSecond = VisitDates.today(at("2026-03-10T15:59:59Z"));
        assertEquals(PLANNED, lastSecond);
        assertFalse(VisitDates.isOverdue(VisitStatus.PLANNED, PLANNED, lastSecond));
        // 00:00 on 11 March in Shanghai, while it is still 10 March in UTC
        LocalDate nextDay = VisitDates.today(at("2026-03-10T16:00:00Z"));
        assertEquals(PLANNED.plusDays(1), nextDay);
        assertTrue(VisitDates.isOverdue(VisitStatus.PLANNED, PLANNED, nextDay));
        assertTrue(VisitDates.isOverdue(VisitStatus.CONFIRMED, PLANNED, nextDay));
    }

    @Test
    void a_recorded_or_cancelled_visit_is_never_overdue() {
        LocalDate later = PLANNED.plusDays(30);
        assertFalse(VisitDates.isOverdue(VisitStatus.DONE, PLANNED, later));
        assertFalse(VisitDates.isOverdue(VisitStatus.CANCELLED, PLANNED, later));
    }
}
