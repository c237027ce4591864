package cn.keyaccount.notice;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reads of the notice engine: the notices of the notice centre (scoped: supervisors and schedulers their unit's,
 * managers their own), a notice's messages, and — for features that keep track of their own notices (outages) —
 * summaries, messages and the customers reached by notice id, the calling feature deciding who may see them. Mobiles
 * and e-mail addresses are masked in every message read. Scheduling is {@link NoticeService}'s, the inboxes are
 * {@link NoticeInbox}'s, retries and withdrawals {@link NoticeDecisions}'.
 */
@ApplicationScoped
public class NoticeQueries {

    static final String VIEW = "select new cn.keyaccount.notice.MessageDetails(m.id, m.noticeId, n.title, "
            + "n.purpose, coalesce(m.customerId, 0L), m.recipientName, m.channel, m.address, m.subject, m.body, m.segments, "
            + "m.state, m.attempts, m.nextAttemptAt, m.sentAt, m.providerMessageId, m.receiptAt, m.readAt, m.error, "
            + "m.userId) "
            + "from NoticeMessage m, Notice n where n.id = m.noticeId";

    private final EntityManager em;

    NoticeQueries(EntityManager em) {
        this.em = em;
    }

    private record Scope(String where, Parameters params) {
    }

    private static Scope scope(Viewer v) {
        return switch (v.role()) {
            case ADMIN -> new Scope("1 = 1", new Parameters());
            case SUPERVISOR, SCHEDULER -> new Scope("n.unitPath like :path", Parameters.with("path", v.unitPath() + "%"));
            case ACCOUNT_MANAGER -> new Scope("n.createdBy = :me", Parameters.with("me", v.username()));
            case CUSTOMER, REPAIR_CREW -> throw BusinessException.forbidden("error.notice-forbidden");
        };
    }

    /** The notices the viewer may follow, newest first. */
    public List<NoticeSummary> list(Viewer viewer, int offset, int limit) {
        Scope s = scope(viewer);
        var q = em.createQuery("select n from Notice n where " + s.where() + " order by n.createdAt desc, n.id desc",
                Notice.class);
        s.params().map().forEach(q::setParameter);
        return summaries(q.setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    public long count(Viewer viewer) {
        Scope s = scope(viewer);
        var q = em.createQuery("select count(n) from Notice n where " + s.where(), Long.class);
        s.params().map().forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** Message states that need a scheduler: refused or out of attempts, or not known to have been sent. */
    public static final Set<MessageState> NEEDING_ATTENTION = Set.of(MessageState.FAILED, MessageState.UNCERTAIN);

    /** The notices the viewer may follow with a failed or uncertain message, newest first (the centre's filter). */
    public List<NoticeSummary> needingAttention(Viewer viewer, int offset, int limit) {
        Scope s = scope(viewer);
        var q = em.createQuery("select n from Notice n where " + s.where() + " and " + ATTENTION
                + " order by n.createdAt desc, n.id desc", Notice.class).setParameter("attention", NEEDING_ATTENTION);
        s.params().map().forEach(q::setParameter);
        return summaries(q.setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    public long countNeedingAttention(Viewer viewer) {
        Scope s = scope(viewer);
        var q = em.createQuery("select count(n) from Notice n where " + s.where() + " and " + ATTENTION, Long.class)
                .setParameter("attention", NEEDING_ATTENTION);
        s.params().map().forEach(q::setParameter);
        return q.getSingleResult();
    }

    private static final String ATTENTION =
            "exists (select 1 from NoticeMessage m where m.noticeId = n.id and m.state in :attention)";

    public NoticeSummary get(Viewer viewer, long noticeId) {
        return summaries(List.of(visible(viewer, noticeId))).getFirst();
    }

    Notice visible(Viewer viewer, long noticeId) {
        Scope s = scope(viewer);
        var q = em.createQuery("select n from Notice n where n.id = :id and " + s.where(), Notice.class)
                .setParameter("id", noticeId);
        s.params().map().forEach(q::setParameter);
        return q.getResultStream().findFirst()
                .orElseThrow(() -> BusinessException.notFound("error.notice-not-found", noticeId));
    }

    List<NoticeSummary> summaries(List<Notice> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<MessageState, Long>> counts = new HashMap<>();
        em.createQuery("select m.noticeId, m.state, count(m) from NoticeMessage m where m.noticeId in :ids "
                        + "group by m.noticeId, m.state", Object[].class)
                .setParameter("ids", page.stream().map(Notice::getId).toList()).getResultList()
                .forEach(row -> counts.computeIfAbsent((Long) row[0], k -> new EnumMap<>(MessageState.class))
                        .put((MessageState) row[1], (Long) row[2]));
        return page.stream().map(n -> {
            Map<MessageState, Long> c = counts.getOrDefault(n.getId(), Map.of());
            long total = c.values().stream().mapToLong(Long::longValue).sum();
            return new NoticeSummary(n.getId(), n.getPurpose(), n.getTemplate(), n.getTitle(), n.getPlannedAt(),
                    n.getExpiresAt(), n.isUrgent(), n.getCreatedBy(), n.getCreatedAt(), n.getSkipped(), total,
                    c.getOrDefault(MessageState.SCHEDULED, 0L), c.getOrDefault(MessageState.SENDING, 0L),
                    c.getOrDefault(MessageState.SENT, 0L), c.getOrDefault(MessageState.DELIVERED, 0L),
                    c.getOrDefault(MessageState.FAILED, 0L), c.getOrDefault(MessageState.EXPIRED, 0L),
                    c.getOrDefault(MessageState.UNCERTAIN, 0L));
        }).toList();
    }

    /** A notice's messages, one page, in the order they were fanned out; mobiles and e-mail addresses masked. */
    public List<MessageDetails> messages(Viewer viewer, long noticeId, MessageState state, int offset, int limit) {
        visible(viewer, noticeId);
        var q = em.createQuery(VIEW + " and m.noticeId = :notice" + (state == null ? "" : " and m.state = :state")
                + " order by m.id", MessageDetails.class).setParameter("notice", noticeId);
        if (state != null) {
            q.setParameter("state", state);
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(NoticeQueries::masked)
                .toList();
    }

    /** One message of a notice as it is now; mobile or e-mail address masked. */
    public MessageDetails message(Viewer viewer, long noticeId, long messageId) {
        visible(viewer, noticeId);
        return em.createQuery(VIEW + " and m.noticeId = :notice and m.id = :id", MessageDetails.class)
                .setParameter("notice", noticeId).setParameter("id", messageId).getResultStream().findFirst()
                .map(NoticeQueries::masked)
                .orElseThrow(() -> BusinessException.notFound("error.notice-message-not-found", messageId));
    }

    void requireMessage(long noticeId, long messageId) {
        if (em.createQuery("select count(m) from NoticeMessage m where m.noticeId = :notice and m.id = :id",
                Long.class).setParameter("notice", noticeId).setParameter("id", messageId).getSingleResult() == 0) {
            throw BusinessException.notFound("error.notice-message-not-found", messageId);
        }
    }

    public long countMessages(Viewer viewer, long noticeId, MessageState state) {
        visible(viewer, noticeId);
        var q = em.createQuery("select count(m) from NoticeMessage m where m.noticeId = :notice"
                + (state == null ? "" : " and m.state = :state"), Long.class).setParameter("notice", noticeId);
        if (state != null) {
            q.setParameter("state", state);
        }
        return q.getSingleResult();
    }

    // ---- for features that keep track of their own notices (outages): by notice id, the caller scopes ----

    /** Summaries of the given notices, in no particular order; the calling feature decides who may see them. */
    public List<NoticeSummary> summariesOf(Collection<Long> noticeIds) {
        if (noticeIds.isEmpty()) {
            return List.of();
        }
        return summaries(em.createQuery("select n from Notice n where n.id in :ids", Notice.class)
                .setParameter("ids", noticeIds).getResultList());
    }

    /** The messages of the given notices (of one customer when given), one page in message order; mobiles and e-mail addresses masked. */
    public List<MessageDetails> messagesOf(Collection<Long> noticeIds, Long customerId, int offset, int limit) {
        if (noticeIds.isEmpty()) {
            return List.of();
        }
        var q = em.createQuery(VIEW + " and m.noticeId in :notices" + (customerId == null ? ""
                : " and m.customerId = :customer") + " order by m.id", MessageDetails.class)
                .setParameter("notices", noticeIds);
        if (customerId != null) {
            q.setParameter("customer", customerId);
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(NoticeQueries::masked)
                .toList();
    }

    public long countMessagesOf(Collection<Long> noticeIds, Long customerId) {
        if (noticeIds.isEmpty()) {
            return 0;
        }
        var q = em.createQuery("select count(m) from NoticeMessage m where m.noticeId in :notices"
                + (customerId == null ? "" : " and m.customerId = :customer"), Long.class)
                .setParameter("notices", noticeIds);
        if (customerId != null) {
            q.setParameter("customer", customerId);
        }
        return q.getSingleResult();
    }

    /** The customers that a message of these notices has reached or is reaching (sending, sent, delivered). */
    public Set<Long> customersReached(Collection<Long> noticeIds) {
        if (noticeIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery("select distinct m.customerId from NoticeMessage m where m.noticeId in "
                        + ":notices and m.state in :reached", Long.class).setParameter("notices", noticeIds)
                .setParameter("reached", Set.of(MessageState.SENDING, MessageState.SENT, MessageState.DELIVERED))
                .getResultList());
    }

    static MessageDetails masked(MessageDetails m) {
        String address = switch (m.channel()) {
            case SMS -> cn.keyaccount.customer.PersonalData.maskMobile(m.address());
            case EMAIL -> cn.keyaccount.customer.PersonalData.maskEmail(m.address());
            default -> m.address();
        };
        return new MessageDetails(m.id(), m.noticeId(), m.noticeTitle(), m.purpose(), m.customerId(), m.recipientName(),
                m.channel(), address, m.subject(), m.body(),
                m.segments(), m.state(), m.attempts(), m.nextAttemptAt(), m.sentAt(), m.providerMessageId(),
                m.receiptAt(), m.readAt(), m.error(), m.userId());
    }
}
