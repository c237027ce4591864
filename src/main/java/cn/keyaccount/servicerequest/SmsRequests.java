package cn.keyaccount.servicerequest;

import cn.keyaccount.notice.SmsReplyReceived;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;

/**
 * Inbound SMS → request: a reply matched to a key customer's contact (the notice feature's replies store) that is no
 * keyword (confirming a visit, acknowledging a warning) and asks something — a question mark, or at least
 * {@code keyaccount.service-requests.sms.min-letters} (8) characters that are not punctuation or blanks ("好的，谢谢"
 * and "收到" are only listed), as {@link ServiceRequestConfig.Sms} sets it — becomes a 咨询 request of source SMS,
 * owned by the customer's manager, who answers or reclassifies it by hand-off.
 */
@ApplicationScoped
class SmsRequests {

    private static final Logger LOG = Logger.getLogger(SmsRequests.class);

    private final ServiceRequestService requests;
    private final ServiceRequestConfig.Sms settings;

    SmsRequests(ServiceRequestService requests, ServiceRequestConfig config) {
        this.requests = requests;
        this.settings = config.sms();
    }

    /** After the reply is stored (its own transaction committed): a failure here never loses the reply. */
    void onReply(@Observes(during = TransactionPhase.AFTER_SUCCESS) SmsReplyReceived reply) {
        if (!settings.enabled() || reply.meaning() != null || !asks(settings, reply.text())) {
            return;
        }
        RequestDetails r = requests.fromSms(reply.customerId(), reply.text());
        LOG.infof("SMS reply %d from %s became request %d", reply.replyId(), reply.mobile(), r.request().id());
    }

    /** Whether a free-text reply asks for something under these settings (see the class comment). */
    static boolean asks(ServiceRequestConfig.Sms settings, String text) {
        if (text == null || text.isBlank()) {
            return false;
        }
        if (settings.questionMark() && (text.indexOf('?') >= 0 || text.indexOf('？') >= 0)) {
            return true;
        }
        return settings.minLetters() > 0
                && text.codePoints().filter(Character::isLetterOrDigit).count() >= settings.minLetters();
    }
}
