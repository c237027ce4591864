package cn.keyaccount.customer;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.network.LineView;
import cn.keyaccount.network.NetworkService;
import cn.keyaccount.org.OrgUnit;
import cn.keyaccount.org.OrgUnitQueries;
import cn.keyaccount.security.AppUser;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Parameters;
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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Key customers: the scoped, paged search of the list, the profile, and its changes (each audited). */
@ApplicationScoped
public class CustomerService {

    private static final String ROW = "select new cn.keyaccount.customer.CustomerRow(c.id, c.accountNo, c.name, "
            + "c.industryName, c.district, u.name, c.voltageKv, c.contractCapacityKva, c.importance, c.tier, "
            + "c.annualKwh, m.id, m.displayName) from Customer c join c.unit u left join c.manager m";

    /** Where a page of the list is looked for: the narrow search copy of the customers (V13). */
    private static final String SEARCHED = " from CustomerSearchEntry c";

    /** Ids per {@code in} list when reading many customers at once (a bind parameter each). */
    static final int IN_CHUNK = 5_000;

    /** Counts stop here: a count above it means "more than this many". */
    public static final int COUNT_LIMIT = 1_000;

    /** How many customers a text search walks in sort order before it fetches its matches by word instead. */
    static final int WALK_WINDOW = 2_000;

    private volatile int walkWindow = WALK_WINDOW;

    private final CustomerRepository customers;
    private final CustomerAccess access;
    private final CustomerValidator validator;
    private final NetworkService network;
    private final AuditService audit;
    private final UserService users;
    private final EntityManager em;

    CustomerService(CustomerRepository customers, CustomerAccess access, CustomerValidator validator,
                    NetworkService network, AuditService audit, UserService users, EntityManager em) {
        this.customers = customers;
        this.access = access;
        this.validator = validator;
        this.network = network;
        this.audit = audit;
        this.users = users;
        this.em = em;
    }

    /**
     * One page of the list, filtered, sorted and paged in SQL within what the viewer may see.
     *
     * <p>A page of a text search is read in two ways, because PostgreSQL cannot know where in the sort order the
     * matches of a word lie. First the sort index is walked for at most {@link #WALK_WINDOW} customers and the word
     * tested on each: enough when the matches are spread through the list (most words). When the window holds too
     * few matches — a word whose customers cluster at the far end of the order, like a district's name sorted by
     * name — the matches are fetched through the word index and sorted instead, which costs in proportion to their
     * number rather than to how far away they are (BENCHMARKS.md: 清河 by name 430 ms → 70 ms).
     */
    public List<CustomerRow> search(Viewer viewer, CustomerSearch search, CustomerSearch.Order order, int offset,
                                    int limit) {
        return read(viewer, search, order, offset, limit, false).rows();
    }

    /**
     * A page and how many match in all (capped as in {@link #count}): what the REST list answers. When the page had
     * to fetch all matches by word and sort them, it counts them on the way and no second query is needed.
     */
    public CustomerPage page(Viewer viewer, CustomerSearch search, CustomerSearch.Order order, int offset,
                             int limit) {
        CustomerPage page = read(viewer, search, order, offset, limit, true);
        if (page.total() >= 0) {
            return page;
        }
        // a first page that is not full already says how many match
        long total = offset == 0 && page.rows().size() < limit ? page.rows().size() : count(viewer, search);
        return new CustomerPage(page.rows(), total);
    }

    /** A page of the list and the number of matches, or -1 when it is not known yet. */
    public record CustomerPage(List<CustomerRow> rows, long total) {
    }

    private CustomerPage read(Viewer viewer, CustomerSearch search, CustomerSearch.Order order, int offset, int limit,
                              boolean wantTotal) {
        Where where = where(viewer, search);
        CustomerSearch.Order o = order == null ? CustomerSearch.Order.DEFAULT : order;
        String dir = o.descending() ? " desc" : " asc";
        String byKey = " order by " + o.by().path + dir + ", c.id" + dir;
        if (viewer.role() == Role.CUSTOMER) {
            // a customer user's own accounts, a handful: straight from the customer rows
            String hql = ROW + " where " + where.allOnCustomer() + byKey;
            return new CustomerPage(where.bind(em.createQuery(hql, CustomerRow.class), hql).setFirstResult(offset)
                    .setMaxResults(limit).getResultList(), -1);
        }
        if (!where.hasText() || offset + limit > walkWindow / 10) {
            return new CustomerPage(rows(ids("select c.id " + SEARCHED + " where " + where.all() + byKey, where,
                    offset, limit)), -1);
        }
        String walk = "select w.id from (select c.id as id, c.searchText as searchText, " + o.by().path
                + " as sortKey " + SEARCHED + " where " + where.filters() + byKey + " limit " + walkWindow
                + ") w where " + where.substrings("w") + " order by w.sortKey" + dir + ", w.id" + dir;
        List<Long> ids = ids(walk, where, offset, limit);
        if (ids.size() == limit) {
            return new CustomerPage(rows(ids), -1);
        }
        // coalesce(x, x) is x, but no index serves it: the planner fetches the matches by word and sorts them, and
        // counting them then costs nothing more
        String byWord = " where " + where.all() + " order by coalesce(" + o.by().path + ", " + o.by().path + ")" + dir
                + ", c.id" + dir;
        if (!wantTotal) {
            return new CustomerPage(rows(ids("select c.id " + SEARCHED + byWord, where, offset, limit)), -1);
        }
        String counted = "select c.id, count(*) over () " + SEARCHED + byWord;
        TypedQuery<Object[]> q = where.bind(em.createQuery(counted, Object[].class), counted);
        List<Object[]> found = q.setFirstResult(offset).setMaxResults(limit).getResultList();
        if (found.isEmpty()) {
            return new CustomerPage(List.of(), offset == 0 ? 0 : -1);
        }
        long total = Math.min((Long) found.getFirst()[1], COUNT_LIMIT + 1);
        return new CustomerPage(rows(found.stream().map(r -> (Long) r[0]).toList()), total);
    }

    /** For tests: a small window lets a few customers show both ways of reading a page. */
    void walkWindow(int customers) {
        walkWindow = customers;
    }

    private List<Long> ids(String hql, Where where, int offset, int limit) {
        return where.bind(em.createQuery(hql, Long.class), hql).setFirstResult(offset).setMaxResults(limit)
                .getResultList();
    }

    /** The list rows of a page of customer ids, read by key, in the page's order. */
    private List<CustomerRow> rows(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, CustomerRow> byId = new java.util.HashMap<>();
        em.createQuery(ROW + " where c.id in :ids", CustomerRow.class).setParameter("ids", ids).getResultList()
                .forEach(r -> byId.put(r.id(), r));
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * How many customers match, counted exactly up to {@link #COUNT_LIMIT}; {@code COUNT_LIMIT + 1} means "more than
     * that" and the list says so. Counting every match of a broad word among 100,000 customers costs ten times the
     * page itself; the query has no order so that it stops at the first rows it finds, in any plan.
     */
    public long count(Viewer viewer, CustomerSearch search) {
        Where where = where(viewer, search);
        String hql = viewer.role() == Role.CUSTOMER ? "select c.id from Customer c where " + where.allOnCustomer()
                : "select c.id" + SEARCHED + " where " + where.all();
        return where.bind(em.createQuery(hql, Long.class), hql).setMaxResults(COUNT_LIMIT + 1).getResultList().size();
    }

    /**
     * A search as HQL conditions on the customer {@code c} (a {@link Customer} or its {@link CustomerSearchEntry},
     * whose properties have the same names): the scope and filters, and the words. The words are written twice:
     * as index conditions ({@link #all}) and as plain substring tests on the search text of an already narrowed,
     * ordered set ({@link #substrings}), for any alias.
     */
    private record Where(List<String> filterParts, List<String> indexedText, List<String> substringText,
                         Parameters params) {

        String filters() {
            return String.join(" and ", filterParts);
        }

        String substrings(String alias) {
            return substringText.stream().map(t -> t.replace("{a}", alias)).collect(Collectors.joining(" and "));
        }

        String all() {
            return indexedText.isEmpty() ? filters() : filters() + " and " + String.join(" and ", indexedText);
        }

        /** The same on customer rows, which keep their search text but not its tokens. */
        String allOnCustomer() {
            return substringText.isEmpty() ? filters() : filters() + " and " + substrings("c");
        }

        boolean hasText() {
            return !indexedText.isEmpty();
        }

        /** Binds the parameters that the query uses (the two forms of the words use different ones). */
        <T> TypedQuery<T> bind(TypedQuery<T> q, String hql) {
            params.map().forEach((name, value) -> {
                if (Pattern.compile(":" + name + "\\b").matcher(hql).find()) {
                    q.setParameter(name, value);
                }
            });
            return q;
        }
    }

    private static Where where(Viewer viewer, CustomerSearch s) {
        CustomerAccess.Scope scope = CustomerAccess.scope(viewer);
        List<String> parts = new ArrayList<>(List.of(scope.where()));
        List<String> indexed = new ArrayList<>();
        List<String> substrings = new ArrayList<>();
        Parameters params = new Parameters();
        scope.params().map().forEach(params::and);
        if (s.text() != null && !s.text().isBlank()) {
            // A word of one or two characters is exactly one token of the GIN-indexed search_tokens (a character or
            // a character pair of one word), so the token test alone decides it and the planner estimates it from
            // the array statistics. Longer words have trigrams: a substring test
            // served by the trigram index. Testing a short word both ways would make the planner multiply two
            // selectivities of the same fact and underestimate the matches by orders of magnitude (BENCHMARKS.md).
            // On rows already in hand every word is a substring test: a word holds no space, so a character or a
            // pair is a substring of the search text exactly when it is one of its tokens.
            List<String> shortWords = new ArrayList<>();
            for (String word : s.text().trim().toLowerCase().split("\\s+")) {
                String name = "text" + substrings.size();
                String like = "{a}.searchText like :" + name + " escape '\\'";
                substrings.add(like);
                params.and(name, "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
                if (word.codePointCount(0, word.length()) < 3) {
                    shortWords.add(word);
                } else {
                    indexed.add(like.replace("{a}", "c"));
                }
            }
            if (!shortWords.isEmpty()) {
                indexed.add("array_includes(c.searchTokens, :tokens)");
                params.and("tokens", SearchTokens.forQuery(String.join(" ", shortWords)).toArray(String[]::new));
            }
        }
        if (s.tier() != null) {
            parts.add("c.tier = :tier");
            params.and("tier", s.tier());
        }
        if (s.unitId() != null) {
            parts.add("c.unit.path like " + OrgUnitQueries.subtreePattern("unit"));
            params.and("unit", s.unitId());
        }
        if (s.voltageKv() != null) {
            parts.add("c.voltageKv = :voltage");
            params.and("voltage", s.voltageKv());
        }
        if (s.importance() != null) {
            parts.add("c.importance = :importance");
            params.and("importance", s.importance());
        }
        if (s.managerId() != null) {
            parts.add("(c.manager.id = :manager or c.backupManager.id = :manager)");
            params.and("manager", s.managerId());
        }
        return new Where(parts, indexed, substrings, params);
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
        List<LineView> lines = c.getLines().stream().map(LineView::of)
                .sorted(Comparator.comparing(LineView::code)).toList();
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
