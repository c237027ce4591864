package cn.keyaccount.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.keyaccount.base.Messages;
import cn.keyaccount.demo.DemoDataGenerator.Login;
import org.junit.jupiter.api.Test;

class PasswordRulesTest {

    @Test
    void a_password_needs_at_least_ten_characters() {
        assertEquals("error.password-too-short", PasswordRules.brokenRule("Kx7#mq2Lp", "someone"));
        assertNull(PasswordRules.brokenRule("Kx7#mq2Lpz", "someone"));
    }

    @Test
    void a_password_may_not_be_or_contain_the_user_name_whatever_the_case() {
        assertEquals("error.password-contains-username", PasswordRules.brokenRule("zhang.wei01", "zhang.wei01"));
        assertEquals("error.password-contains-username", PasswordRules.brokenRule("My-ZHANG.WEI-pw", "zhang.wei"));
        assertNull(PasswordRules.brokenRule("My-Zhang-Wei-pw", "zhang.wei"));
    }

    @Test
    void a_common_password_is_refused_also_capitalised() {
        for (String common : new String[] {"qwertyuiop", "1234567890", "Password123", "QWERTYUIOP", "iloveyou123"}) {
            assertEquals("error.password-common", PasswordRules.brokenRule(common, "someone"), common);
        }
        assertNull(PasswordRules.brokenRule("Tulip-river-9042", "someone"));
    }

    @Test
    void the_messages_name_the_password_in_both_languages() {
        assertEquals("密码至少需要 10 个字符。", Messages.get(Messages.CHINESE, "error.password-too-short", 10));
        assertEquals("A password needs at least 10 characters.",
                Messages.get(Messages.ENGLISH, "error.password-too-short", 10));
        for (String key : new String[] {"error.password-contains-username", "error.password-common"}) {
            assertNotEquals("!" + key, Messages.get(Messages.CHINESE, key));
            assertNotEquals("!" + key, Messages.get(Messages.ENGLISH, key));
        }
    }

    @Test
    void the_demo_passwords_are_not_held_to_the_rules_because_the_demo_writes_them_directly() {
        // documented in docs/installation.md: the demo's admin and manager passwords contain their user names
        assertEquals("error.password-contains-username",
                PasswordRules.brokenRule(Login.ADMIN.password, Login.ADMIN.username));
        assertNull(PasswordRules.brokenRule(Login.SCHEDULER.password, Login.SCHEDULER.username));
    }

    @Test
    void a_generated_first_administrator_password_meets_the_rules_and_is_never_the_same() {
        String first = FirstAdministrator.generatedPassword("admin");
        assertNull(PasswordRules.brokenRule(first, "admin"));
        assertEquals(16, first.length());
        assertNotEquals(first, FirstAdministrator.generatedPassword("admin"));
    }
}
