package cn.keyaccount.servicerequest;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which SMS replies become requests follows keyaccount.service-requests.sms.* (the rule is no longer fixed). */
class SmsRequestsTest {

    private static ServiceRequestConfig.Sms settings(boolean questionMark, int minLetters) {
        return new ServiceRequestConfig.Sms() {
            @Override
            public boolean enabled() {
                return true;
            }

            @Override
            public boolean questionMark() {
                return questionMark;
            }

            @Override
            public int minLetters() {
                return minLetters;
            }
        };
    }

    @Test
    void by_default_a_question_mark_or_eight_letters_make_a_request_and_short_thanks_do_not() {
        ServiceRequestConfig.Sms defaults = settings(true, 8);
        assertTrue(SmsRequests.asks(defaults, "电费？"));
        assertTrue(SmsRequests.asks(defaults, "why?"));
        assertTrue(SmsRequests.asks(defaults, "请问下月检修几点开始"));
        assertFalse(SmsRequests.asks(defaults, "好的，谢谢"));
        assertFalse(SmsRequests.asks(defaults, "收到"));
        assertFalse(SmsRequests.asks(defaults, "  "));
    }

    @Test
    void the_letter_count_and_the_question_mark_rule_are_settings() {
        assertTrue(SmsRequests.asks(settings(true, 4), "好的，谢谢"), "four letters are enough when set to 4");
        assertFalse(SmsRequests.asks(settings(true, 12), "请问下月检修几点开始"), "ten letters are too few for 12");
        assertFalse(SmsRequests.asks(settings(false, 8), "电费？"), "a question mark alone no longer counts");
        assertTrue(SmsRequests.asks(settings(false, 8), "请问下月检修几点开始？"));
        assertFalse(SmsRequests.asks(settings(true, 0), "请问下月检修几点开始"), "0: length alone never makes one");
    }
}
