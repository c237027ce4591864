package cn.keyaccount.outage;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.customer.PersonalData;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.ReplyMeaning;
import cn.keyaccount.notice.SmsReplyReceived;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.EnumSet;

/**
 * A customer's SMS reply that acknowledges an outage warning: an acknowledge keyword
 * ({@code keyaccount.notice.replies.acknowledge}) in answer to a warning or reminder of an outage (found by the
 * replied-to notice) is recorded once per warning and customer, audited, and counted in the outage's warning list.
 */
@ApplicationScoped
class OutageReplies {

    private final OutageWarningRepository warnings;
    private final OutageWarningAckRepository acks;
    private final OutageRepository outages;
    private final AuditService audit;

    OutageReplies(OutageWarningRepository warnings, OutageWarningAckRepository acks, OutageRepository outages,
                  AuditService audit) {
        this.warnings = warnings;
        this.acks = acks;
        this.outages = outages;
        this.audit = audit;
    }

    void onReply(@Observes SmsReplyReceived reply) {
        if (reply.purpose() != NoticePurpose.OUTAGE || reply.meaning() != ReplyMeaning.ACKNOWLEDGE) {
            return;
        }
        OutageWarning w = warnings.find("noticeId = ?1 and kind in ?2", reply.noticeId(),
                EnumSet.of(WarningKind.WARNING, WarningKind.REMINDER)).firstResult();
        if (w == null || acks.count("warningId = ?1 and customerId = ?2", w.getId(), reply.customerId()) > 0) {
            return;
        }
        acks.persist(new OutageWarningAck(w.getId(), reply.customerId(), reply.contactId(), reply.replyId(),
                reply.receivedAt()));
        Outage o = outages.findById(w.getOutageId());
        audit.record(Viewer.system().username(), "OUTAGE_WARNING_ACKNOWLEDGED", "OUTAGE", w.getOutageId(),
                reply.customerId(), o == null ? "" : o.getUnitPath(),
                (o == null ? "" : o.getTitle() + " ") + "SMS " + PersonalData.maskMobile(reply.mobile()), null, null);
    }
}
