package cn.keyaccount.servicerequest;

import cn.keyaccount.notice.SmsReplyReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

/**
 * Inbound SMS → request: a reply matched to a key customer's contact (the notice feature's replies store) that is no
 * keyword (confirming a visit, acknowledging a warning) and asks something — a question mark, or at least
 * {@value #MIN_CHARACTERS} characters that are not punctuation or blanks ("好的，谢谢" and "收到" are only listed) —
 * becomes a 咨询 request of source SMS, owned by the customer's manager, who answers or reclassifies it by hand-off.
 */
@ApplicationScoped
class SmsRequests {

    /** Fewer letters than this, without a question mark, is an acknowledgement, not a request. */
    static final int MIN_CHARACTERS = 8;

    private static final Logger LOG = Logger.getLogger(SmsRequests.class);

    private final ServiceRequestService requests;

    SmsRequests(ServiceRequestService requests) {
        this.requests = requests;
    }

    /** After the reply is stored (its own transaction committed): a failure here never loses the reply. */
    void onReply(@Observes(during = TransactionPhase.AFTER_SUCCESS) SmsReplyReceived reply) {
        if (reply.meaning() != null || !asks(reply.text())) {
            return;
        }
        RequestDetails r = requests.fromSms(reply.customerId(), reply.text());
        LOG.infof("SMS reply %d from %s became request %d", reply.replyId(), reply.mobile(), r.request().id());
    }

    /** Whether a free-text reply asks for something (see the class comment). */
    static boolean asks(String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        if (text.indexOf('?') >= 0 || text.indexOf('？') >= 0) {
            return true;
        }
        return text.codePoints().filter(Character::isLetterOrDigit).count() >= MIN_CHARACTERS;
    }
}
