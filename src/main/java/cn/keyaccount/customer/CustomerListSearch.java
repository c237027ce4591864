package cn.keyaccount.customer;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerService.CustomerPage;
import cn.keyaccount.org.OrgUnitQueries;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The customer list's search: filtered, sorted and paged in SQL within what the viewer may see, over the narrow search
 * copy of the customers (V13), and its capped count. {@link CustomerService} answers with it; the profile and its
 * changes are there.
 */
@ApplicationScoped
class CustomerListSearch {

    private static final String ROW = "select new cn.keyaccount.customer.CustomerRow(c.id, c.accountNo, c.name, "
            + "c.industryName, c.district, u.name, c.voltageKv, c.contractCapacityKva, c.importance, c.tier, "
            + "c.annualKwh, m.id, m.displayName) from Customer c join c.unit u left join c.manager m";

    /** Where a page of the list is looked for: the narrow search copy of the customers (V13). */
    private static final String SEARCHED = " from CustomerSearchEntry c";

    /** Counts stop here: a count above it means "more than this many" ({@link CustomerService#COUNT_LIMIT}). */
    private static final int COUNT_LIMIT = CustomerService.COUNT_LIMIT;

    /**
     * How many customers a text search with many matches walks in sort order before it fetches its matches by word
     * instead: a walk reads narrow index entries, several times cheaper each than fetching a match (BENCHMARKS.md,
     * issue 17).
     */
    static final int WALK_WINDOW = 10_000;

    /**
     * With sort buckets, the walk is shorter: a word that does not show 50 matches among the first 2,000 customers is
     * read bucket by bucket, each bucket costing about what walking 2,000 costs.
     */
    static final int WALK_BEFORE_BUCKETS = 2_000;

    /** A text search with at most this many matches fetches them by word and sorts them, without a walk. */
    static final int FEW_MATCHES = COUNT_LIMIT;

    private volatile int walkWindow = WALK_WINDOW;
    /** How many customers a text search walks before it reads bucket by bucket (when there are buckets). */
    private volatile int walkBeforeBuckets = WALK_BEFORE_BUCKETS;
    /** For tests: how many pages were read bucket by bucket. */
    private final AtomicLong bucketPages = new AtomicLong();
    private volatile int fewMatches = FEW_MATCHES;

    private final EntityManager em;
    private final Map<String, CustomerGroups> groups;

    CustomerListSearch(EntityManager em, Instance<CustomerGroups> groups) {
        this.em = em;
        this.groups = groups.stream().collect(Collectors.toUnmodifiableMap(CustomerGroups::name, g -> g));
    }

    /**
     * One page of the list, filtered, sorted and paged in SQL within what the viewer may see.
     *
     * <p>A page of a text search is read in one of two ways, because PostgreSQL cannot know where in the sort order
     * the matches of a word lie. The matches are counted first, up to {@link #COUNT_LIMIT} (the count stops there
     * and costs little). A few matches are fetched through the word index and sorted: a walk of the sort order would
     * pass over thousands of customers to find them. Many matches are first looked for along the sort order, walking
     * the sort index for at most {@link #WALK_WINDOW} customers and testing the words on each: enough when the
     * matches are spread through the list (most words). When the window holds too few — a word whose customers
     * cluster at the far end of the order, like a place's name sorted by name — the matches are fetched through the
     * word index and sorted after all, which costs in proportion to their number (BENCHMARKS.md).
     *
     * <p>Once the customers are many enough to be split into sort buckets (V42, {@link CustomerSearchBuckets}), many
     * matches are read bucket by bucket along the order instead ({@link #byBuckets}): no walk, no fetch of every
     * match, whatever the order and wherever the matches lie.
     */
    @Transactional
    List<CustomerRow> search(Viewer viewer, CustomerSearch search, CustomerSearch.Order order, int offset,
                                    int limit) {
        return read(viewer, search, order, offset, limit).rows();
    }

    /** A page and how many match in all (capped as in {@link #count}): what the REST list answers. */
    @Transactional
    CustomerPage page(Viewer viewer, CustomerSearch search, CustomerSearch.Order order, int offset,
                             int limit) {
        CustomerPage page = read(viewer, search, order, offset, limit);
        if (page.total() >= 0) {
            return page;
        }
        // a first page that is not full already says how many match
        long total = offset == 0 && page.rows().size() < limit ? page.rows().size() : count(viewer, search);
        return new CustomerPage(page.rows(), total);
    }

    private CustomerPage read(Viewer viewer, CustomerSearch search, CustomerSearch.Order order, int offset,
                              int limit) {
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
        long matches = count(where, "select c.id" + SEARCHED + " where " + where.all());
        // coalesce(x, x) is x, but no index serves it: the planner fetches the matches by word and sorts them
        String byWord = "select c.id " + SEARCHED + " where " + where.all() + " order by coalesce(" + o.by().path
                + ", " + o.by().path + ")" + dir + ", c.id" + dir;
        if (matches <= fewMatches) {
            return new CustomerPage(offset >= matches ? List.of() : rows(ids(byWord, where, offset, limit)), matches);
        }
        Buckets buckets = buckets(o.by());
        // with buckets, a short walk: enough for a word spread through the list, cheaper than the first bucket
        int window = buckets.last() > 0 ? Math.min(walkWindow, walkBeforeBuckets) : walkWindow;
        List<Long> ids = List.of();
        if (window > 0) {
            String walk = "select w.id from (select c.id as id, c.searchText as searchText, " + o.by().path
                    + " as sortKey " + SEARCHED + " where " + where.filters() + byKey + " limit " + window
                    + ") w where " + where.substrings("w") + " order by w.sortKey" + dir + ", w.id" + dir;
            ids = ids(walk, where, offset, limit);
        }
        if (ids.size() < limit && buckets.last() > 0) {
            List<Long> bucketed = byBuckets(where, o, buckets, offset, limit);
            if (bucketed != null) {
                bucketPages.incrementAndGet();
                return new CustomerPage(rows(bucketed), matches);
            }
        }
        if (ids.size() < limit) {
            ids = ids(byWord, where, offset, limit);
        }
        return new CustomerPage(rows(ids), matches);
    }

    /** The bucketing a search read with (V42): its generation and the last bucket of one sort order. */
    private record Buckets(long generation, int last) {
    }

    private Buckets buckets(CustomerSearch.SortBy by) {
        Object[] row = (Object[]) em.createNativeQuery("select g.generation, coalesce((select max(b.bucket) from "
                + "customer_search_bound b where b.sort_by = ?1), 0) from customer_search_bucketing g")
                .setParameter(1, by.name()).getSingleResult();
        return new Buckets(((Number) row[0]).longValue(), ((Number) row[1]).intValue());
    }

    /** The bucket property of each sort order (V42, {@link CustomerSearchBuckets}). */
    private static String bucketOf(CustomerSearch.SortBy by) {
        return switch (by) {
            case NAME -> "c.nameBucket";
            case ACCOUNT_NO -> "c.accountBucket";
            case CAPACITY -> "c.capacityBucket";
            case ANNUAL_KWH -> "c.annualKwhBucket";
            case VOLTAGE -> "c.voltageBucket";
            case UPDATED -> "c.updatedBucket";
            case TIER -> "c.tierBucket";
        };
    }

    /**
     * A page of a broad text search read bucket by bucket along the sort order: the matches of one bucket (about
     * {@link CustomerSearchBuckets#SIZE} customers) are fetched through the word index, which intersects the words,
     * the bucket and the equality filters, and sorted; a bucket without a match is followed by a search for the next
     * one that has any (runs of 1, 2, 4, … buckets asked at once, then halved), so a word whose matches lie far along
     * the order costs a few index probes, not a walk to them or a fetch of all of them. The reading starts at the
     * first bucket the hints of the words' tokens allow and stops after the last ({@link #hinted}, V43): each probe
     * costs about a millisecond a bucket at a million customers, so a word whose matches begin hundreds of buckets
     * along is not probed bucket by bucket up to them. Null when the buckets were recomputed while the page was read:
     * the caller reads it another way.
     */
    private List<Long> byBuckets(Where where, CustomerSearch.Order o, Buckets buckets, int offset, int limit) {
        String dir = o.descending() ? " desc" : " asc";
        String bucket = bucketOf(o.by());
        String fetch = "select c.id" + SEARCHED + " where " + where.all() + " and " + bucket + " = :bucket order by "
                + o.by().path + dir + ", c.id" + dir;
        String probe = "select c.id" + SEARCHED + " where " + where.all() + " and " + bucket + " in :buckets";
        int need = offset + limit;
        int n = buckets.last() + 1;
        List<Long> ids = new ArrayList<>(need);
        // Only the word index can intersect a bucket with the words; a planner that expects many matches would walk a
        // sort index or the table instead (a LIMIT makes that look cheap) and read far more than a bucket.
        byWordIndex(() -> {
            // the buckets between which the words' frequent tokens lie (V43): none before, none after
            int[] span = hinted(where, o, n);
            int at = span[0];
            int end = span[1] + 1;
            while (ids.size() < need && at < end) {
                List<Long> found = where.bind(em.createQuery(fetch, Long.class), fetch)
                        .setParameter("bucket", o.descending() ? n - 1 - at : at)
                        .setMaxResults(need - ids.size()).getResultList();
                ids.addAll(found);
                at++;
                if (found.isEmpty() && at < end) {
                    at = nextWithMatches(probe, where, o.descending(), at, end, n);
                }
            }
            return null;
        });
        Number generation = (Number) em.createNativeQuery("select generation from customer_search_bucketing")
                .getSingleResult();
        if (generation.longValue() != buckets.generation()) {
            return null;
        }
        return ids.size() <= offset ? List.of() : ids.subList(offset, ids.size());
    }

    /**
     * Runs {@code read} with the planner allowed bitmap scans only, that is the word index for a text search, inside the
     * caller's transaction; its settings are restored afterwards.
     */
    private <T> T byWordIndex(Supplier<T> read) {
        Object[] before = (Object[]) em.createNativeQuery("select current_setting('enable_seqscan'), "
                + "current_setting('enable_indexscan'), current_setting('enable_indexonlyscan')").getSingleResult();
        plannerSettings("off", "off", "off");
        try {
            return read.get();
        } finally {
            plannerSettings((String) before[0], (String) before[1], (String) before[2]);
        }
    }

    private void plannerSettings(String seqscan, String indexscan, String indexonlyscan) {
        em.createNativeQuery("select set_config('enable_seqscan', ?1, true), set_config('enable_indexscan', ?2, true), "
                + "set_config('enable_indexonlyscan', ?3, true)").setParameter(1, seqscan).setParameter(2, indexscan)
                .setParameter(3, indexonlyscan).getSingleResult();
    }

    /**
     * The positions (in the page's order: 0 is its first bucket) of the first and last bucket that can hold the words'
     * matches, by the hints of their short words' tokens (V43): every match carries each token, so it lies at or after
     * the last of their first buckets and at or before the first of their last. {0, n - 1} when no token has a hint;
     * first after last when the tokens never meet.
     */
    private int[] hinted(Where where, CustomerSearch.Order o, int n) {
        if (!(where.params().map().get("tokens") instanceof String[] tokens) || tokens.length == 0) {
            return new int[] {0, n - 1};
        }
        String column = switch (o.by()) {
            case NAME -> "name";
            case ACCOUNT_NO -> "account";
            case CAPACITY -> "capacity";
            case ANNUAL_KWH -> "kwh";
            case VOLTAGE -> "voltage";
            case UPDATED -> "updated";
            case TIER -> "tier";
        };
        Object[] row = (Object[]) em.createNativeQuery("select max(" + column + "_first), min(" + column + "_last) "
                + "from customer_search_hint where token = any(?1)").setParameter(1, tokens).getSingleResult();
        if (row[0] == null) {
            return new int[] {0, n - 1};
        }
        int first = Math.max(0, ((Number) row[0]).intValue());
        int last = Math.min(n - 1, ((Number) row[1]).intValue());
        return o.descending() ? new int[] {n - 1 - last, n - 1 - first} : new int[] {first, last};
    }

    /**
     * The first position from {@code from} (in the page's order) before {@code end} whose bucket holds a match;
     * {@code end} if none.
     */
    private int nextWithMatches(String probe, Where where, boolean descending, int from, int end, int n) {
        int lo = from;
        int span = 1;
        int hi;
        while (true) {
            hi = Math.min(end, lo + span);
            if (anyMatch(probe, where, descending, lo, hi, n)) {
                break;
            }
            if (hi >= end) {
                return end;
            }
            lo = hi;
            span = Math.min(2 * span, MAX_SPAN);
        }
        while (hi - lo > 1) {
            int mid = (lo + hi) >>> 1;
            if (anyMatch(probe, where, descending, lo, mid, n)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return lo;
    }

    /** Buckets asked at once when looking for the next one with a match. */
    private static final int MAX_SPAN = 512;

    private boolean anyMatch(String probe, Where where, boolean descending, int from, int to, int n) {
        List<Integer> buckets = new ArrayList<>(to - from);
        for (int at = from; at < to; at++) {
            buckets.add(descending ? n - 1 - at : at);
        }
        return !where.bind(em.createQuery(probe, Long.class), probe).setParameter("buckets", buckets)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** For tests: a small window lets a few customers show both ways of reading a page. */
    void walkWindow(int customers) {
        walkWindow = customers;
    }

    /** For tests: how many matches are few enough to be fetched by word without a walk. */
    void fewMatches(int matches) {
        fewMatches = matches;
    }

    /** For tests: how many customers are walked before the buckets are read (0: none). */
    void walkBeforeBuckets(int customers) {
        walkBeforeBuckets = customers;
    }

    /** For tests: how many pages were read bucket by bucket so far. */
    long bucketPages() {
        return bucketPages.get();
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
    @Transactional
    long count(Viewer viewer, CustomerSearch search) {
        Where where = where(viewer, search);
        // a customer user's own accounts, a handful: counted on the customer rows as they are read
        return viewer.role() == Role.CUSTOMER ? capped(where, "select c.id from Customer c where "
                + where.allOnCustomer()) : count(where, "select c.id" + SEARCHED + " where " + where.all());
    }

    /**
     * The capped count of {@code hql}. With words, in bounded steps instead of the planner's choice: it would walk
     * whichever index it likes and test each entry until it has 1,001 matches, and a word whose matches cluster at the
     * far end of that index costs a walk of the table (C26 at a million customers: 946,550 entries of the voltage
     * order, 383 ms). The name order is walked (index-only) for {@link #COUNT_FIRST_WALK} entries, about 1.5 ms: a
     * very broad word (有限, in every name) shows its 1,001 matches there. A word that shows at least a tenth of them
     * (a density of 10 % or more) walks on to {@link #COUNT_WALK} entries, under 10 ms. Any other word is counted
     * through the word index (bitmap scans only), which costs its posting list and at most 1,001 rows: a millisecond
     * for an exact 户号, 7–15 ms for a word spread at a few per cent.
     */
    private long count(Where where, String hql) {
        if (!where.hasText()) {
            return capped(where, hql);
        }
        long seen = capped(where, countWalk(where, COUNT_FIRST_WALK));
        if (seen > COUNT_LIMIT || seen * (COUNT_WALK / COUNT_FIRST_WALK) > COUNT_LIMIT
                && capped(where, countWalk(where, COUNT_WALK)) > COUNT_LIMIT) {
            return COUNT_LIMIT + 1;
        }
        return byWordIndex(() -> capped(where, hql));
    }

    /** The matches among the first {@code window} customers of the name order (index-only). */
    private static String countWalk(Where where, int window) {
        return "select w.id from (select c.id as id, c.searchText as searchText" + SEARCHED + " where "
                + where.filters() + " order by c.name, c.id limit " + window + ") w where " + where.substrings("w");
    }

    /** How many customers the capped count of a text search walks in name order first. */
    static final int COUNT_FIRST_WALK = 2_000;

    /** How far the capped count walks a word dense enough to show 1,001 matches there. */
    static final int COUNT_WALK = 10_000;

    private long capped(Where where, String hql) {
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

    private Where where(Viewer viewer, CustomerSearch s) {
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
        // another feature's groups (a segment, a tag): a condition of its own on c.id, only when asked for
        for (CustomerSearch.Group g : s.groups()) {
            CustomerGroups group = groups.get(g.name());
            if (group == null) {
                throw BusinessException.invalid("error.customer-unknown-filter", g.name());
            }
            String name = "group" + parts.size();
            parts.add(group.condition(name));
            params.and(name, group.parameter(g.value()));
        }
        return new Where(parts, indexed, substrings, params);
    }
}
