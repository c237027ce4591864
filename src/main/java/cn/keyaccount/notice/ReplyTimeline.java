package cn.keyaccount.notice;

import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.PersonalData;
import cn.keyaccount.customer.TimelineEntry;
import cn.keyaccount.customer.TimelineKind;
import cn.keyaccount.customer.TimelineQuery;
import cn.keyaccount.customer.TimelineSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.List;

/** The customer timeline's replies: each SMS the customer's people sent back, with what it meant (confirmed …). */
@ApplicationScoped
class ReplyTimeline implements TimelineSource {

    private final EntityManager em;

    ReplyTimeline(EntityManager em) {
        this.em = em;
    }

    @Override
    public TimelineKind kind() {
        return TimelineKind.NOTICE;
    }

    @Override
    public String key() {
        return "reply";
    }

    @Override
    public List<TimelineEntry> entries(TimelineQuery q) {
        TypedQuery<Object[]> query = em.createQuery("select r.id, r.receivedAt, r.mobile, r.text, r.meaning "
                + "from SmsReply r where r.customerId = :customerTimelineCustomer and "
                + q.where("r.receivedAt", "r.id") + " order by r.receivedAt desc, r.id desc", Object[].class);
        q.parameters().forEach(query::setParameter);
        return query.setMaxResults(q.limit()).getResultList().stream().map(r -> entry(r, q)).toList();
    }

    private TimelineEntry entry(Object[] r, TimelineQuery q) {
        String detail = (String) r[3];
        if (r[4] != null) {
            detail = Messages.get(q.locale(), "notice.reply.meaning." + ((ReplyMeaning) r[4]).name()) + " · " + detail;
        }
        return new TimelineEntry((OffsetDateTime) r[1], TimelineKind.NOTICE, key(), (Long) r[0],
                Messages.get(q.locale(), "notice.reply.timeline.title", PersonalData.maskMobile((String) r[2])),
                detail, TimelineEntry.customerTab(q.customerId(), "notice.tab"));
    }
}
