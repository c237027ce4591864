package cn.keyaccount.notice;

/**
 * What a keyword reply means for the message it answers (stored by its name in {@code sms_reply.meaning}): a visit
 * reminder confirmed, an outage warning acknowledged. A reply with no keyword has no meaning and is only listed.
 */
public enum ReplyMeaning {
    CONFIRM, ACKNOWLEDGE
}
