package cn.keyaccount.notice;

import cn.keyaccount.customer.CustomerQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * The replies store, the one {@link InboundSmsSink}: every message a customer sends back through any SMS provider is
 * stored once (a gateway that lost our acknowledgement delivers the same MO again: the same text from the same mobile
 * to the same number within {@code keyaccount.notice.replies.duplicate-window} is that one again; an advisory lock
 * per mobile makes two nodes agree), matched to the last SMS sent to that mobile (and so to its notice,
 * purpose and customer) and to the contact holding the mobile, and, when it matched, announced as
 * {@link SmsReplyReceived} for the feature that sent the message. A reply from a mobile we never wrote to and no
 * contact holds stays unmatched, listed for administrators and schedulers.
 */
@ApplicationScoped
class SmsReplies implements InboundSmsSink {

    private static final Logger LOG = Logger.getLogger(SmsReplies.class);
    /** The first key of the advisory lock, so that it cannot meet another feature's per-id lock. */
    private static final int LOCK_SPACE = 2130;

    private final SmsReplyRepository replies;
    private final CustomerQueries customers;
    private final EntityManager em;
    private final Event<SmsReplyReceived> event;
    private final ReplyKeywords keywords;
    private final Duration duplicateWindow;
    private final Clock clock;

    SmsReplies(SmsReplyRepository replies, CustomerQueries customers, EntityManager em, Event<SmsReplyReceived> event,
               NoticeConfig config, Clock clock) {
        this.replies = replies;
        this.customers = customers;
        this.em = em;
        this.event = event;
        this.keywords = new ReplyKeywords(config.replies().confirm(), config.replies().acknowledge());
        this.duplicateWindow = config.replies().duplicateWindow();
        this.clock = clock;
    }

    /** The last SMS sent to a customer's contact at this mobile (the newest message that went out), with its notice. */
    private record RepliedTo(long messageId, long noticeId, long customerId, Long contactId, NoticePurpose purpose,
                             String reference) {
    }

    @Override
    @Transactional
    public void received(InboundSms sms) {
        String from = sms.fromMobile() == null ? "" : clip(sms.fromMobile().strip(), 32);
        String mobile = clip(normalise(from), 32);
        String text = sms.text() == null ? "" : clip(sms.text().strip(), 2000);
        OffsetDateTime at = (sms.receivedAt() == null ? clock.instant() : sms.receivedAt()).atZone(clock.getZone())
                .toOffsetDateTime();
        String to = sms.toNumber() == null ? "" : clip(sms.toNumber().strip(), 32);
        String provider = sms.provider() == null || sms.provider().isBlank() ? "sms" : clip(sms.provider().strip(), 40);
        em.createNativeQuery("select pg_advisory_xact_lock(:space, hashtext(:mobile))")
                .setParameter("space", LOCK_SPACE).setParameter("mobile", mobile).getSingleResult();
        if (replies.count("mobile = ?1 and toNumber = ?2 and text = ?3 and provider = ?4 and receivedAt > ?5 "
                        + "and receivedAt < ?6", mobile, to, text, provider, at.minus(duplicateWindow),
                at.plus(duplicateWindow)) > 0) {
            LOG.debugf("Reply from %s delivered again by %s: stored once", mobile, provider);
            return;
        }
        SmsReply reply = new SmsReply(provider, from, mobile, to, text, at);
        RepliedTo m = repliedTo(mobile);
        if (m != null) {
            ReplyMeaning meaning = keywords.meaning(m.purpose(), text);
            reply.matched(m.customerId(), m.contactId(), m.messageId(), m.noticeId(), meaning);
            replies.persist(reply);
            replies.flush();
            event.fire(new SmsReplyReceived(reply.getId(), m.customerId(), m.contactId(), mobile, m.purpose(),
                    m.noticeId(), m.reference(), meaning, at, text));
            return;
        }
        List<CustomerQueries.ContactOfCustomer> holders = customers.contactsWithMobile(mobile);
        if (!holders.isEmpty()) {
            reply.matched(holders.getFirst().customerId(), holders.getFirst().contactId(), null, null, null);
        }
        replies.persist(reply);
    }

    private RepliedTo repliedTo(String mobile) {
        return em.createQuery("select m.id, m.noticeId, m.customerId, m.contactId, n.purpose, n.dedupeKey "
                        + "from NoticeMessage m, Notice n where n.id = m.noticeId and m.address = :mobile "
                        + "and m.channel = cn.keyaccount.notice.Channel.SMS and m.userId is null "
                        + "and m.customerId is not null and m.sentAt is not null order by m.id desc", Object[].class)
                .setParameter("mobile", mobile).setMaxResults(1).getResultStream()
                .map(r -> new RepliedTo((Long) r[0], (Long) r[1], (Long) r[2], (Long) r[3], purpose((String) r[4]),
                        (String) r[5]))
                .findFirst().orElse(null);
    }

    private static NoticePurpose purpose(String name) {
        try {
            return NoticePurpose.valueOf(name);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * A mobile as contacts store it: digits only, without the country code (+86, 0086 or 86 before an 11-digit
     * number); anything else is kept as its digits (or as given when it has none).
     */
    static String normalise(String mobile) {
        if (mobile == null) {
            return "";
        }
        String digits = mobile.replaceAll("\\D", "");
        if (digits.length() == 15 && digits.startsWith("0086")) {
            return digits.substring(4);
        }
        if (digits.length() == 13 && digits.startsWith("86")) {
            return digits.substring(2);
        }
        return digits.isEmpty() ? mobile.strip() : digits;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
