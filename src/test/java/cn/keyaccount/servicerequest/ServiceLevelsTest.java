package cn.keyaccount.servicerequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.calendar.WorkCalendar;
import cn.keyaccount.base.calendar.WorkCalendarSource;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class ServiceLevelsTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    private final ServiceLevels levels = ServiceLevelSource.bundled();
    private final WorkCalendar calendar = WorkCalendarSource.bundled();

    private static OffsetDateTime at(int year, int month, int day, int hour) {
        return ZonedDateTime.of(year, month, day, hour, 0, 0, 0, ZONE).toOffsetDateTime();
    }

    @Test
    void a_repair_counts_calendar_minutes_by_area_as_the_ten_commitments_publish() {
        OffsetDateTime opened = at(2026, 10, 3, 22);
        ServiceLevels.Deadlines city = levels.deadlines(RequestType.REPAIR, null, ServiceArea.URBAN, opened,
                calendar, ZONE);
        assertEquals(opened.plusMinutes(45), city.respondBy(), "城区 45 分钟, a holiday night as any other");
        assertEquals(opened.plusMinutes(45 + 180), city.resolveBy(), "on site, then 3 hours to restore");
        assertEquals(opened.plusMinutes(90), levels.deadlines(RequestType.REPAIR, null, ServiceArea.RURAL, opened,
                calendar, ZONE).respondBy());
        assertEquals(opened.plusMinutes(120), levels.deadlines(RequestType.REPAIR, null, ServiceArea.REMOTE, opened,
                calendar, ZONE).respondBy());
    }

    @Test
    void a_complaint_counts_working_days_and_skips_the_national_day_week() {
        OffsetDateTime opened = at(2026, 9, 30, 16);
        ServiceLevels.Deadlines d = levels.deadlines(RequestType.COMPLAINT, null, ServiceArea.URBAN, opened,
                calendar, ZONE);
        assertEquals(at(2026, 10, 9, 0), d.respondBy(), "contact by the end of 10-08, the first working day");
        assertEquals(at(2026, 10, 16, 0), d.resolveBy(), "the 10-10 Saturday worked in exchange counts");
    }

    @Test
    void a_meter_check_has_five_working_days_a_praise_has_no_level() {
        OffsetDateTime opened = at(2026, 12, 4, 10);
        assertEquals(at(2026, 12, 12, 0), levels.deadlines(RequestType.SERVICE, ServiceKind.METER_CHECK,
                ServiceArea.URBAN, opened, calendar, ZONE).resolveBy());
        ServiceLevels.Deadlines praise = levels.deadlines(RequestType.PRAISE, null, ServiceArea.URBAN, opened,
                calendar, ZONE);
        assertNull(praise.respondBy());
        assertNull(praise.resolveBy());
        assertTrue(levels.version().contains("十项承诺"));
    }

    @Test
    void the_owner_is_warned_four_fifths_of_the_way_to_a_deadline() {
        OffsetDateTime opened = at(2026, 12, 4, 10);
        assertEquals(opened.plusMinutes(36), ServiceLevels.warnAt(opened, opened.plusMinutes(45)));
    }

    @Test
    void a_broken_edit_is_refused_naming_its_line() {
        IllegalArgumentException days = assertThrows(IllegalArgumentException.class, () -> ServiceLevels.parse(
                new StringReader("version=x\nREPAIR.URBAN.respond=2wd\n")));
        assertTrue(days.getMessage().contains("REPAIR.URBAN.respond"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServiceLevels.parse(new StringReader(
                "version=x\nREPAIR.CITY.respond=45m\n"))).getMessage().contains("REPAIR.CITY.respond"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServiceLevels.parse(new StringReader(
                "version=x\nQUESTION.resolve=soon\n"))).getMessage().contains("QUESTION.resolve"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> ServiceLevels.parse(new StringReader(
                "QUESTION.resolve=2wd\n"))).getMessage().contains("version"));
    }
}
