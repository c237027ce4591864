package cn.keyaccount.visit;

import cn.keyaccount.customer.PersonalData;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.ReplyMeaning;
import cn.keyaccount.notice.SmsReplyReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * A customer's SMS reply that confirms a visit: a confirm keyword ({@code keyaccount.notice.replies.confirm}) in
 * answer to the visit's customer SMS ({@link VisitReminders}, recognised by its cause {@code visit-customer:<id>:…})
 * marks the visit confirmed by the customer, as the portal's confirmation does.
 */
@ApplicationScoped
class VisitReplies {

    private final VisitService visits;

    VisitReplies(VisitService visits) {
        this.visits = visits;
    }

    void onReply(@Observes SmsReplyReceived reply) {
        if (reply.purpose() != NoticePurpose.VISIT || reply.meaning() != ReplyMeaning.CONFIRM
                || reply.reference() == null || !reply.reference().startsWith(VisitReminders.CUSTOMER_KEY)) {
            return;
        }
        String rest = reply.reference().substring(VisitReminders.CUSTOMER_KEY.length());
        int colon = rest.indexOf(':');
        try {
            long visitId = Long.parseLong(colon < 0 ? rest : rest.substring(0, colon));
            visits.confirmBySms(visitId, PersonalData.maskMobile(reply.mobile()));
        } catch (NumberFormatException e) {
            // not a cause this feature wrote: nothing to confirm
        }
    }
}
