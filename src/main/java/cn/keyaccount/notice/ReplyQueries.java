package cn.keyaccount.notice;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerName;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.PersonalData;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The replies as staff read them: the notice centre's list (searched, filtered matched/unmatched, paged in SQL) and a
 * customer's replies. Matched replies are seen by whoever may see their customer; unmatched ones (no customer) only
 * by administrators and schedulers, who sort them out. Customer users read none.
 */
@ApplicationScoped
public class ReplyQueries {

    private static final String SELECT = "select r.id, r.receivedAt, r.provider, r.mobile, r.toNumber, r.text, "
            + "r.customerId, r.contactId, r.meaning, r.messageId, r.noticeId, n.title, n.purpose, m.recipientName, "
            + "m.body, m.sentAt from SmsReply r left join NoticeMessage m on m.id = r.messageId "
            + "left join Notice n on n.id = r.noticeId where ";

    /** Which replies a list shows: all, those matched to a customer, or those matched to none. */
    public enum Show { ALL, MATCHED, UNMATCHED }

    private final EntityManager em;
    private final CustomerQueries customers;
    private final CustomerService customerService;

    ReplyQueries(EntityManager em, CustomerQueries customers, CustomerService customerService) {
        this.em = em;
        this.customers = customers;
        this.customerService = customerService;
    }

    /** One page of replies, newest first; {@code search} looks in the text and the mobile. */
    public List<ReplyRow> list(Viewer viewer, Show show, String search, int offset, int limit) {
        Filter f = filter(viewer, show, search);
        TypedQuery<Object[]> q = em.createQuery(SELECT + f.where + " order by r.receivedAt desc, r.id desc",
                Object[].class);
        f.params.forEach(q::setParameter);
        return rows(viewer, q.setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    public long count(Viewer viewer, Show show, String search) {
        Filter f = filter(viewer, show, search);
        TypedQuery<Long> q = em.createQuery("select count(r) from SmsReply r where " + f.where, Long.class);
        f.params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    /** One customer's replies, newest first (404 when the viewer may not see the customer). */
    public List<ReplyRow> ofCustomer(Viewer viewer, long customerId, int offset, int limit) {
        staffOnly(viewer);
        customerService.get(viewer, customerId);
        return rows(viewer, em.createQuery(SELECT + "r.customerId = :customer order by r.receivedAt desc, r.id desc",
                        Object[].class).setParameter("customer", customerId).setFirstResult(offset)
                .setMaxResults(limit).getResultList());
    }

    public long countOfCustomer(Viewer viewer, long customerId) {
        staffOnly(viewer);
        customerService.get(viewer, customerId);
        return em.createQuery("select count(r) from SmsReply r where r.customerId = :customer", Long.class)
                .setParameter("customer", customerId).getSingleResult();
    }

    /** Whether this viewer sees unmatched replies (and mobiles unmasked). */
    public static boolean seesUnmatched(Viewer viewer) {
        return viewer.is(Role.ADMIN) || viewer.is(Role.SCHEDULER);
    }

    private record Filter(String where, Map<String, Object> params) {
    }

    private static Filter filter(Viewer viewer, Show show, String search) {
        staffOnly(viewer);
        Map<String, Object> params = new HashMap<>();
        StringBuilder where = new StringBuilder();
        Show s = show == null ? Show.ALL : show;
        if (s == Show.UNMATCHED && !seesUnmatched(viewer)) {
            throw BusinessException.forbidden("error.reply-unmatched-forbidden");
        }
        if (s == Show.UNMATCHED) {
            where.append("r.customerId is null");
        } else if (s == Show.MATCHED || !seesUnmatched(viewer)) {
            where.append("r.customerId is not null");
        } else {
            where.append("1 = 1");
        }
        if (!viewer.isAdmin()) {
            CustomerQueries.Subquery visible = CustomerQueries.visibleTo(viewer);
            where.append(" and (r.customerId is null or r.customerId in (").append(visible.hql()).append("))");
            params.putAll(visible.params().map());
        }
        if (search != null && !search.isBlank()) {
            where.append(" and (lower(r.text) like :search or r.mobile like :search)");
            params.put("search", "%" + search.strip().toLowerCase(Locale.ROOT).replace("%", "") + "%");
        }
        return new Filter(where.toString(), params);
    }

    private static void staffOnly(Viewer viewer) {
        if (viewer.isCustomer()) {
            throw BusinessException.forbidden("error.reply-forbidden");
        }
    }

    private List<ReplyRow> rows(Viewer viewer, List<Object[]> rows) {
        Map<Long, CustomerName> names = customers.names(rows.stream().map(r -> (Long) r[6])
                .filter(Objects::nonNull).distinct().toList());
        boolean unmasked = seesUnmatched(viewer);
        return rows.stream().map(r -> {
            Long customerId = (Long) r[6];
            CustomerName name = customerId == null ? null : names.get(customerId);
            String mobile = unmasked ? (String) r[3] : PersonalData.maskMobile((String) r[3]);
            return new ReplyRow((Long) r[0], (OffsetDateTime) r[1], (String) r[2], mobile, (String) r[4],
                    (String) r[5], customerId, name == null ? null : name.name(), (Long) r[7],
                    (ReplyMeaning) r[8], (Long) r[9], (Long) r[10], (String) r[11], purpose((String) r[12]),
                    (String) r[13], (String) r[14], (OffsetDateTime) r[15]);
        }).toList();
    }

    private static NoticePurpose purpose(String name) {
        return name == null ? null : NoticePurpose.valueOf(name);
    }
}
