package cn.keyaccount.audit.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.keyaccount.base.Messages;
import java.util.Locale;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;

/** The audit log shows actions, record types and the services' summaries in the user's language, never as codes. */
class AuditLabelsTest {

    private static BiFunction<String, Object[], String> in(Locale locale) {
        return (key, args) -> Messages.get(locale, key, args);
    }

    @Test
    void every_action_the_filter_offers_has_a_name_in_both_languages() {
        for (String action : AuditLogView.ACTIONS) {
            for (Locale locale : Messages.LOCALES) {
                String label = AuditLabels.action(in(locale), action);
                assertFalse(label.equals(action) || label.matches(".*[A-Z]{2,}_[A-Z]+.*"),
                        action + " in " + locale + ": " + label);
            }
        }
        assertEquals("下载能效报告", AuditLabels.action(in(Messages.CHINESE), "REPORT_DOWNLOADED"));
    }

    @Test
    void a_record_is_named_by_its_type_in_words_and_its_number() {
        assertEquals("用户 #1", AuditLabels.entity(in(Messages.CHINESE), "USER", 1L));
        assertEquals("Supply plan #7", AuditLabels.entity(in(Messages.ENGLISH), "SUPPLY_PLAN", 7L));
        assertEquals("能效报告", AuditLabels.entity(in(Messages.CHINESE), "ENERGY_REPORT", null));
    }

    @Test
    void the_services_summaries_read_in_the_users_language_with_their_codes_in_words() {
        BiFunction<String, Object[], String> zh = in(Messages.CHINESE);
        assertEquals("登录成功（来自 10.0.0.7）", AuditLabels.summary(zh, "signed in from 10.0.0.7"));
        assertEquals("登录成功", AuditLabels.summary(zh, "signed in"));
        assertEquals("C 级客户：每 6 → 4 个月走访一次", AuditLabels.summary(zh, "TIER_C: 6 → 4"));
        assertEquals("Tier C: every 6 → 4 months",
                AuditLabels.summary(in(Messages.ENGLISH), "TIER_C: 6 → 4"));
        assertEquals("Signed in from 10.0.0.7", AuditLabels.summary(in(Messages.ENGLISH), "signed in from 10.0.0.7"));
        assertEquals("用户 li（大客户经理）", AuditLabels.summary(zh, "user li (ACCOUNT_MANAGER)"));
        assertEquals("迎峰度夏预案 → 已批准", AuditLabels.summary(zh, "迎峰度夏预案 → APPROVED"));
        assertEquals("计划检修：10kV 线路检修 → 影响 12 户，待审批",
                AuditLabels.summary(zh, "PLANNED 10kV 线路检修 → 12 customers, HELD"));
        assertEquals("3 位客户经理，2026-12-01 至 2027-02-28：新排 40 次，保留 2 次，未能排入 0 次",
                AuditLabels.summary(zh, "3 managers 2026-12-01…2027-02-28: 40 planned, 2 kept, 0 unplaced"));
        assertEquals("K0001 某某化工", AuditLabels.summary(zh, "K0001 某某化工"));
    }
}
