package cn.keyaccount.billing;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ImportMetrics;
import cn.keyaccount.base.Money;
import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.notice.Channel;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.notice.NoticeSummary;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Billing notices (电量电费短信服务): the monthly bill issuance import tells each account's billing contacts
 * (role 电费…) that the bill is out; unpaid bills get arrears reminders at the configured steps after the due date,
 * the last one final, until a payment import marks them paid; prepaid accounts get balance-change and low-balance
 * notices. Imports are all-or-nothing: any bad row and nothing is stored or sent.
 */
@ApplicationScoped
public class BillingService {

    static final String BILLING_ROLE = "电费";

    private final BillRepository bills;
    private final PrepaidAccountRepository prepaid;
    private final CustomerService customers;
    private final NoticeService notices;
    private final AuditService audit;
    private final BillingConfig config;
    private final EntityManager em;

    private final ImportMetrics importMetrics;

    BillingService(BillRepository bills, PrepaidAccountRepository prepaid, CustomerService customers,
                   NoticeService notices, AuditService audit, BillingConfig config, EntityManager em,
                   ImportMetrics importMetrics) {
        this.importMetrics = importMetrics;
        this.em = em;
        this.bills = bills;
        this.prepaid = prepaid;
        this.customers = customers;
        this.notices = notices;
        this.audit = audit;
        this.config = config;
    }

    /** Whether the viewer works with bills (administrators, supervisors, schedulers). */
    public static boolean handlesBills(Viewer viewer) {
        return viewer.isAdmin() || viewer.isSupervisor() || viewer.is(cn.keyaccount.security.Role.SCHEDULER);
    }

    private static void requireBilling(Viewer viewer) {
        if (!handlesBills(viewer)) {
            throw BusinessException.forbidden("error.billing-forbidden");
        }
    }

    /** Imports a month's bill issuance and schedules the "bill issued" notice; nothing at all on any bad row. */
    @Transactional
    public ImportReport importBills(Viewer viewer, String file, byte[] content) {
        ImportReport report = bills(viewer, file, content);
        importMetrics.imported(ImportMetrics.Kind.BILLS, report.rows(), report.problems().isEmpty());
        return report;
    }

    private ImportReport bills(Viewer viewer, String file, byte[] content) {
        requireBilling(viewer);
        BillFile.Parsed<BillFile.BillRow> parsed = BillFile.bills(file, content);
        if (beyondBounds(parsed.problems())) {
            return new ImportReport(file, 0, 0, parsed.problems(), null);
        }
        List<ImportProblem> problems = new ArrayList<>(parsed.problems());
        Map<String, Long> ids = accountIds(viewer, parsed.rows().stream().map(BillFile.BillRow::account));
        Set<String> stored = storedBills(ids.values(), parsed.rows().stream().map(BillFile.BillRow::period));
        Set<String> seen = new HashSet<>();
        for (BillFile.BillRow r : parsed.rows()) {
            if (problems.size() >= BillFile.MAX_PROBLEMS) {
                break;
            }
            Long id = ids.get(r.account());
            if (id == null) {
                problems.add(new ImportProblem(file, r.row(), "account", "billing.import.unknown-account",
                        r.account()));
            } else if (!seen.add(r.account() + "/" + r.period()) || stored.contains(id + "/" + r.period())) {
                problems.add(new ImportProblem(file, r.row(), "period", "billing.import.duplicate-bill",
                        r.account() + " " + r.period()));
            }
        }
        int rows = parsed.rows().size() + (int) parsed.problems().stream().map(ImportProblem::row).distinct().count();
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparingInt(ImportProblem::row));
            return new ImportReport(file, rows, 0, limited(problems), null);
        }
        insertBills(parsed.rows(), ids, viewer.username(), file);
        Map<Long, Map<String, String>> perCustomer = new LinkedHashMap<>();
        for (BillFile.BillRow r : parsed.rows()) {
            perCustomer.put(ids.get(r.account()), billValues(r.period(), r.kwhSharp().add(r.kwhPeak())
                    .add(r.kwhFlat()).add(r.kwhValley()), r.total(), r.dueDate(), null));
        }
        Long noticeId = null;
        if (!perCustomer.isEmpty()) {
            String period = parsed.rows().getFirst().period();
            noticeId = notices.schedule(viewer, NoticeRequest.toCustomers(NoticePurpose.BILLING, "bill-issued",
                    "电量电费发行 " + period + "（" + file + "）", List.copyOf(perCustomer.keySet()))
                    .contactRole(BILLING_ROLE).customerParameters(perCustomer).build()).id();
        }
        audit.record(viewer.username(), "BILLS_IMPORTED", "BILL", noticeId, null, viewer.unitPath(),
                file + ": " + parsed.rows().size(), null, null);
        return new ImportReport(file, rows, parsed.rows().size(), List.of(), noticeId);
    }

    /** Imports payments: each marks its bill paid, which stops its arrears reminders. All-or-nothing. */
    @Transactional
    public ImportReport importPayments(Viewer viewer, String file, byte[] content) {
        ImportReport report = payments(viewer, file, content);
        importMetrics.imported(ImportMetrics.Kind.PAYMENTS, report.rows(), report.problems().isEmpty());
        return report;
    }

    private ImportReport payments(Viewer viewer, String file, byte[] content) {
        requireBilling(viewer);
        BillFile.Parsed<BillFile.PaymentRow> parsed = BillFile.payments(file, content);
        if (beyondBounds(parsed.problems())) {
            return new ImportReport(file, 0, 0, parsed.problems(), null);
        }
        List<ImportProblem> problems = new ArrayList<>(parsed.problems());
        Map<String, Long> ids = accountIds(viewer, parsed.rows().stream().map(BillFile.PaymentRow::account));
        Map<String, StoredBill> stored = billsOf(ids.values(),
                parsed.rows().stream().map(BillFile.PaymentRow::period));
        List<Payment> changes = new ArrayList<>();
        for (BillFile.PaymentRow r : parsed.rows()) {
            if (problems.size() >= BillFile.MAX_PROBLEMS) {
                break;
            }
            Long id = ids.get(r.account());
            StoredBill bill = id == null ? null : stored.get(id + "/" + r.period());
            if (id == null) {
                problems.add(new ImportProblem(file, r.row(), "account", "billing.import.unknown-account",
                        r.account()));
            } else if (bill == null) {
                problems.add(new ImportProblem(file, r.row(), "period", "billing.import.unknown-bill",
                        r.account() + " " + r.period()));
            } else if (r.amount().compareTo(bill.total()) < 0) {
                problems.add(new ImportProblem(file, r.row(), "amount", "billing.import.partial-payment",
                        r.amount().toPlainString()));
            } else {
                changes.add(new Payment(bill.id(), r.paidAt(), r.amount()));
            }
        }
        if (!problems.isEmpty()) {
            return new ImportReport(file, parsed.rows().size(), 0, limited(problems), null);
        }
        pay(changes);
        audit.record(viewer.username(), "PAYMENTS_IMPORTED", "BILL", null, null, viewer.unitPath(),
                file + ": " + changes.size(), null, null);
        return new ImportReport(file, parsed.rows().size(), changes.size(), List.of(), null);
    }

    /** Rows a file may hold beyond PostgreSQL's 65,535 bind parameters: look-ups go in chunks of this many. */
    private static final int CHUNK = 5_000;

    /** A file beyond the import's bounds (rows, cell size, unpacked size) is refused before any row is looked up. */
    private static boolean beyondBounds(List<ImportProblem> problems) {
        return problems.stream().anyMatch(p -> p.key().startsWith("import."));
    }

    private static List<ImportProblem> limited(List<ImportProblem> problems) {
        return problems.size() <= BillFile.MAX_PROBLEMS ? problems
                : List.copyOf(problems.subList(0, BillFile.MAX_PROBLEMS));
    }

    /** The viewer's customers by account number, asked in chunks so that no query passes the bind limit. */
    private Map<String, Long> accountIds(Viewer viewer, java.util.stream.Stream<String> accounts) {
        List<String> distinct = accounts.distinct().toList();
        Map<String, Long> ids = new HashMap<>();
        for (int i = 0; i < distinct.size(); i += CHUNK) {
            ids.putAll(customers.idsByAccountNo(viewer, distinct.subList(i, Math.min(distinct.size(), i + CHUNK))));
        }
        return ids;
    }

    private record StoredBill(long id, BigDecimal total) {
    }

    private record Payment(long billId, LocalDate paidAt, BigDecimal amount) {
    }

    /** "customerId/period" of every stored bill of these customers in these periods. */
    private Set<String> storedBills(java.util.Collection<Long> customerIds, java.util.stream.Stream<String> periods) {
        return billsOf(customerIds, periods).keySet();
    }

    /** The stored bills of these customers in these periods by "customerId/period"; arrays keep it one query. */
    private Map<String, StoredBill> billsOf(java.util.Collection<Long> customerIds,
                                            java.util.stream.Stream<String> periods) {
        Map<String, StoredBill> found = new HashMap<>();
        if (customerIds.isEmpty()) {
            return found;
        }
        String[] distinctPeriods = periods.distinct().toArray(String[]::new);
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("select id, customer_id, period, total from bill "
                    + "where customer_id = any(?) and period = any(?)")) {
                ps.setArray(1, c.createArrayOf("bigint", customerIds.toArray()));
                ps.setArray(2, c.createArrayOf("varchar", distinctPeriods));
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        found.put(rs.getLong(2) + "/" + rs.getString(3),
                                new StoredBill(rs.getLong(1), rs.getBigDecimal(4)));
                    }
                }
            }
        });
        return found;
    }

    /** Writes the bills in JDBC batches: a file of 200,000 rows would not fit one session's memory as entities. */
    private void insertBills(List<BillFile.BillRow> rows, Map<String, Long> ids, String issuedBy, String file) {
        em.flush();
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("insert into bill (customer_id, period, "
                    + "kwh_sharp, kwh_peak, kwh_flat, kwh_valley, basic_charge, pf_adjustment, total, due_date, "
                    + "issued_at, issued_by, source_file) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, now(), ?, ?)")) {
                int n = 0;
                for (BillFile.BillRow r : rows) {
                    ps.setLong(1, ids.get(r.account()));
                    ps.setString(2, r.period());
                    ps.setBigDecimal(3, r.kwhSharp());
                    ps.setBigDecimal(4, r.kwhPeak());
                    ps.setBigDecimal(5, r.kwhFlat());
                    ps.setBigDecimal(6, r.kwhValley());
                    ps.setBigDecimal(7, r.basicCharge());
                    ps.setBigDecimal(8, r.pfAdjustment());
                    ps.setBigDecimal(9, r.total());
                    ps.setObject(10, r.dueDate());
                    ps.setString(11, issuedBy);
                    ps.setString(12, file);
                    ps.addBatch();
                    if (++n % 1_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    /** Marks the bills paid in JDBC batches, each a new version (as the entity's update would). */
    private void pay(List<Payment> payments) {
        em.flush();
        em.unwrap(org.hibernate.Session.class).doWork(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("update bill set paid_at = ?, paid_amount = ?, "
                    + "version = version + 1 where id = ?")) {
                int n = 0;
                for (Payment p : payments) {
                    ps.setObject(1, p.paidAt());
                    ps.setBigDecimal(2, p.amount());
                    ps.setLong(3, p.billId());
                    ps.addBatch();
                    if (++n % 1_000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
        });
    }

    /**
     * Sends the arrears reminders due on {@code today}: an unpaid bill past a step (due date + 3, 10, 20 days by
     * default) gets the reminder of the highest step it reached, once; the last step is the final notice. Run
     * daily by the {@code arrears-escalation} job.
     */
    @Transactional
    public int escalateArrears(LocalDate today) {
        List<java.time.Period> steps = config.arrearsSteps();
        Map<Integer, Map<Long, Map<String, String>>> byStep = new HashMap<>();
        for (Bill b : bills.list("paidAt is null and dueDate < ?1", today)) {
            int reached = 0;
            for (int i = 0; i < steps.size(); i++) {
                if (!today.isBefore(b.getDueDate().plus(steps.get(i)))) {
                    reached = i + 1;
                }
            }
            if (reached > b.getRemindersSent()) {
                Map<String, String> values = billValues(b, today);
                byStep.computeIfAbsent(reached, k -> new LinkedHashMap<>()).merge(b.getCustomerId(), values,
                        (a, c) -> a);
                b.remindersSent(reached);
            }
        }
        int sent = 0;
        for (Map.Entry<Integer, Map<Long, Map<String, String>>> e : byStep.entrySet()) {
            boolean last = e.getKey() == steps.size();
            notices.schedule(Viewer.system(), NoticeRequest.toCustomers(
                    last ? NoticePurpose.ARREARS_FINAL : NoticePurpose.ARREARS,
                    last ? "arrears-final" : "arrears-reminder",
                    (last ? "欠费最终催缴 " : "欠费提醒（第" + e.getKey() + "次）") + today,
                    List.copyOf(e.getValue().keySet())).contactRole(BILLING_ROLE).customerParameters(e.getValue())
                    .build());
            sent += e.getValue().size();
        }
        return sent;
    }

    /** A prepaid balance (yuan) and its warning level: ±10 billion, inside numeric(14,2) with room to spare. */
    public static final String MAX_BALANCE_YUAN = "10000000000";

    /**
     * Records a prepaid account's new balance: a balance-change notice, and a low-balance notice when the balance
     * falls below the warning level (once per crossing).
     */
    @Transactional
    public List<NoticeSummary> recordBalance(Viewer viewer, long customerId, BigDecimal balance,
                                             BigDecimal lowThreshold) {
        requireBilling(viewer);
        CustomerDetails c = customers.get(viewer, customerId);
        new Validation().require(balance != null, "balance", "error.required")
                .range(balance, "-" + MAX_BALANCE_YUAN, MAX_BALANCE_YUAN, "balance")
                .range(lowThreshold, "0", MAX_BALANCE_YUAN, "lowThreshold")
                .throwIfInvalid();
        PrepaidAccount account = prepaid.find("customerId", customerId).firstResult();
        BigDecimal before = account == null ? null : account.getBalance();
        BigDecimal threshold = lowThreshold != null ? lowThreshold
                : account != null ? account.getLowThreshold() : config.lowBalanceThreshold();
        if (account == null) {
            account = new PrepaidAccount(customerId, balance, threshold);
            prepaid.persist(account);
        } else {
            account.update(balance, lowThreshold);
        }
        List<NoticeSummary> sent = new ArrayList<>();
        BigDecimal change = before == null ? balance : balance.subtract(before);
        Map<String, String> values = Map.of("change", (change.signum() > 0 ? "+" : "") + change.toPlainString(),
                "balance", balance.toPlainString(), "threshold", threshold.toPlainString());
        if (change.signum() != 0) {
            sent.add(notices.schedule(viewer, NoticeRequest.toCustomers(NoticePurpose.BALANCE, "balance-change",
                    "电费余额变动 " + c.accountNo(), List.of(customerId)).contactRole(BILLING_ROLE).parameters(values)
                    .build()));
        }
        boolean crossed = balance.compareTo(threshold) < 0 && (before == null || before.compareTo(threshold) >= 0);
        if (crossed) {
            sent.add(notices.schedule(viewer, NoticeRequest.toCustomers(NoticePurpose.BALANCE, "low-balance",
                    "电费余额不足 " + c.accountNo(), List.of(customerId)).contactRole(BILLING_ROLE)
                    .channels(java.util.Set.of(Channel.SMS, Channel.EMAIL, Channel.PORTAL)).parameters(values)
                    .build()));
        }
        return sent;
    }

    /**
     * Bills of the viewer's unit and below (all for an administrator), newest period first, paged in SQL;
     * optionally only unpaid ones. For the billing screen of schedulers and supervisors.
     */
    @Transactional
    public List<BillDetails> list(Viewer viewer, boolean unpaidOnly, int offset, int limit) {
        requireBilling(viewer);
        CustomerQueries.Subquery inUnit = CustomerQueries.inUnitPath(viewer.isAdmin() ? "" : viewer.unitPath());
        var q = inUnit.bind(em.createQuery("select b from Bill b where b.customerId in (" + inUnit.hql() + ")"
                + (unpaidOnly ? " and b.paidAt is null" : "") + " order by b.period desc, b.id desc", Bill.class));
        return views(viewer, q.setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    public long count(Viewer viewer, boolean unpaidOnly) {
        requireBilling(viewer);
        CustomerQueries.Subquery inUnit = CustomerQueries.inUnitPath(viewer.isAdmin() ? "" : viewer.unitPath());
        return inUnit.bind(em.createQuery("select count(b) from Bill b where b.customerId in (" + inUnit.hql() + ")"
                + (unpaidOnly ? " and b.paidAt is null" : ""), Long.class)).getSingleResult();
    }

    /** How many of the customer's bills are unpaid past their due date (the customer card; 404 out of reach). */
    public long arrearsOf(Viewer viewer, long customerId, LocalDate today) {
        requireBilling(viewer);
        customers.get(viewer, customerId);
        return em.createQuery("select count(b) from Bill b where b.customerId = :customer and b.paidAt is null "
                + "and b.dueDate < :today", Long.class).setParameter("customer", customerId)
                .setParameter("today", today).getSingleResult();
    }

    /** The bills of one customer, newest first (404 when out of reach); read fresh in a transaction of its own. */
    @Transactional
    public List<BillDetails> ofCustomer(Viewer viewer, long customerId) {
        customers.get(viewer, customerId);
        return views(viewer, bills.list("customerId = ?1 order by period desc", customerId));
    }

    private List<BillDetails> views(Viewer viewer, List<Bill> page) {
        Map<Long, CustomerDetails> byId = new HashMap<>();
        customers.detailsOf(viewer, page.stream().map(Bill::getCustomerId).distinct().toList())
                .forEach(d -> byId.put(d.id(), d));
        return page.stream().filter(b -> byId.containsKey(b.getCustomerId())).map(b -> {
            CustomerDetails d = byId.get(b.getCustomerId());
            return new BillDetails(b.getId(), b.getCustomerId(), d.accountNo(), d.name(), b.getPeriod(), b.kwh(),
                    b.getBasicCharge(), b.getPfAdjustment(), b.getTotal(), b.getDueDate(), b.getPaidAt(),
                    b.getRemindersSent());
        }).toList();
    }

    private static Map<String, String> billValues(Bill b, LocalDate today) {
        return billValues(b.getPeriod(), b.kwh(), b.getTotal(), b.getDueDate(), today);
    }

    private static Map<String, String> billValues(String period, BigDecimal kwh, BigDecimal total, LocalDate due,
                                                  LocalDate today) {
        Map<String, String> v = new HashMap<>();
        v.put("period", period);
        v.put("kwh", Money.grouped(kwh));
        v.put("total", Money.yuan(total));
        v.put("dueDate", due.toString());
        if (today != null) {
            v.put("daysOverdue", Long.toString(ChronoUnit.DAYS.between(due, today)));
        }
        return v;
    }
}
