package cn.keyaccount.notice;

import static cn.keyaccount.notice.NoticeFixtures.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.ContactDetails;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** No SMS goes out longer than 10 UCS-2 segments (670 characters), whatever a template is filled with. */
@QuarkusTest
class SmsCapTest {

    @Inject
    NoticeService notices;
    @Inject
    NoticeTemplates templates;
    @Inject
    NoticeFixtures fx;

    @Test
    void a_template_filled_with_100000_characters_renders_an_sms_of_at_most_ten_segments_and_the_full_email() {
        NoticeTemplates.Rendered r = templates.render("general", "zh",
                Map.of("title", "停电", "text", "停".repeat(100_000)));

        assertEquals(670, r.sms().length());
        assertEquals(10, r.smsSegments());
        assertTrue(r.sms().endsWith("…"), "the cut is visible");
        assertTrue(r.email().contains("停".repeat(100_000)), "e-mail and portal carry the whole text");
    }

    @Test
    void a_scheduled_notice_stores_its_sms_cut_to_ten_segments_instead_of_1493() {
        ContactDetails c = fx.contact(fx.someCustomer(3), true, false, null, null);
        NoticeSummary n = notices.schedule(SYSTEM, NoticeRequest.builder(NoticePurpose.GENERAL, "general").title("长短信")
                .contacts(List.of(c.id())).channels(Set.of(Channel.SMS))
                .parameters(Map.of("title", "长", "text", "停".repeat(100_000))).build());

        MessageDetails m = fx.messages(n.id()).getFirst();
        assertEquals(670, m.body().length());
        assertEquals(10, m.segments());
    }
}
