package cn.keyaccount.notice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which replies are keywords, and how a sender's mobile is normalised for matching. */
class ReplyKeywordsTest {

    private final ReplyKeywords keywords = new ReplyKeywords(List.of("1", "是", "确认", "Y"), List.of("收到", "1"));

    @Test
    void a_whole_reply_of_one_keyword_confirms_a_visit_whatever_its_case_blanks_and_closing_punctuation() {
        assertEquals(ReplyMeaning.CONFIRM, keywords.meaning(NoticePurpose.VISIT, " 确认。"));
        assertEquals(ReplyMeaning.CONFIRM, keywords.meaning(NoticePurpose.VISIT, "y!"));
        assertEquals(ReplyMeaning.CONFIRM, keywords.meaning(NoticePurpose.VISIT, "1"));
        assertNull(keywords.meaning(NoticePurpose.VISIT, "收到"), "an acknowledge word confirms no visit");
        assertNull(keywords.meaning(NoticePurpose.VISIT, "确认一下时间"), "free text that contains a keyword");
    }

    @Test
    void an_acknowledge_word_acknowledges_an_outage_warning_and_means_nothing_for_other_purposes() {
        assertEquals(ReplyMeaning.ACKNOWLEDGE, keywords.meaning(NoticePurpose.OUTAGE, "收到！"));
        assertEquals(ReplyMeaning.ACKNOWLEDGE, keywords.meaning(NoticePurpose.OUTAGE, "1"));
        assertNull(keywords.meaning(NoticePurpose.OUTAGE, "是"));
        assertNull(keywords.meaning(NoticePurpose.BILLING, "1"));
        assertNull(keywords.meaning(null, "1"));
    }

    @Test
    void a_mobile_loses_its_country_code_blanks_and_signs() {
        assertEquals("13912345678", SmsReplies.normalise("+86 139 1234 5678"));
        assertEquals("13912345678", SmsReplies.normalise("8613912345678"));
        assertEquals("13912345678", SmsReplies.normalise("008613912345678"));
        assertEquals("13912345678", SmsReplies.normalise("13912345678"));
        assertEquals("95598", SmsReplies.normalise("95598"));
    }
}
