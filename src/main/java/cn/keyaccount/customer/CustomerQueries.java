package cn.keyaccount.customer;

import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What other features read about customers, so that the {@code Customer} entity and its fields are written only in
 * this package (ArchitectureTest: {@code query_strings_name_no_entity_of_another_feature}). Two kinds:
 * <ul>
 * <li>plain records for what a feature computes with, each read in one statement for all the ids given (never one
 * per customer). They are not scoped: they serve the engines (outage and visit planning, the report batch) and the
 * caller has already decided what the viewer may see;</li>
 * <li>HQL pieces for another feature's list that filters, sorts and pages by customer in one SQL statement: a
 * {@link Subquery} of customer ids ({@code x.customerId in (…)}), or the columns of a {@link #joinedOn(String)
 * join}. They use the alias {@code c} for the customer (as {@link CustomerAccess.Scope} does) and parameter names
 * beginning with {@code customer} or {@code scope}; the caller's query must not use those.</li>
 * </ul>
 */
@ApplicationScoped
public class CustomerQueries {

    private final EntityManager em;

    CustomerQueries(EntityManager em) {
        this.em = em;
    }

    /** An HQL subquery of customer ids with its parameters: write {@code x.customerId in (hql)} and bind them. */
    public record Subquery(String hql, Parameters params) {

        /** Binds the subquery's parameters on the query that contains it. */
        public <T> TypedQuery<T> bind(TypedQuery<T> q) {
            params.map().forEach(q::setParameter);
            return q;
        }
    }

    /** The ids of the customers the viewer may see ({@link CustomerAccess}). */
    public static Subquery visibleTo(Viewer viewer) {
        CustomerAccess.Scope scope = CustomerAccess.scope(viewer);
        return new Subquery("select c.id from Customer c where " + scope.where(), scope.params());
    }

    /** The ids of the customers of a unit and the units below it, given by its path ("" for all). */
    public static Subquery inUnitPath(String unitPath) {
        return new Subquery("select c.id from Customer c where c.unit.path like :customerUnitPath",
                Parameters.with("customerUnitPath", unitPath + "%"));
    }

    /**
     * The customer of each row of another feature's list, joined in the same statement: add {@link Join#from()} to
     * the from clause, {@link Join#on()} to the where clause (and {@link CustomerAccess#scope} when the list is
     * scoped: it is on {@code c}), select {@link Join#columns()} and read them with {@link Listed#read}. The join
     * takes the aliases {@code c} (the customer) and {@code m} (its manager).
     */
    public static Join joinedOn(String customerIdExpression) {
        return new Join("Customer c left join c.manager m", "c.id = " + customerIdExpression,
                "c.id, c.accountNo, c.name, c.importance, c.supplyMode, m.displayName", "c.importance, c.name, c.id");
    }

    /** HQL pieces of {@link #joinedOn(String)}; {@code byImportanceAndName} is an order: most important first. */
    public record Join(String from, String on, String columns, String byImportanceAndName) {
    }

    /** A customer as another feature's list shows it: the columns of a {@link Join}. */
    public record Listed(long id, String accountNo, String name, Importance importance, SupplyMode supplyMode,
                         String managerName) {

        /** The customer's columns of a result row, starting at {@code at}. */
        public static Listed read(Object[] row, int at) {
            return new Listed((Long) row[at], (String) row[at + 1], (String) row[at + 2], (Importance) row[at + 3],
                    (SupplyMode) row[at + 4], (String) row[at + 5]);
        }
    }

    /** A customer fed by a supply line, one row per line of the customer. */
    public record OnLine(long customerId, SupplyMode supplyMode, Importance importance, long lineId,
                         String lineCode) {
    }

    /**
     * The customers fed by any of these lines, each with all of its lines (also those not given), in customer id and
     * line code order: what an outage needs to tell "out" from "one source out".
     */
    public List<OnLine> onLines(Collection<Long> lineIds) {
        if (lineIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select c.id, c.supplyMode, c.importance, l.id, l.code from Customer c "
                        + "join c.lines l where c.id in (select c2.id from Customer c2 join c2.lines l2 "
                        + "where l2.id in :cut) order by c.id, l.code", Object[].class)
                .setParameter("cut", lineIds).getResultStream()
                .map(r -> new OnLine((Long) r[0], (SupplyMode) r[1], (Importance) r[2], (Long) r[3], (String) r[4]))
                .toList();
    }

    /** A contact of a customer, found by its mobile: for matching an SMS a customer sent back (notice replies). */
    public record ContactOfCustomer(long contactId, long customerId, String contactName) {
    }

    /** The contacts whose mobile is exactly this one (11 digits, as contacts are stored), oldest first. */
    public List<ContactOfCustomer> contactsWithMobile(String mobile) {
        return em.createQuery("select k.id, k.customer.id, k.name from Contact k where k.mobile = :mobile "
                        + "order by k.id", Object[].class).setParameter("mobile", mobile).getResultStream()
                .map(r -> new ContactOfCustomer((Long) r[0], (Long) r[1], (String) r[2])).toList();
    }

    /** Id, 户号 and name of these customers, by id; unknown ids are left out. */
    public Map<Long, CustomerName> names(Collection<Long> ids) {
        Map<Long, CustomerName> names = new HashMap<>();
        if (ids.isEmpty()) {
            return names;
        }
        em.createQuery("select new cn.keyaccount.customer.CustomerName(c.id, c.accountNo, c.name) from Customer c "
                        + "where c.id in :ids", CustomerName.class).setParameter("ids", ids).getResultList()
                .forEach(n -> names.put(n.id(), n));
        return names;
    }

    /**
     * The names of these customers by the id of their primary manager, each list in name order; customers without a
     * manager are left out. Read in chunks of 10,000 ids (an outage may concern every customer).
     */
    public Map<Long, List<String>> namesByManager(Collection<Long> customerIds) {
        Map<Long, List<String>> byManager = new TreeMap<>();
        List<Long> ids = List.copyOf(customerIds);
        for (int from = 0; from < ids.size(); from += 10_000) {
            em.createQuery("select c.manager.id, c.name from Customer c where c.id in :ids and c.manager is not null "
                            + "order by c.name", Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 10_000))).getResultList()
                    .forEach(r -> byManager.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
        }
        return byManager;
    }

    /** A customer with its primary manager, tier and importance: what the visit planner needs. */
    public record Managed(long customerId, long managerId, Tier tier, Importance importance) {
    }

    /** The customers whose primary manager is one of these. */
    public List<Managed> managedBy(Collection<Long> managerIds) {
        return em.createQuery("select c.id, c.manager.id, c.tier, c.importance from Customer c "
                        + "where c.manager.id in :managers", Object[].class)
                .setParameter("managers", managerIds).getResultStream()
                .map(r -> new Managed((Long) r[0], (Long) r[1], (Tier) r[2], (Importance) r[3])).toList();
    }

    /** How many customers a manager looks after: as primary (in all and per tier) and as backup. */
    public record Load(long customers, long tierA, long tierB, long tierC, long backupFor) {
    }

    /** The load of each of these managers, every one of them (zeros for a manager without customers). */
    public Map<Long, Load> loadsOf(Collection<Long> managerIds) {
        if (managerIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, long[]> counts = new HashMap<>();
        managerIds.forEach(id -> counts.put(id, new long[5]));
        em.createQuery("select c.manager.id, c.tier, count(c) from Customer c where c.manager.id in :managers "
                        + "group by c.manager.id, c.tier", Object[].class).setParameter("managers", managerIds)
                .getResultList().forEach(r -> {
                    long[] n = counts.get((Long) r[0]);
                    long count = (Long) r[2];
                    n[0] += count;
                    if (r[1] instanceof Tier tier) {
                        n[1 + tier.ordinal()] += count;
                    }
                });
        em.createQuery("select c.backupManager.id, count(c) from Customer c where c.backupManager.id in :managers "
                        + "group by c.backupManager.id", Object[].class).setParameter("managers", managerIds)
                .getResultList().forEach(r -> counts.get((Long) r[0])[4] = (Long) r[1]);
        Map<Long, Load> loads = new HashMap<>();
        counts.forEach((id, n) -> loads.put(id, new Load(n[0], n[1], n[2], n[3], n[4])));
        return loads;
    }

    /** The next customer ids after {@code after}, in id order: a batch walking all customers. */
    public List<Long> idsAfter(long after, int limit) {
        return em.createQuery("select c.id from Customer c where c.id > :after order by c.id", Long.class)
                .setParameter("after", after).setMaxResults(limit).getResultList();
    }

    /** The ids of the customers the viewer may see, in no particular order (a customer user's few accounts). */
    public List<Long> visibleIds(Viewer viewer) {
        Subquery visible = visibleTo(viewer);
        return visible.bind(em.createQuery(visible.hql(), Long.class)).getResultList();
    }

    /** Whether the customer exists and the viewer may see it. */
    public boolean isVisible(Viewer viewer, long customerId) {
        CustomerAccess.Scope scope = CustomerAccess.scope(viewer);
        TypedQuery<Long> q = em.createQuery("select count(c) from Customer c where c.id = :customerId and "
                + scope.where(), Long.class).setParameter("customerId", customerId);
        scope.params().map().forEach(q::setParameter);
        return q.getSingleResult() > 0;
    }
}
