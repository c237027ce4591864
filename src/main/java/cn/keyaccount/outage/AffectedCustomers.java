package cn.keyaccount.outage;

import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.customer.Importance;
import cn.keyaccount.customer.SupplyMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.hibernate.Session;

/**
 * Which key customers an outage affects, from the customer ↔ supply-line mapping: every customer on a line that is
 * cut. A dual-supply customer with a line left in service is "one source out"; all its lines cut, it is out. The rows
 * are written in bulk (an outage on a busy substation affects thousands of customers).
 */
@ApplicationScoped
class AffectedCustomers {

    /** One affected customer as worked out, before any warning. */
    record Found(long customerId, Importance importance, Effect effect, String linesOut) {
    }

    /** A first warning remembered for a customer across a change of the outage. */
    record FirstWarningRecord(WarningClass warningClass, Long noticeId, OffsetDateTime plannedAt) {
    }

    private final CustomerQueries customers;
    private final EntityManager em;

    AffectedCustomers(CustomerQueries customers, EntityManager em) {
        this.customers = customers;
        this.em = em;
    }

    /** The customers on any of these lines, with their effect, in customer id order. */
    List<Found> find(Collection<Long> cutLines) {
        if (cutLines.isEmpty()) {
            return List.of();
        }
        List<CustomerQueries.OnLine> rows = customers.onLines(cutLines);
        Set<Long> cut = new HashSet<>(cutLines);
        Map<Long, List<CustomerQueries.OnLine>> byCustomer = new LinkedHashMap<>();
        rows.forEach(r -> byCustomer.computeIfAbsent(r.customerId(), k -> new ArrayList<>()).add(r));
        List<Found> found = new ArrayList<>(byCustomer.size());
        byCustomer.forEach((id, lines) -> {
            CustomerQueries.OnLine first = lines.getFirst();
            TreeSet<String> out = new TreeSet<>();
            boolean oneLeft = false;
            for (CustomerQueries.OnLine l : lines) {
                if (cut.contains(l.lineId())) {
                    out.add(l.lineCode());
                } else {
                    oneLeft = true;
                }
            }
            Effect effect = first.supplyMode() == SupplyMode.DUAL && oneLeft ? Effect.ONE_SOURCE_OUT : Effect.OUT;
            found.add(new Found(id, first.importance(), effect, String.join(" ", out)));
        });
        return found;
    }

    /**
     * Replaces the outage's affected rows, each with its customer's first warning where {@code first} has one (kept
     * across a change, or just scheduled), in one batch after the warnings rather than updated row by row.
     */
    void replace(long outageId, List<Found> found, Map<Long, FirstWarningRecord> first) {
        em.flush();
        em.createQuery("delete from AffectedCustomer a where a.outageId = :o").setParameter("o", outageId)
                .executeUpdate();
        em.unwrap(Session.class).doWork(c -> {
            try (PreparedStatement ps = c.prepareStatement("insert into outage_customer (outage_id, customer_id, "
                    + "effect, lines_out, warning_class, first_notice_id, first_planned_at) "
                    + "values (?, ?, ?, ?, ?, ?, ?)")) {
                int pending = 0;
                for (Found f : found) {
                    FirstWarningRecord w = first.get(f.customerId());
                    ps.setLong(1, outageId);
                    ps.setLong(2, f.customerId());
                    ps.setString(3, f.effect().name());
                    ps.setString(4, f.linesOut().length() > 300 ? f.linesOut().substring(0, 300) : f.linesOut());
                    ps.setString(5, w == null || w.warningClass() == null ? null : w.warningClass().name());
                    if (w == null || w.noticeId() == null) {
                        ps.setNull(6, Types.BIGINT);
                    } else {
                        ps.setLong(6, w.noticeId());
                    }
                    ps.setTimestamp(7, w == null || w.plannedAt() == null ? null
                            : Timestamp.from(w.plannedAt().toInstant()));
                    ps.addBatch();
                    if (++pending == 1000) {
                        ps.executeBatch();
                        pending = 0;
                    }
                }
                if (pending > 0) {
                    ps.executeBatch();
                }
            }
        });
    }

    /** The customers recorded as affected, with their effect (no importance), in customer id order. */
    List<Found> stored(long outageId) {
        return em.createQuery("select a.customerId, a.effect, a.linesOut from AffectedCustomer a "
                        + "where a.outageId = :o order by a.customerId", Object[].class).setParameter("o", outageId)
                .getResultStream().map(r -> new Found((Long) r[0], null, (Effect) r[1], (String) r[2])).toList();
    }

    /** The first warnings recorded so far, by customer. */
    Map<Long, FirstWarningRecord> firstWarnings(long outageId) {
        Map<Long, FirstWarningRecord> m = new LinkedHashMap<>();
        em.createQuery("select a.customerId, a.warningClass, a.firstNoticeId, a.firstPlannedAt from AffectedCustomer a "
                        + "where a.outageId = :o", Object[].class).setParameter("o", outageId).getResultList()
                .forEach(r -> m.put((Long) r[0], new FirstWarningRecord((WarningClass) r[1], (Long) r[2],
                        (OffsetDateTime) r[3])));
        return m;
    }

    /** Records the first warnings of customers already affected (an outage released), a statement per group. */
    void recordFirstWarnings(long outageId, Map<Long, FirstWarningRecord> first) {
        Map<FirstWarningRecord, List<Long>> byWarning = new LinkedHashMap<>();
        first.forEach((customer, w) -> byWarning.computeIfAbsent(w, k -> new ArrayList<>()).add(customer));
        byWarning.forEach((w, ids) -> {
            for (int from = 0; from < ids.size(); from += 10_000) {
                em.createNativeQuery("update outage_customer set warning_class = ?1, first_notice_id = ?2, "
                                + "first_planned_at = ?3, version = version + 1 "
                                + "where outage_id = ?4 and customer_id in (?5)")
                        .setParameter(1, w.warningClass().name()).setParameter(2, w.noticeId())
                        .setParameter(3, w.plannedAt()).setParameter(4, outageId)
                        .setParameter(5, ids.subList(from, Math.min(ids.size(), from + 10_000))).executeUpdate();
            }
        });
    }
}
