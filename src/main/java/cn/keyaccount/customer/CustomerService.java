package cn.keyaccount.customer;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.network.LineDetails;
import cn.keyaccount.network.NetworkService;
import cn.keyaccount.org.OrgUnit;
import cn.keyaccount.security.AppUser;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;

/**
 * Key customers: the profile and its changes (each audited), and the list, whose search is {@link CustomerListSearch}.
 */
@ApplicationScoped
public class CustomerService {

    /** Ids per {@code in} list when reading many customers at once (a bind parameter each). */
    static final int IN_CHUNK = 5_000;

    /** Counts stop here: a count above it means "more than this many". */
    public static final int COUNT_LIMIT = 1_000;

    private final CustomerRepository customers;
    private final CustomerAccess access;
    private final CustomerValidator validator;
    private final NetworkService network;
    private final AuditService audit;
    private final UserService users;
    private final EntityManager em;
    private final CustomerListSearch list;

    CustomerService(CustomerRepository customers, CustomerAccess access, CustomerValidator validator,
                    NetworkService network, AuditService audit, UserService users, EntityManager em,
                    CustomerListSearch list) {
        this.customers = customers;
        this.access = access;
        this.validator = validator;
        this.network = network;
        this.audit = audit;
        this.users = users;
        this.em = em;
        this.list = list;
    }

    /**
     * One page of the list, filtered, sorted and paged in SQL within what the viewer may see ({@link
     * CustomerListSearch}: how a page of a text search is read).
     */
    public List<CustomerRow> search(Viewer viewer, CustomerSearch search, CustomerSearch.Order order, int offset,
                                    int limit) {
        return list.search(viewer, search, order, offset, limit);
    }

    /** A page and how many match in all (capped as in {@link #count}): what the REST list answers. */
    public CustomerPage page(Viewer viewer, CustomerSearch search, CustomerSearch.Order order, int offset,
                             int limit) {
        return list.page(viewer, search, order, offset, limit);
    }

    /** A page of the list and the number of matches, or -1 when it is not known yet. */
    public record CustomerPage(List<CustomerRow> rows, long total) {
    }

    /**
     * How many customers match, counted exactly up to {@link #COUNT_LIMIT}; {@code COUNT_LIMIT + 1} means "more than
     * that" and the list says so.
     */
    public long count(Viewer viewer, CustomerSearch search) {
        return list.count(viewer, search);
    }

    /** For tests: a small window lets a few customers show both ways of reading a page. */
    void walkWindow(int customers) {
        list.walkWindow(customers);
    }

    /** For tests: how many matches are few enough to be fetched by word without a walk. */
    void fewMatches(int matches) {
        list.fewMatches(matches);
    }

    /** For tests: how many customers are walked before the buckets are read (0: none). */
    void walkBeforeBuckets(int customers) {
        list.walkBeforeBuckets(customers);
    }

    /** For tests: how many pages were read bucket by bucket so far. */
    long bucketPages() {
        return list.bucketPages();
    }

    /** For tests: how many counts came from the counts of recent searches (V44). */
    long countedHits() {
        return list.countedHits();
    }

    public CustomerDetails get(Viewer viewer, long id) {
        Customer c = access.visible(viewer, id);
        return details(c, access.canEdit(viewer, c));
    }

    /** Details of many customers in one query, in the order given (for exports); invisible ids are left out. */
    @Transactional
    public List<CustomerDetails> detailsOf(Viewer viewer, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, Customer> byId = new java.util.HashMap<>();
        em.createQuery("select distinct c from Customer c join fetch c.unit left join fetch c.manager "
                        + "left join fetch c.backupManager left join fetch c.lines l left join fetch l.substation "
                        + "where c.id in :ids", Customer.class)
                .setParameter("ids", ids).getResultList().forEach(c -> byId.put(c.getId(), c));
        return ids.stream().map(byId::get).filter(c -> c != null && access.canSee(viewer, c))
                .map(c -> details(c, access.canEdit(viewer, c))).toList();
    }

    /**
     * Id, 户号 and name of those of these customers the viewer may see, in no particular order: what the notice engine
     * needs of thousands of recipients, read as plain values in SQL (scope included) rather than as entities.
     */
    public List<CustomerName> namesOf(Viewer viewer, Collection<Long> ids) {
        List<Long> all = List.copyOf(new java.util.LinkedHashSet<>(ids));
        List<CustomerName> names = new ArrayList<>(all.size());
        CustomerAccess.Scope scope = CustomerAccess.scope(viewer);
        for (int from = 0; from < all.size(); from += IN_CHUNK) {
            TypedQuery<CustomerName> q = em.createQuery("select new cn.keyaccount.customer.CustomerName(c.id, "
                    + "c.accountNo, c.name) from Customer c where c.id in :ids and " + scope.where(),
                    CustomerName.class).setParameter("ids", all.subList(from, Math.min(all.size(), from + IN_CHUNK)));
            scope.params().map().forEach(q::setParameter);
            names.addAll(q.getResultList());
        }
        return names;
    }

    /**
     * Customer ids by 户号 among the customers the viewer may see, for imports that name accounts (bills, payments);
     * an account that is absent or out of reach is simply missing from the map.
     */
    public Map<String, Long> idsByAccountNo(Viewer viewer, Collection<String> accountNos) {
        if (accountNos.isEmpty()) {
            return Map.of();
        }
        CustomerAccess.Scope scope = CustomerAccess.scope(viewer);
        TypedQuery<Object[]> q = em.createQuery("select c.accountNo, c.id from Customer c where c.accountNo in "
                + ":accounts and " + scope.where(), Object[].class).setParameter("accounts", accountNos);
        scope.params().map().forEach(q::setParameter);
        Map<String, Long> ids = new java.util.HashMap<>();
        q.getResultList().forEach(row -> ids.put((String) row[0], (Long) row[1]));
        return ids;
    }

    /** The accounts a customer user holds, for the portal. */
    public List<CustomerDetails> ownAccounts(Viewer viewer) {
        return search(viewer, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 100).stream()
                .map(row -> get(viewer, row.id())).toList();
    }

    @Transactional
    public CustomerDetails create(Viewer viewer, CustomerDraft draft) {
        if (!(viewer.isAdmin() || viewer.isSupervisor())) {
            throw BusinessException.forbidden("error.customer-create-forbidden");
        }
        OrgUnit unit = validator.validate(viewer, draft, null);
        Customer c = new Customer(draft.getAccountNo().trim());
        c.apply(draft, unit, new HashSet<>(network.linesForSupply(draft.getLineIds())));
        customers.persistAndFlush(c);
        audit.record(viewer.username(), "CUSTOMER_CREATED", "CUSTOMER", c.getId(), c.getId(), unit.getPath(),
                c.getAccountNo() + " " + c.getName(), null, snapshot(c));
        return details(c, true);
    }

    @Transactional
    public CustomerDetails update(Viewer viewer, long id, CustomerDraft draft) {
        Customer c = access.editable(viewer, id);
        requireVersion(draft.getVersion(), c.getVersion());
        OrgUnit unit = validator.validate(viewer, draft, c);
        Map<String, Object> before = snapshot(c);
        c.apply(draft, unit, new HashSet<>(network.linesForSupply(draft.getLineIds())));
        customers.flush();
        audit.record(viewer.username(), "CUSTOMER_UPDATED", "CUSTOMER", c.getId(), c.getId(), unit.getPath(),
                c.getAccountNo() + " " + c.getName(), before, snapshot(c));
        return details(c, true);
    }

    /**
     * Sets the current primary and backup manager of customers. For the assignment feature only, which keeps the
     * history and checks who may assign; called inside its transaction.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void setCurrentManagers(Collection<Long> customerIds, AppUser primary, AppUser backup) {
        for (Customer c : customers.list("id in ?1", customerIds)) {
            c.assignManagers(primary, backup);
        }
        customers.flush();
    }

    /** Customers by id that the viewer may change, for bulk operations; any other id is reported as absent. */
    public List<Customer> editableCustomers(Viewer viewer, Collection<Long> ids) {
        return ids.stream().distinct().map(id -> access.editable(viewer, id)).toList();
    }

    /** Grants a customer-portal user access to an account. */
    @Transactional
    public void grantPortalAccess(Viewer viewer, long customerId, long userId) {
        Customer c = access.editable(viewer, customerId);
        AppUser user = users.account(userId);
        if (user.getRole() != Role.CUSTOMER) {
            throw BusinessException.invalid("error.portal-user-role");
        }
        c.getPortalUsers().add(user);
        audit.record(viewer.username(), "PORTAL_ACCESS_GRANTED", "CUSTOMER", c.getId(), c.getId(),
                c.getUnit().getPath(), user.getUsername() + " → " + c.getAccountNo(), null, null);
    }

    static void requireVersion(Long seen, long current) {
        if (seen != null && seen != current) {
            throw BusinessException.conflict("error.stale");
        }
    }

    static CustomerDetails details(Customer c, boolean editable) {
        List<LineDetails> lines = c.getLines().stream().map(LineDetails::of)
                .sorted(Comparator.comparing(LineDetails::code)).toList();
        AppUser m = c.getManager();
        AppUser b = c.getBackupManager();
        return new CustomerDetails(c.getId(), c.getVersion(), c.getAccountNo(), c.getName(), c.getCreditCode(),
                c.getIndustryCode(), c.getIndustryName(), c.getAddress(), c.getDistrict(), c.getUnit().getId(),
                c.getUnit().getName(), c.getVoltageKv(), c.getContractCapacityKva(), c.getOperatingCapacityKva(),
                c.getSupplyMode(), c.getImportance(), c.getTariffCategory(), c.getBasicChargeMode(),
                c.getPowerFactorStandard(), c.getCreditRating(), c.getAnnualKwh(), c.getAnnualRevenueYuan(),
                c.getGrowthRate(), c.getTier(), m == null ? null : m.getId(), m == null ? null : m.getDisplayName(),
                b == null ? null : b.getId(), b == null ? null : b.getDisplayName(), lines, c.getUpdatedAt(),
                editable);
    }

    static Map<String, Object> snapshot(Customer c) {
        Map<String, Object> s = new java.util.LinkedHashMap<>();
        s.put("accountNo", c.getAccountNo());
        s.put("name", c.getName());
        s.put("creditCode", c.getCreditCode());
        s.put("industry", c.getIndustryCode() + " " + c.getIndustryName());
        s.put("address", c.getAddress());
        s.put("district", c.getDistrict());
        s.put("unit", c.getUnit().getName());
        s.put("voltageKv", c.getVoltageKv());
        s.put("contractCapacityKva", c.getContractCapacityKva());
        s.put("operatingCapacityKva", c.getOperatingCapacityKva());
        s.put("supplyMode", c.getSupplyMode());
        s.put("importance", c.getImportance());
        s.put("tariffCategory", c.getTariffCategory());
        s.put("basicChargeMode", c.getBasicChargeMode());
        s.put("powerFactorStandard", c.getPowerFactorStandard());
        s.put("creditRating", c.getCreditRating());
        s.put("annualKwh", c.getAnnualKwh());
        s.put("annualRevenueYuan", c.getAnnualRevenueYuan());
        s.put("growthRate", c.getGrowthRate());
        s.put("tier", c.getTier());
        s.put("lines", c.getLines().stream().map(l -> l.getCode()).sorted().toList());
        return s;
    }
}
