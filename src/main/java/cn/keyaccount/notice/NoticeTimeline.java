package cn.keyaccount.notice;

import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.TimelineEntry;
import cn.keyaccount.customer.TimelineKind;
import cn.keyaccount.customer.TimelineQuery;
import cn.keyaccount.customer.TimelineSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * The customer timeline's notices: every message to the customer (one per recipient and channel), at the time its
 * notice was planned for, with its delivery state (sent, delivered, failed …). A key customer has thousands: the page is
 * cut in the statement.
 */
@ApplicationScoped
class NoticeTimeline implements TimelineSource {

    // the time the notice was planned for: it never changes, so pages cut by it neither skip nor repeat an entry
    // while the dispatcher sends (a sending time would move an entry from one page to another)
    private static final String AT = "n.plannedAt";

    private final EntityManager em;

    NoticeTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public TimelineKind kind() {
        return TimelineKind.NOTICE;
    }

    @Override
    public String key() {
        return "notice";
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery q) {
        TypedQuery<Object[]> query = em.createQuery("select m.id, " + AT + ", n.title, m.channel, m.recipientName, "
                + "m.state, m.error from NoticeMessage m join Notice n on n.id = m.noticeId "
                + "where m.customerId = :customerTimelineCustomer and " + q.where(AT, "m.id")
                + " order by " + AT + " desc, m.id desc", Object[].class);
        q.parameters().forEach(query::setParameter);
        return query.setMaxResults(q.limit()).getResultList().stream().map(r -> entry(r, q)).toList();
    }

    private TimelineEntry entry(Object[] r, TimelineQuery q) {
        MessageState state = (MessageState) r[5];
        String detail = Messages.get(q.locale(), "notice.timeline.detail",
                Messages.get(q.locale(), "notice.channel." + ((Channel) r[3]).name()), r[4],
                Messages.get(q.locale(), "notice.state." + state.name()));
        if (state == MessageState.FAILED && r[6] != null) {
            detail = detail + " · " + r[6];
        }
        return new TimelineEntry((OffsetDateTime) r[1], TimelineKind.NOTICE, key(), (Long) r[0],
                Messages.get(q.locale(), "notice.timeline.title", r[2]), detail,
                TimelineEntry.customerTab(q.customerId(), "notice.tab"));
    }
}
