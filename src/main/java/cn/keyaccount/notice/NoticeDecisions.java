package cn.keyaccount.notice;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.Collection;

/**
 * What schedulers decide about messages already scheduled: retrying failed ones, settling uncertain ones (each
 * recorded in the audit log), and withdrawing what a feature's notice no longer needs (an outage moved or cancelled).
 */
@ApplicationScoped
public class NoticeDecisions {

    private final NoticeQueries queries;
    private final NoticeOutbox outbox;
    private final AuditService audit;
    private final EntityManager em;

    NoticeDecisions(NoticeQueries queries, NoticeOutbox outbox, AuditService audit, EntityManager em) {
        this.queries = queries;
        this.outbox = outbox;
        this.audit = audit;
        this.em = em;
    }

    /**
     * Withdraws the messages of these notices that still wait for their time (SCHEDULED → EXPIRED, "withdrawn"), for
     * a caller whose notice no longer holds (an outage moved or cancelled) and that sends a revision instead.
     */
    @Transactional
    public int withdraw(Collection<Long> noticeIds) {
        if (noticeIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("update NoticeMessage m set m.state = :expired, m.error = 'withdrawn', "
                        + "m.version = m.version + 1 where m.noticeId in :notices and m.state = :scheduled")
                .setParameter("expired", MessageState.EXPIRED).setParameter("scheduled", MessageState.SCHEDULED)
                .setParameter("notices", noticeIds).executeUpdate();
    }

    /** Puts the notice's failed messages back in the queue with fresh attempts (unless they expired meanwhile). */
    @Transactional
    public int retryFailed(Viewer viewer, long noticeId) {
        Notice n = queries.visible(viewer, noticeId);
        NoticeService.requireSender(viewer);
        int count = outbox.retryFailed(noticeId, null);
        audit.record(viewer.username(), "NOTICE_RETRIED", "NOTICE", n.getId(), null, n.getUnitPath(),
                n.getTitle() + " ×" + count, null, null);
        return count;
    }

    /**
     * Puts one failed message back in the queue with fresh attempts: 404 when the notice has no such message, 409
     * unless it failed and has not expired.
     */
    @Transactional
    public void retryMessage(Viewer viewer, long noticeId, long messageId) {
        Notice n = queries.visible(viewer, noticeId);
        NoticeService.requireSender(viewer);
        queries.requireMessage(noticeId, messageId);
        if (outbox.retryFailed(noticeId, messageId) == 0) {
            throw BusinessException.conflict("error.notice-message-not-failed", messageId);
        }
        audit.record(viewer.username(), "NOTICE_RETRIED", "NOTICE", n.getId(), null, n.getUnitPath(),
                n.getTitle() + " #" + messageId, null, null);
    }

    /**
     * Decides an UNCERTAIN message (its node died after asking the provider, no receipt came): {@code resend} puts it
     * back in the queue, knowing the recipient may get it twice; otherwise it counts as sent. 404 when the notice has
     * no such message, 409 unless it is uncertain (a receipt or another scheduler may have settled it meanwhile).
     */
    @Transactional
    public void resolveUncertain(Viewer viewer, long noticeId, long messageId, boolean resend) {
        Notice n = queries.visible(viewer, noticeId);
        NoticeService.requireSender(viewer);
        queries.requireMessage(noticeId, messageId);
        if (!outbox.resolveUncertain(noticeId, messageId, resend, viewer.username())) {
            throw BusinessException.conflict("error.notice-message-not-uncertain", messageId);
        }
        audit.record(viewer.username(), resend ? "NOTICE_UNCERTAIN_RESENT" : "NOTICE_UNCERTAIN_COUNTED_SENT",
                "NOTICE", n.getId(), null, n.getUnitPath(), n.getTitle() + " #" + messageId, null, null);
    }
}
