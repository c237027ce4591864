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
    void a_carriers_refusal_reads_with_its_code_and_what_the_code_means_for_each_protocol() {
        assertEquals("通道 unicom 的网关拒收，结果码 6（非法手机号码）；请核对号码或通道设置（业务代码、接入号）。",
                NoticeLabels.error(in(Messages.CHINESE),
                        "SGIP gateway unicom refused the submit: result 6 (illegal mobile number)"));
        String smgp = NoticeLabels.error(in(Messages.ENGLISH),
                "SMGP gateway telecom refused the submit: result 47 (illegal DestTermId)");
        assertTrue(smgp.contains("telecom") && smgp.contains("47 (Illegal recipient number (DestTermId))"), smgp);
        String cmpp = NoticeLabels.error(in(Messages.CHINESE),
                "CMPP gateway cmcc refused the submit: result 13 (Dest_terminal_Id error) (1 of 3 parts)");
        assertTrue(cmpp.contains("结果码 13（Dest_terminal_Id 错（目的号码错））"), cmpp);
        assertTrue(NoticeLabels.error(in(Messages.CHINESE),
                "SGIP gateway unicom refused the submit: result 99 (other error)").contains("结果码 99（其他错误）"));
        assertTrue(NoticeLabels.error(in(Messages.CHINESE),
                "SMGP gateway telecom did not answer 1 of 2 parts (it may have them)").contains("telecom"));
    }

    @Test
    void the_composer_names_a_template_value_in_words() {
        assertEquals("消息标题（客户收到）", NoticeLabels.value(in(Messages.CHINESE), "title"));
        assertEquals("Message title (as the customer gets it)", NoticeLabels.value(in(Messages.ENGLISH), "title"));
        assertEquals("custom", NoticeLabels.value(in(Messages.CHINESE), "custom"));
    }
}
