package cn.keyaccount.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Templates filled from their parts, each distinct text once per fan-out. */
class NoticeTemplatesTest {

    private final NoticeTemplates templates = new NoticeTemplates();

    @Test
    void a_text_that_does_not_use_the_contact_is_filled_once_per_customer_and_the_email_once_per_contact() {
        NoticeTemplates.Renderer renderer = templates.renderer("general", "zh");
        Map<String, String> values = new HashMap<>(Map.of("title", "停电", "text", "明天检修",
                "customerName", "甲公司", "accountNo", "3301"));
        values.put("contactName", "张工");
        NoticeTemplates.Rendered first = renderer.render(values);
        values.put("contactName", "李工");
        NoticeTemplates.Rendered second = renderer.render(values);
        values.put("customerName", "乙公司");
        NoticeTemplates.Rendered other = renderer.render(values);

        assertSame(first.sms(), second.sms(), "the SMS names the customer, not the contact: filled once");
        assertEquals("【国网供电】甲公司：停电。明天检修", first.sms());
        assertTrue(first.email().startsWith("张工，您好") && second.email().startsWith("李工，您好"));
        assertEquals("【国网供电】乙公司：停电。明天检修", other.sms(), "another customer, another text");
        assertNotEquals(first.sms(), other.sms());
    }

    @Test
    void a_placeholder_without_a_value_stays_visible_and_english_has_its_own_words() {
        assertEquals("【国网供电】{customerName}：t。x", templates.render("general", "zh",
                Map.of("title", "t", "text", "x")).sms());
        assertTrue(templates.render("outage-warning", "en", Map.of("kind", "planned maintenance")).subject()
                .startsWith("Outage (planned maintenance)"));
    }
}
