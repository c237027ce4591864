package cn.keyaccount.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NoticeRequestTest {

    @Test
    void a_built_request_has_the_defaults_of_the_positional_one_it_replaces() {
        NoticeRequest built = NoticeRequest.toCustomers(NoticePurpose.BILLING, "bill-issued", "发行", List.of(1L, 2L))
                .build();
        NoticeRequest positional = new NoticeRequest(NoticePurpose.BILLING, "bill-issued", null, "发行",
                List.of(1L, 2L), null, null, null, null, null, null, false, null, null, null, null, null);

        assertEquals(positional, built);
        assertEquals("zh", built.language());
        assertEquals(Set.of(Channel.values()), built.channels(), "every channel unless some are named");
        assertFalse(built.urgent());
        assertNull(built.plannedAt(), "now");
    }

    @Test
    void a_staff_notice_names_what_differs_and_a_copy_changes_only_what_it_names() {
        OffsetDateTime at = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        NoticeRequest r = NoticeRequest.toStaff(NoticePurpose.VISIT, "visit-reminder", "走访提醒", List.of(7L))
                .about(42L).parameters(Map.of("visitDate", "2026-03-03")).expiresAt(at).once("visit:1").build();

        assertEquals(List.of(7L), r.userIds());
        assertEquals(List.of(), r.customerIds());
        assertEquals(42L, r.aboutCustomerId());
        assertEquals("visit:1", r.dedupeKey());
        assertEquals(at, r.expiresAt());

        NoticeRequest urgent = r.toBuilder().urgent(true).build();
        assertTrue(urgent.urgent());
        assertEquals(r, new NoticeRequest(urgent.purpose(), urgent.template(), urgent.language(), urgent.title(),
                urgent.customerIds(), urgent.contactIds(), urgent.contactRole(), urgent.channels(),
                urgent.parameters(), urgent.customerParameters(), urgent.plannedAt(), false, urgent.expiresAt(),
                urgent.userIds(), urgent.aboutCustomerId(), urgent.dedupeKey(), urgent.userParameters()));
    }

    @Test
    void a_purpose_is_stored_by_the_name_the_notices_table_held_before_it_was_a_type() {
        assertEquals(List.of("GENERAL", "OUTAGE", "BILLING", "ARREARS", "ARREARS_FINAL", "BALANCE", "VISIT", "PLAN", "APPLICATION",
                "REPORT", "SERVICE_REQUEST", "PORTRAIT", "OPPORTUNITY"), java.util.Arrays.stream(NoticePurpose.values()).map(Enum::name)
                .toList());
        assertTrue(java.util.Arrays.stream(NoticePurpose.values()).allMatch(p -> p.name().length() <= 32),
                "notice.purpose is varchar(32)");
    }

    @Test
    void a_late_reminder_expires_no_sooner_than_an_hour_after_now() {
        OffsetDateTime now = OffsetDateTime.of(2026, 3, 2, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        assertEquals(now.plusHours(1), NoticeRequest.noSoonerThanAnHourAfter(now, now.minusHours(2)));
        assertEquals(now.plusDays(1), NoticeRequest.noSoonerThanAnHourAfter(now, now.plusDays(1)));
    }
}
