package cn.keyaccount.billing;

import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a workbench shows about bills, scoped to the customers the viewer may see ({@link CustomerQueries#visibleTo}):
 * the customers in arrears (unpaid bills past their due date), and for a customer user each account's latest bill,
 * what is unpaid and the prepaid balance.
 */
@ApplicationScoped
public class BillAlerts {

    private final EntityManager em;
    private final Clock clock;

    BillAlerts(Clock clock, EntityManager em) {
        this.clock = clock;
        this.em = em;
    }

    /** A customer in arrears: the unpaid amount past due, the oldest due date, how many bills. */
    public record ArrearsSummary(long customerId, String accountNo, String customerName, BigDecimal amount,
                                 LocalDate oldestDue, long bills) {
    }

    /** The customers in arrears, the oldest debt first; at most {@code limit}, in one statement. */
    public List<ArrearsSummary> arrears(Viewer viewer, int limit) {
        CustomerQueries.Subquery visible = CustomerQueries.visibleTo(viewer);
        CustomerQueries.Join customer = CustomerQueries.joinedOn("b.customerId");
        return visible.bind(em.createQuery("select " + customer.columns() + ", sum(b.total), min(b.dueDate), count(b) "
                        + "from Bill b, " + customer.from() + " where " + customer.on() + " and b.customerId in ("
                        + visible.hql() + ") and b.paidAt is null and b.dueDate < :today group by " + customer.columns()
                        + " order by min(b.dueDate), sum(b.total) desc", Object[].class))
                .setParameter("today", LocalDate.now(clock)).setMaxResults(limit).getResultStream().map(r -> {
                    CustomerQueries.Listed c = CustomerQueries.Listed.read(r, 0);
                    return new ArrearsSummary(c.id(), c.accountNo(), c.name(), (BigDecimal) r[6], (LocalDate) r[7],
                            (Long) r[8]);
                }).toList();
    }

    /** How many customers are in arrears. */
    public long countArrears(Viewer viewer) {
        CustomerQueries.Subquery visible = CustomerQueries.visibleTo(viewer);
        return visible.bind(em.createQuery("select count(distinct b.customerId) from Bill b where b.customerId in ("
                        + visible.hql() + ") and b.paidAt is null and b.dueDate < :today", Long.class))
                .setParameter("today", LocalDate.now(clock)).getSingleResult();
    }

    /** One account's bills as its customer sees them first: the latest bill, what is unpaid, the prepaid balance. */
    public record AccountBillSummary(long customerId, String period, BigDecimal total, LocalDate dueDate,
                                     LocalDate paidAt, BigDecimal unpaid, BigDecimal overdue,
                                     BigDecimal prepaidBalance) {
    }

    /** For each account in reach that has a bill or a prepaid account (a customer user's own), by account. */
    public List<AccountBillSummary> accounts(Viewer viewer) {
        CustomerQueries.Subquery visible = CustomerQueries.visibleTo(viewer);
        LocalDate today = LocalDate.now(clock);
        Map<Long, List<Bill>> bills = new LinkedHashMap<>();
        visible.bind(em.createQuery("select b from Bill b where b.customerId in (" + visible.hql()
                        + ") order by b.customerId, b.period desc", Bill.class)).setMaxResults(1000)
                .getResultStream().forEach(b -> bills.computeIfAbsent(b.getCustomerId(), k -> new ArrayList<>()).add(b));
        Map<Long, BigDecimal> balances = new HashMap<>();
        visible.bind(em.createQuery("select p from PrepaidAccount p where p.customerId in (" + visible.hql() + ")",
                PrepaidAccount.class)).getResultStream().forEach(p -> balances.put(p.getCustomerId(), p.getBalance()));
        List<Long> ids = new ArrayList<>(bills.keySet());
        balances.keySet().stream().filter(id -> !bills.containsKey(id)).sorted().forEach(ids::add);
        return ids.stream().map(id -> {
            List<Bill> list = bills.getOrDefault(id, List.of());
            Bill latest = list.isEmpty() ? null : list.getFirst();
            BigDecimal unpaid = list.stream().filter(b -> b.getPaidAt() == null).map(Bill::getTotal)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            BigDecimal overdue = list.stream().filter(b -> b.getPaidAt() == null && b.getDueDate().isBefore(today))
                    .map(Bill::getTotal).reduce(BigDecimal.ZERO, BigDecimal::add);
            return new AccountBillSummary(id, latest == null ? null : latest.getPeriod(),
                    latest == null ? null : latest.getTotal(), latest == null ? null : latest.getDueDate(),
                    latest == null ? null : latest.getPaidAt(), unpaid, overdue, balances.get(id));
        }).toList();
    }
}
