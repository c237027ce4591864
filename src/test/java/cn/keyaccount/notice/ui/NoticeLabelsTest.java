package cn.keyaccount.notice.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.Messages;
import cn.keyaccount.notice.NoticePurpose;
import java.util.Locale;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** Purposes, template values and the engine's stored errors read as words in the user's language, never as codes. */
class NoticeLabelsTest {

    private static BiFunction<String, Object[], String> in(Locale locale) {
        return (key, args) -> Messages.get(locale, key, args);
    }

    @Test
    void every_purpose_has_a_name_in_both_languages() {
        for (NoticePurpose p : NoticePurpose.values()) {
            for (Locale locale : Messages.LOCALES) {
                String label = NoticeLabels.purpose(in(locale), p.name());
                assertFalse(label.equals(p.name()) || label.startsWith("!"), p + " in " + locale + ": " + label);
            }
        }
        assertEquals("停电通知", NoticeLabels.purpose(in(Messages.CHINESE), "OUTAGE"));
        assertEquals("Energy report", NoticeLabels.purpose(in(Messages.ENGLISH), "REPORT"));
    }

    @Test
    void a_switched_off_channel_says_what_is_off_and_who_switches_it_on_without_the_setting_name() {
        String zh = NoticeLabels.error(in(Messages.CHINESE),
                "SMS channel disabled (keyaccount.notice.smpp.enabled=false)");
        assertTrue(zh.contains("短信通道未开启") && zh.contains("系统运维人员"), zh);
        assertFalse(zh.contains("keyaccount") || zh.contains("="), zh);
        String en = NoticeLabels.error(in(Messages.ENGLISH),
                "e-mail channel disabled (keyaccount.notice.email.enabled=false)");
        assertTrue(en.startsWith("The e-mail channel is switched off") && en.contains("operators"), en);
        assertFalse(en.contains("keyaccount"), en);
    }

    @Test
    void receipts_and_decisions_read_as_sentences_and_unknown_errors_as_stored() {
        assertEquals("运营商回执：无法送达。", NoticeLabels.error(in(Messages.CHINESE), "receipt UNDELIV err 013"));
        assertEquals("由 scheduler 确认为已发送。",
                NoticeLabels.error(in(Messages.CHINESE), "counted as sent on the decision of scheduler"));
        assertEquals("Could not be sent before it expired.",
                NoticeLabels.error(in(Messages.ENGLISH), "expired before it could be sent"));
        assertEquals("something new", NoticeLabels.error(in(Messages.CHINESE), "something new"));
        assertEquals("", NoticeLabels.error(in(Messages.CHINESE), null));
    }

    @Test
    void the_composer_names_a_template_value_in_words() {
        assertEquals("消息标题（客户收到）", NoticeLabels.value(in(Messages.CHINESE), "title"));
        assertEquals("Message title (as the customer gets it)", NoticeLabels.value(in(Messages.ENGLISH), "title"));
        assertEquals("custom", NoticeLabels.value(in(Messages.CHINESE), "custom"));
    }
}
