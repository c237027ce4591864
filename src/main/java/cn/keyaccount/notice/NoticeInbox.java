package cn.keyaccount.notice;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Messages per reader: a customer's notice history (the customer page), the portal inbox of a customer user and the
 * staff inbox of a staff user, and marking an inbox message read.
 */
@ApplicationScoped
public class NoticeInbox {

    private final CustomerService customers;
    private final EntityManager em;
    private final Clock clock;

    NoticeInbox(CustomerService customers, EntityManager em, Clock clock) {
        this.customers = customers;
        this.em = em;
        this.clock = clock;
    }

    /** Every message sent to one customer, newest first (404 when the viewer may not see the customer). */
    public List<MessageDetails> history(Viewer viewer, long customerId, int offset, int limit) {
        customers.get(viewer, customerId);
        return em.createQuery(NoticeQueries.VIEW + " and m.customerId = :customer" + customersOwn(viewer) + " order by m.id desc",
                        MessageDetails.class)
                .setParameter("customer", customerId).setFirstResult(offset).setMaxResults(limit).getResultList()
                .stream().map(NoticeQueries::masked).toList();
    }

    public long countHistory(Viewer viewer, long customerId) {
        customers.get(viewer, customerId);
        return em.createQuery("select count(m) from NoticeMessage m where m.customerId = :customer"
                        + customersOwn(viewer), Long.class)
                .setParameter("customer", customerId).getSingleResult();
    }

    /** The customer card's open notice items (404 when the viewer may not see the customer): one statement. */
    public CustomerNoticeSummary summaryOf(Viewer viewer, long customerId) {
        customers.get(viewer, customerId);
        Object[] r = em.createQuery("select sum(case when m.state in (cn.keyaccount.notice.MessageState.FAILED, "
                        + "cn.keyaccount.notice.MessageState.UNCERTAIN) then 1 else 0 end), "
                        + "sum(case when m.channel = cn.keyaccount.notice.Channel.PORTAL and m.readAt is null "
                        + "and m.state in (cn.keyaccount.notice.MessageState.SENT, "
                        + "cn.keyaccount.notice.MessageState.DELIVERED) then 1 else 0 end) "
                        + "from NoticeMessage m where m.customerId = :customer and m.userId is null", Object[].class)
                .setParameter("customer", customerId).getSingleResult();
        return new CustomerNoticeSummary(r[0] == null ? 0 : ((Number) r[0]).longValue(),
                r[1] == null ? 0 : ((Number) r[1]).longValue());
    }

    /** Customer users see the messages to their contacts and inbox, not those to staff about them. */
    private static String customersOwn(Viewer viewer) {
        return viewer.isCustomer() ? " and m.userId is null" : "";
    }

    /** The portal inbox of a customer user: what reached their accounts' inbox, newest first. */
    public List<MessageDetails> inbox(Viewer viewer, int offset, int limit) {
        List<Long> own = ownAccounts(viewer);
        if (own.isEmpty()) {
            return List.of();
        }
        return em.createQuery(NoticeQueries.VIEW + " and m.customerId in :own and m.userId is null and m.channel = :portal "
                        + "and m.state = :delivered order by m.sentAt desc, m.id desc", MessageDetails.class)
                .setParameter("own", own).setParameter("portal", Channel.PORTAL)
                .setParameter("delivered", MessageState.DELIVERED)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countInbox(Viewer viewer) {
        List<Long> own = ownAccounts(viewer);
        if (own.isEmpty()) {
            return 0;
        }
        return em.createQuery("select count(m) from NoticeMessage m where m.customerId in :own and m.userId is null "
                        + "and m.channel = :portal and m.state = :delivered", Long.class)
                .setParameter("own", own).setParameter("portal", Channel.PORTAL)
                .setParameter("delivered", MessageState.DELIVERED).getSingleResult();
    }

    /** The portal inbox's messages not opened yet, as the inbox marks them. */
    public long countUnreadInbox(Viewer viewer) {
        List<Long> own = ownAccounts(viewer);
        if (own.isEmpty()) {
            return 0;
        }
        return em.createQuery("select count(m) from NoticeMessage m where m.customerId in :own and m.userId is null "
                        + "and m.channel = :portal and m.state = :delivered and m.readAt is null", Long.class)
                .setParameter("own", own).setParameter("portal", Channel.PORTAL)
                .setParameter("delivered", MessageState.DELIVERED).getSingleResult();
    }

    /** Marks an inbox message read (the portal's for a customer user, else the staff inbox): proof it was seen. */
    @Transactional
    public void markRead(Viewer viewer, long messageId) {
        if (!viewer.isCustomer()) {
            em.createQuery("update NoticeMessage m set m.readAt = :now "
                            + "where m.id = :id and m.userId = :me and m.channel = :portal and m.readAt is null")
                    .setParameter("now", OffsetDateTime.now(clock)).setParameter("id", messageId)
                    .setParameter("me", viewer.userId()).setParameter("portal", Channel.PORTAL).executeUpdate();
            return;
        }
        List<Long> own = ownAccounts(viewer);
        em.createQuery("update NoticeMessage m set m.readAt = :now where m.id = :id and m.customerId in :own "
                        + "and m.userId is null and m.channel = :portal and m.readAt is null")
                .setParameter("now", OffsetDateTime.now(clock)).setParameter("id", messageId).setParameter("own", own)
                .setParameter("portal", Channel.PORTAL).executeUpdate();
    }

    /** The staff inbox of the signed-in staff user: the in-app messages delivered to them, newest first. */
    public List<MessageDetails> staffInbox(Viewer viewer, int offset, int limit) {
        NoticeService.requireSender(viewer);
        return em.createQuery(NoticeQueries.VIEW + " and m.userId = :me and m.channel = :portal and m.state = :delivered "
                        + "order by m.sentAt desc, m.id desc", MessageDetails.class)
                .setParameter("me", viewer.userId()).setParameter("portal", Channel.PORTAL)
                .setParameter("delivered", MessageState.DELIVERED)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countStaffInbox(Viewer viewer) {
        NoticeService.requireSender(viewer);
        return em.createQuery("select count(m) from NoticeMessage m where m.userId = :me and m.channel = :portal "
                        + "and m.state = :delivered", Long.class)
                .setParameter("me", viewer.userId()).setParameter("portal", Channel.PORTAL)
                .setParameter("delivered", MessageState.DELIVERED).getSingleResult();
    }

    /** Unread messages in the staff inbox, for the menu badge and the start page. */
    public long countUnreadStaffInbox(Viewer viewer) {
        NoticeService.requireSender(viewer);
        return em.createQuery("select count(m) from NoticeMessage m where m.userId = :me and m.channel = :portal "
                        + "and m.state = :delivered and m.readAt is null", Long.class)
                .setParameter("me", viewer.userId()).setParameter("portal", Channel.PORTAL)
                .setParameter("delivered", MessageState.DELIVERED).getSingleResult();
    }

    private List<Long> ownAccounts(Viewer viewer) {
        if (!viewer.isCustomer()) {
            throw BusinessException.forbidden("error.notice-forbidden");
        }
        return customers.ownAccounts(viewer).stream().map(CustomerDetails::id).toList();
    }
}
