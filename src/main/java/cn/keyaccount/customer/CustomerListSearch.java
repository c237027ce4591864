package cn.keyaccount.customer;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.CustomerService.CustomerPage;
import cn.keyaccount.org.OrgUnitQueries;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

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
     * With sort buckets there is no walk: the first bucket holds what a walk along the first 1,000 customers would
     * find, at about the same cost, and a walk that finds too few is paid on top of the buckets (BENCHMARKS.md,
     * issue 17). Tests set a walk to see both ways of reading a page.
     */
    static final int WALK_BEFORE_BUCKETS = 0;

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

    /**
     * The matches of recent text searches (capped, as {@link #bucketedMatches} finds them), by the search and the
     * version of the search copy they were found at (V44): a search asked again at the same version (the next page,
     * another order, a colleague with the same scope) does not count again. Null when switched off.
     */
    private final Cache<String, Counted> counted;
    /** For tests: how many counts came from {@link #counted}. */
    private final AtomicLong countedHits = new AtomicLong();

    /** Matches found at a version of the search copy; at most {@link #COUNT_LIMIT} + 1 ids (8 kB). */
    private record Counted(long version, long[] ids) {
    }

    CustomerListSearch(EntityManager em, Instance<CustomerGroups> groups,
                       @ConfigProperty(name = "keyaccount.customers.counted-searches") int countedSearches) {
        this.em = em;
        this.groups = groups.stream().collect(Collectors.toUnmodifiableMap(CustomerGroups::name, g -> g));
        // an entry is dropped when unused for ten minutes: by then the search copy has usually moved on
        this.counted = countedSearches <= 0 ? null : Caffeine.newBuilder().maximumSize(countedSearches)
                .expireAfterAccess(Duration.ofMinutes(10)).build();
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
     * <p>Once the customers are many enough to be split into sort buckets (V42, {@link CustomerSearchBuckets}), the
     * count samples name buckets ({@link #sampled}) or fetches the matches up to the limit; a few matches are sorted
     * among the ids the count fetched ({@link #sortedRows}), and many are read bucket by bucket along the order
     * ({@link #byBuckets}): no walk, no fetch of every match, whatever the order and wherever the matches lie.
     */
    @Transactional
    List<CustomerRow> search(Viewer viewer, CustomerSearch search, CustomerSearch.Order order, int offset,
                                    int limit) {
        Reading r = new Reading();
        try {
            return read(r, viewer, search, order, offset, limit).rows();
        } finally {
            r.usual();
        }
    }

    /** A page and how many match in all (capped as in {@link #count}): what the REST list answers. */
    @Transactional
    CustomerPage page(Viewer viewer, CustomerSearch search, CustomerSearch.Order order, int offset,
                             int limit) {
        Reading r = new Reading();
        try {
            CustomerPage page = read(r, viewer, search, order, offset, limit);
            if (page.total() >= 0) {
                return page;
            }
            // a first page that is not full already says how many match
            long total = offset == 0 && page.rows().size() < limit ? page.rows().size() : count(r, viewer, search);
            return new CustomerPage(page.rows(), total);
        } finally {
            r.usual();
        }
    }

    private CustomerPage read(Reading r, Viewer viewer, CustomerSearch search, CustomerSearch.Order order,
                              int offset, int limit) {
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
            return new CustomerPage(rows(r, ids("select c.id " + SEARCHED + " where " + where.all() + byKey, where,
                    offset, limit)), -1);
        }
        String matching = "select c.id" + SEARCHED + " where " + where.all();
        // coalesce(x, x) is x, but no index serves it: the planner fetches the matches by word and sorts them
        String byWord = "select c.id " + SEARCHED + " where " + where.all() + " order by coalesce(" + o.by().path
                + ", " + o.by().path + ")" + dir + ", c.id" + dir;
        long matches;
        Buckets names = r.buckets(CustomerSearch.SortBy.NAME);
        if (names.last() > 0) {
            List<Long> found = bucketedMatches(r, where, matching, names.last() + 1, search.text());
            matches = found.size();
            if (matches <= fewMatches) {
                // every match is at hand: the page is sorted among them
                return new CustomerPage(sortedRows(r, found, o, offset, limit), matches);
            }
        } else {
            matches = count(r, where, matching, search.text());
            if (matches <= fewMatches) {
                return new CustomerPage(offset >= matches ? List.of() : rows(r, ids(byWord, where, offset, limit)),
                        matches);
            }
        }
        Buckets buckets = r.buckets(o.by());
        // with buckets, a short walk: enough for a word spread through the list, cheaper than the first bucket
        int window = buckets.last() > 0 ? Math.min(walkWindow, walkBeforeBuckets) : walkWindow;
        List<Long> ids = List.of();
        if (window > 0) {
            String walk = "select w.id from (select c.id as id, c.searchText as searchText, " + o.by().path
                    + " as sortKey " + SEARCHED + " where " + where.filters() + byKey + " limit " + window
                    + ") w where " + where.substrings("w") + " order by w.sortKey" + dir + ", w.id" + dir;
            r.usual();
            ids = ids(walk, where, offset, limit);
        }
        if (ids.size() < limit && buckets.last() > 0) {
            List<Long> bucketed = byBuckets(r, where, o, buckets, offset, limit);
            if (bucketed != null) {
                bucketPages.incrementAndGet();
                return new CustomerPage(rows(r, bucketed), matches);
            }
        }
        if (ids.size() < limit) {
            ids = ids(byWord, where, offset, limit);
        }
        return new CustomerPage(rows(r, ids), matches);
    }

    /** The bucketing a search read with (V42): its generation and the last bucket of one sort order. */
    private record Buckets(long generation, int last) {
    }

    /**
     * The last buckets of every order, by generation: they change only when the buckets are recomputed, which makes a
     * new generation (V42). The latest one read, on this node.
     */
    private volatile Object[] lastBuckets;

    /** The generation of the bucketing and the last bucket of every sort order, in one statement. */
    private static final String BUCKETING = "select g.generation" + java.util.Arrays.stream(
            CustomerSearch.SortBy.values()).map(by -> ", coalesce((select max(b.bucket) from customer_search_bound b "
                    + "where b.sort_by = '" + by.name() + "'), 0)").collect(Collectors.joining())
            + " from customer_search_bucketing g";

    /**
     * One reading of the list (a page, a count) in its transaction: the bucketing it reads with, asked once, and the
     * planner's settings. Statements that only the word index serves well run with bitmap scans only; the settings are
     * switched when a statement needs the other kind, not around each one, and restored at the end ({@link #usual}).
     */
    private final class Reading {
        private Object[] bucketing;
        /** The version of what a search counts (V44), read with the bucketing's generation. */
        private long version = -1;
        /** The hints of the words' tokens (V43), once read. */
        private Object[] hints;
        private Object[] before;
        private boolean bitmapOnly;
        /** The connection's prepare threshold while {@link #prepared} changed it; else -1. */
        private int threshold = -1;
        private boolean flushed;

        /**
         * Writes the caller's pending changes before the reading's first statement, as the native queries that these
         * statements replace did, so that a search in a transaction that changed a customer reads the hints its
         * trigger widened. Not before a restore: the transaction may have failed by then.
         */
        private void first() {
            if (!flushed) {
                flushed = true;
                em.flush();
            }
        }

        Buckets buckets(CustomerSearch.SortBy by) {
            if (bucketing == null) {
                first();
                // the version first, before anything is counted: a count made after it is at least as new
                Object[] now = row("select g.generation, v.version from customer_search_bucketing g "
                        + "cross join customer_search_version v");
                long generation = ((Number) now[0]).longValue();
                version = ((Number) now[1]).longValue();
                Object[] known = lastBuckets;
                if (known == null || ((Number) known[0]).longValue() != generation) {
                    // recomputed since: the last buckets of this generation, read once on this node
                    known = row(BUCKETING);
                    lastBuckets = known;
                }
                bucketing = known;
            }
            return new Buckets(((Number) bucketing[0]).longValue(),
                    ((Number) bucketing[1 + by.ordinal()]).intValue());
        }

        /**
         * {@link #bitmapOnly()}, and the hints of the words' tokens ({@link #hinted}) read in the same statement when
         * neither was done yet: a page of many matches, and a count, need both first.
         */
        void bitmapOnly(Where where) {
            String[] tokens = where.tokens();
            if (bitmapOnly || before != null || hints != null || tokens == null) {
                bitmapOnly();
                return;
            }
            first();
            prepared(true);
            Object[] row = row("with s as materialized (select " + SETTINGS + ") select s.*, " + OFF
                    + ", h.* from s cross join (" + HINTS + ") h", (Object) tokens);
            before = Arrays.copyOfRange(row, 0, SWITCHED);
            hints = Arrays.copyOfRange(row, 2 * SWITCHED, row.length);
            bitmapOnly = true;
        }

        /** From here on the planner may use bitmap scans only: the word index for a text search. */
        void bitmapOnly() {
            if (bitmapOnly) {
                return;
            }
            prepared(true);
            if (before == null) {
                first();
                // the settings as they were, read before they are set, in the same statement
                before = row("with s as materialized (select " + SETTINGS + ") select s.*, " + OFF + " from s");
            } else {
                plannerSettings(BITMAP_ONLY);
            }
            bitmapOnly = true;
        }

        /**
         * Whether the statements from here on are prepared on the server, where the switched settings give each a
         * generic plan at once: the plan that bitmap scans only allow hardly depends on the words, and planning each
         * fetch again cost a fifth of a millisecond (issue 17). Outside the switch, the searches are planned for
         * their words (application.properties, prepareThreshold). Set on the JDBC connection, with no statement:
         * {@link #usual} restores it first, so that it is restored even when the transaction has failed.
         */
        private void prepared(boolean on) {
            if (on == threshold >= 0) {
                return;
            }
            em.unwrap(org.hibernate.Session.class).doWork(c -> {
                org.postgresql.PGConnection pg = c.unwrap(org.postgresql.PGConnection.class);
                if (on) {
                    threshold = pg.getPrepareThreshold();
                    pg.setPrepareThreshold(1);
                } else {
                    pg.setPrepareThreshold(threshold);
                    threshold = -1;
                }
            });
        }

        /** The planner's settings as they were before {@link #bitmapOnly}. */
        void usual() {
            prepared(false);
            if (bitmapOnly) {
                bitmapOnly = false;
                plannerSettings(before);
            }
        }

        /** {@link #usual}, and the generation of the bucketing now, in one statement. */
        long usualReadingGeneration() {
            boolean restored = bitmapOnly;
            prepared(false);
            bitmapOnly = false;
            Object[] result = restored
                    ? row("select " + PLANNER + ", generation from customer_search_bucketing",
                            Arrays.copyOf(before, SWITCHED))
                    : row("select generation from customer_search_bucketing");
            return ((Number) result[result.length - 1]).longValue();
        }
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
    private List<Long> byBuckets(Reading r, Where where, CustomerSearch.Order o, Buckets buckets, int offset,
                                 int limit) {
        String dir = o.descending() ? " desc" : " asc";
        String bucket = bucketOf(o.by());
        String fetch = "select c.id" + SEARCHED + " where " + where.all() + " and " + bucket + " = :bucket order by "
                + o.by().path + dir + ", c.id" + dir + " limit ";
        String probe = "select c.id" + SEARCHED + " where " + where.all() + " and " + bucket + " in :buckets";
        int need = offset + limit;
        int n = buckets.last() + 1;
        List<Long> ids = new ArrayList<>(need);
        // Only the word index can intersect a bucket with the words; a planner that expects many matches would walk a
        // sort index or the table instead (a LIMIT makes that look cheap) and read far more than a bucket.
        r.bitmapOnly(where);
        // the buckets between which the words' frequent tokens lie (V43): none before, none after
        int[] span = hinted(r, where, o, n);
        int at = span[0];
        int end = span[1] + 1;
        while (ids.size() < need && at < end) {
            int wanted = need - ids.size();
            String limited = fetch + roundedUp(wanted);
            List<Long> found = where.bind(em.createQuery(limited, Long.class), limited)
                    .setParameter("bucket", o.descending() ? n - 1 - at : at).getResultList();
            ids.addAll(found.size() > wanted ? found.subList(0, wanted) : found);
            at++;
            if (found.isEmpty() && at < end) {
                at = nextWithMatches(probe, where, o.descending(), at, end, n);
            }
        }
        if (r.usualReadingGeneration() != buckets.generation()) {
            return null;
        }
        return ids.size() <= offset ? List.of() : ids.subList(offset, ids.size());
    }

    /**
     * The planner settings a reading switches, and their values while it reads with bitmap scans only: no other scan,
     * and a prepared statement planned once, generically (see {@code Reading.prepared}).
     */
    private static final String[][] SWITCH = {
        {"enable_seqscan", "off"}, {"enable_indexscan", "off"}, {"enable_indexonlyscan", "off"},
        {"plan_cache_mode", "force_generic_plan"},
    };

    private static final int SWITCHED = SWITCH.length;

    /** The switched values, in the order of {@link #SWITCH}. */
    private static final Object[] BITMAP_ONLY = Arrays.stream(SWITCH).map(setting -> setting[1]).toArray();

    /** The planner settings of a reading as they are now. */
    private static final String SETTINGS = java.util.stream.IntStream.range(0, SWITCHED)
            .mapToObj(i -> "current_setting('" + SWITCH[i][0] + "') s" + i).collect(Collectors.joining(", "));

    /** The planner settings of a reading switched to bitmap scans only, for this transaction. */
    private static final String OFF = Arrays.stream(SWITCH)
            .map(setting -> "set_config('" + setting[0] + "', '" + setting[1] + "', true)")
            .collect(Collectors.joining(", "));

    /** Sets the planner settings of a reading to ?1, ?2, … in the order of {@link #SWITCH}, for this transaction. */
    private static final String PLANNER = java.util.stream.IntStream.range(0, SWITCHED)
            .mapToObj(i -> "set_config('" + SWITCH[i][0] + "', ?" + (i + 1) + ", true)")
            .collect(Collectors.joining(", "));

    private void plannerSettings(Object[] values) {
        row("select " + PLANNER, Arrays.copyOf(values, SWITCHED));
    }

    /**
     * The one row of {@code sql} (parameters written ?1, ?2, … in the order they appear), read on the transaction's
     * connection in a statement prepared on the server: the reading's own statements (the bucketing, the planner
     * switch, the hints) plan alike whatever their values, and as Hibernate native queries they took about a tenth
     * of the application's time of a search at a million customers, mostly in parsing and binding (issue 17).
     */
    private Object[] row(String sql, Object... params) {
        return serverPrepared(sql.replaceAll("\\?\\d+", "?"), params, rs -> {
            rs.next();
            Object[] row = new Object[rs.getMetaData().getColumnCount()];
            for (int i = 0; i < row.length; i++) {
                row[i] = rs.getObject(i + 1);
            }
            return row;
        });
    }

    /** What is read from the result of a {@link #serverPrepared} statement. */
    @FunctionalInterface
    private interface Results<T> {
        T read(java.sql.ResultSet rs) throws java.sql.SQLException;
    }

    /**
     * {@code sql} (JDBC parameters) on the transaction's connection, prepared on the server from its first execution:
     * a String[] parameter is bound as a varchar array, a Long[] as a bigint array, anything else as itself.
     */
    private <T> T serverPrepared(String sql, Object[] params, Results<T> results) {
        return em.unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
                ps.unwrap(org.postgresql.PGStatement.class).setPrepareThreshold(1);
                for (int i = 0; i < params.length; i++) {
                    Object p = params[i];
                    ps.setObject(i + 1, p instanceof String[] values ? c.createArrayOf("varchar", values)
                            : p instanceof Long[] values ? c.createArrayOf("bigint", values) : p);
                }
                try (java.sql.ResultSet rs = ps.executeQuery()) {
                    return results.read(rs);
                }
            }
        });
    }

    /**
     * The positions (in the page's order: 0 is its first bucket) of the first and last bucket that can hold the words'
     * matches, by the hints of their short words' tokens (V43): every match carries each token, so it lies at or after
     * the last of their first buckets and at or before the first of their last. {0, n - 1} when no token has a hint;
     * first after last when the tokens never meet.
     */
    private int[] hinted(Reading r, Where where, CustomerSearch.Order o, int n) {
        String[] tokens = where.tokens();
        if (tokens == null) {
            return new int[] {0, n - 1};
        }
        if (r.hints == null) {
            // every order's bounds at once: a page and its count ask for two orders
            r.hints = row(HINTS, (Object) tokens);
        }
        Object firstBucket = r.hints[2 * o.by().ordinal()];
        if (firstBucket == null) {
            return new int[] {0, n - 1};
        }
        int first = Math.max(0, ((Number) firstBucket).intValue());
        int last = Math.min(n - 1, ((Number) r.hints[2 * o.by().ordinal() + 1]).intValue());
        return o.descending() ? new int[] {n - 1 - last, n - 1 - first} : new int[] {first, last};
    }

    /** The first and last buckets of the words' tokens in every order, as {@link #hinted} reads them (V43). */
    private static final String HINTS = "select " + java.util.Arrays.stream(CustomerSearch.SortBy.values())
            .map(by -> {
                String column = switch (by) {
                    case NAME -> "name";
                    case ACCOUNT_NO -> "account";
                    case CAPACITY -> "capacity";
                    case ANNUAL_KWH -> "kwh";
                    case VOLTAGE -> "voltage";
                    case UPDATED -> "updated";
                    case TIER -> "tier";
                };
                return "max(" + column + "_first), min(" + column + "_last)";
            }).collect(Collectors.joining(", ")) + " from customer_search_hint where token = any(?1)";

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
        return !sized(where, probe, "buckets", buckets, -1).setMaxResults(1).getResultList().isEmpty();
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

    /** For tests: how many counts were answered from the counts of recent searches. */
    long countedHits() {
        return countedHits.get();
    }

    /** For tests: how many pages were read bucket by bucket so far. */
    long bucketPages() {
        return bucketPages.get();
    }

    private List<Long> ids(String hql, Where where, int offset, int limit) {
        String paged = hql + " limit :limit offset :offset";
        return where.bind(em.createQuery(paged, Long.class), paged).setParameter("limit", limit)
                .setParameter("offset", offset).getResultList();
    }

    /*
     * Hibernate translates a query to SQL anew at every execution when it has a list parameter, or when a limit set
     * with setMaxResults differs from the last one, and the translations cost more than half the application's time of
     * a search at a million customers (issue 17); a limit written as a parameter counts as one set with setMaxResults.
     * So a limit that varies is written into the query rounded up to a power of two ({@link #roundedUp}), the rows
     * beyond it dropped, and a list is written as that many single parameters, padded to a power of two with a value
     * no row has: each statement is translated once per size and then reused.
     */

    /** The power of two at or above {@code n}: a limit or list size that keeps the statements few (see above). */
    private static int roundedUp(int n) {
        return n <= 1 ? 1 : Integer.highestOneBit(n - 1) << 1;
    }

    /** {@code hql} with its list {@code :name} bound as {@link #withList} does, and the parameters of {@code where}. */
    private <T> TypedQuery<Long> sized(Where where, String hql, String name, List<T> values, T none) {
        return where.bind(withList(hql, name, values, none, Long.class), hql);
    }

    /**
     * {@code hql} with its list parameter {@code :name} written as single parameters ":name0, :name1, …" and bound:
     * {@code values} padded with {@code none} (a value no row has) to the next power of two.
     */
    private <T, R> TypedQuery<R> withList(String hql, String name, List<T> values, T none, Class<R> type) {
        int size = roundedUp(values.size());
        StringBuilder list = new StringBuilder("(");
        for (int i = 0; i < size; i++) {
            list.append(i == 0 ? ":" : ", :").append(name).append(i);
        }
        TypedQuery<R> q = em.createQuery(hql.replace(":" + name, list.append(')').toString()), type);
        for (int i = 0; i < size; i++) {
            q.setParameter(name + i, i < values.size() ? values.get(i) : none);
        }
        return q;
    }

    /** A word of six digits or more. */
    private static final Pattern NUMBER = Pattern.compile("(^|\\s)\\d{6,}(\\s|$)");

    /** The page of {@code ids} (all the matches of a search) in the page's order, as list rows. */
    private List<CustomerRow> sortedRows(Reading r, List<Long> ids, CustomerSearch.Order o, int offset, int limit) {
        if (ids.size() <= offset) {
            return List.of();
        }
        r.usual();
        String dir = o.descending() ? " desc" : " asc";
        // coalesce(x, x) is x, but no index serves it: the rows are read by key and sorted, not found by walking the
        // sort order's index for the ids (no customer is -1)
        return withList(ROW + " where c.id in :id order by coalesce(" + o.by().path + ", " + o.by().path + ")" + dir
                + ", c.id" + dir + " limit :limit offset :offset", "id", ids, -1L, CustomerRow.class)
                .setParameter("limit", limit).setParameter("offset", offset).getResultList();
    }

    /** The list rows ({@link #ROW}) of the customers whose ids are the array ?1. */
    private static final String ROWS_BY_ID = "select c.id, c.account_no, c.name, c.industry_name, c.district, u.name, "
            + "c.voltage_kv, c.contract_capacity_kva, c.importance, c.tier, c.annual_kwh, m.id, m.display_name "
            + "from customer c join org_unit u on u.id = c.unit_id left join app_user m on m.id = c.manager_id "
            + "where c.id = any(?)";

    /**
     * The list rows of a page of customer ids, read by key, in the page's order. The one statement of the list that
     * PostgreSQL prepares once per connection: a read by key plans alike for any ids, so after its first executions
     * it keeps a generic plan instead of planning the three-table join for every page (a third of a millisecond of a
     * search at a million customers, issue 17). The searches themselves are planned for their words each time (see
     * application.properties on prepareThreshold).
     */
    private List<CustomerRow> rows(Reading r, List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        r.usual();
        Map<Long, CustomerRow> byId = serverPrepared(ROWS_BY_ID, new Object[] {ids.toArray(Long[]::new)}, rs -> {
            Map<Long, CustomerRow> found = new java.util.HashMap<>();
            while (rs.next()) {
                long manager = rs.getLong(12);
                Long managerId = rs.wasNull() ? null : manager;
                CustomerRow row = new CustomerRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
                        Importance.valueOf(rs.getString(9)), Tier.valueOf(rs.getString(10)), rs.getBigDecimal(11),
                        managerId, rs.getString(13));
                found.put(row.id(), row);
            }
            return found;
        });
        return ids.stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /**
     * How many customers match, counted exactly up to {@link #COUNT_LIMIT}; {@code COUNT_LIMIT + 1} means "more than
     * that" and the list says so. Counting every match of a broad word among 100,000 customers costs ten times the
     * page itself; the query has no order so that it stops at the first rows it finds, in any plan.
     */
    @Transactional
    long count(Viewer viewer, CustomerSearch search) {
        Reading r = new Reading();
        try {
            return count(r, viewer, search);
        } finally {
            r.usual();
        }
    }

    private long count(Reading r, Viewer viewer, CustomerSearch search) {
        Where where = where(viewer, search);
        // a customer user's own accounts, a handful: counted on the customer rows as they are read
        return viewer.role() == Role.CUSTOMER ? capped(where, "select c.id from Customer c where "
                + where.allOnCustomer())
                : count(r, where, "select c.id" + SEARCHED + " where " + where.all(), search.text());
    }

    /**
     * The capped count of {@code hql}. With words, in bounded steps instead of the planner's choice: it would walk
     * whichever index it likes and test each entry until it has 1,001 matches, and a word whose matches cluster at the
     * far end of that index costs a walk of the table (C26 at a million customers: 946,550 entries of the voltage
     * order, 383 ms).
     *
     * <p>Once there are sort buckets, a sample of name buckets spread evenly over the span the words' hints allow is
     * counted first ({@link #sampled}): 1,001 matches found there prove "more than 1,000" for a few milliseconds. The
     * name order clusters words (a place's customers sit together), so a walk along its first customers found the
     * matches of a word spread at 5–10 % too rarely, and counting such a word through the word index costs its whole
     * posting list (20–25 ms for 建材 with tier A, or L05, at a million; BENCHMARKS.md, issue 17). Without buckets the
     * name order is walked (index-only) for {@link #COUNT_FIRST_WALK} entries, then {@link #COUNT_WALK} for a word
     * dense enough. Any other word is counted through the word index (bitmap scans only), which costs its posting
     * list and at most 1,001 rows: a millisecond for an exact 户号.
     */
    private long count(Reading r, Where where, String hql, String text) {
        if (!where.hasText()) {
            return capped(where, hql);
        }
        Buckets names = r.buckets(CustomerSearch.SortBy.NAME);
        if (names.last() > 0) {
            return bucketedMatches(r, where, hql, names.last() + 1, text).size();
        }
        r.usual();
        long seen = capped(where, countWalk(where, COUNT_FIRST_WALK));
        if (seen > COUNT_LIMIT || seen * (COUNT_WALK / COUNT_FIRST_WALK) > COUNT_LIMIT
                && capped(where, countWalk(where, COUNT_WALK)) > COUNT_LIMIT) {
            return COUNT_LIMIT + 1;
        }
        r.bitmapOnly();
        return capped(where, hql);
    }

    /**
     * The matches of the text search {@code hql} over {@code n} name buckets, up to {@link #COUNT_LIMIT} + 1 of them:
     * a sample of the buckets shows a broad word and reads a narrow span whole ({@link #sampled}); otherwise they are
     * fetched through the word index. A number of six digits or more (a 户号, a credit code, a telephone) is not
     * sampled: it has few matches, and its trigrams are in every 户号, so each sampled bucket would cost a millisecond
     * or more to find nothing.
     */
    private List<Long> bucketedMatches(Reading r, Where where, String hql, int n, String text) {
        String key = counted == null || !where.countable() ? null : where.key(hql);
        Counted known = key == null ? null : counted.getIfPresent(key);
        if (known != null && known.version() == r.version) {
            countedHits.incrementAndGet();
            return Arrays.stream(known.ids()).boxed().toList();
        }
        List<Long> found = uncountedMatches(r, where, hql, n, text);
        if (key != null && r.version >= 0) {
            counted.put(key, new Counted(r.version, found.stream().mapToLong(Long::longValue).toArray()));
        }
        return found;
    }

    private List<Long> uncountedMatches(Reading r, Where where, String hql, int n, String text) {
        r.bitmapOnly(where);
        if (!NUMBER.matcher(text).find()) {
            Sample sample = sampled(r, where, n);
            if (sample.found() > COUNT_LIMIT || sample.whole()) {
                return sample.ids();
            }
        }
        return cappedIds(where, hql);
    }

    /**
     * The matches found in a sample of buckets (up to {@link #COUNT_LIMIT} + 1), and whether the sample is the whole
     * span the words' hints allow: then no match lies outside it, and it counted them all.
     */
    private record Sample(List<Long> ids, boolean whole) {
        long found() {
            return ids.size();
        }
    }

    /** Name buckets counted in the first round of {@link #sampled}, and the most counted before giving up. */
    static final int SAMPLE_ROUND = 8;
    static final int SAMPLE_MAX = 64;

    /**
     * The matches (up to {@link #COUNT_LIMIT} + 1) in a sample of the {@code n} name buckets, taken in rounds over the
     * span the words' hints allow (V43): 8 buckets spread evenly over it, then as many more between them as the rate
     * found so far says are missing, and a quarter more (the van der Corput sequence), until more than
     * {@link #COUNT_LIMIT} are found, {@link #SAMPLE_MAX} buckets are counted, or what was found says the span holds
     * fewer than twice the limit or that the buckets left to sample would not reach it (the exact count is then cheaper
     * through the word index). Each bucket costs one index probe that intersects it with the words, each match one row
     * read. A span of at most {@link #SAMPLE_MAX} buckets may be counted whole, which is the exact count.
     */
    private Sample sampled(Reading r, Where where, int n) {
        int[] span = hinted(r, where, new CustomerSearch.Order(CustomerSearch.SortBy.NAME, false), n);
        int width = span[1] - span[0] + 1;
        if (width <= 0) {
            return new Sample(List.of(), true);
        }
        String probe = "select c.id" + SEARCHED + " where " + where.all() + " and c.nameBucket in :buckets limit ";
        int most = Math.min(width, SAMPLE_MAX);
        java.util.BitSet counted = new java.util.BitSet(width);
        List<Long> ids = new ArrayList<>();
        long found = 0;
        int next = 0;
        int round = Math.min(SAMPLE_ROUND, most);
        while (true) {
            List<Integer> buckets = new ArrayList<>(round);
            while (buckets.size() < round) {
                // the next point of the van der Corput sequence: 1/2, 1/4, 3/4, 1/8, 5/8, 3/8, 7/8, …
                int at = (int) ((Integer.reverse(next++ + 1) >>> 1) * (long) width >>> 31);
                int free = counted.nextClearBit(at);
                if (free >= width) {
                    free = counted.nextClearBit(0);
                }
                counted.set(free);
                buckets.add(span[0] + free);
            }
            int wanted = (int) (COUNT_LIMIT + 1 - found);
            List<Long> more = sized(where, probe + roundedUp(wanted), "buckets", buckets, -1).getResultList();
            ids.addAll(more.size() > wanted ? more.subList(0, wanted) : more);
            found = ids.size();
            int sampled = counted.cardinality();
            // done when the limit is passed, the sample is full, the span looks to hold fewer than twice the limit, or
            // the buckets left to sample would not reach it at the rate seen so far
            if (found > COUNT_LIMIT || sampled >= most || found * width < 2L * COUNT_LIMIT * sampled
                    || (COUNT_LIMIT + 1 - found) * sampled > found * (most - sampled)) {
                return new Sample(ids, sampled >= width);
            }
            // the next round: as many buckets as the rate so far says are missing, and a quarter more
            round = (int) Math.min(most - sampled, ((COUNT_LIMIT + 1 - found) * sampled * 5 + 4 * found - 1)
                    / (4 * found));
        }
    }

    /** The matches among the first {@code window} customers of the name order (index-only). */
    private static String countWalk(Where where, int window) {
        return "select w.id from (select c.id as id, c.searchText as searchText" + SEARCHED + " where "
                + where.filters() + " order by c.name, c.id limit " + window + ") w where " + where.substrings("w");
    }

    /** How many customers the capped count of a text search walks in name order first (without buckets). */
    static final int COUNT_FIRST_WALK = 2_000;

    /** How far the capped count walks a word dense enough to show 1,001 matches there. */
    static final int COUNT_WALK = 10_000;

    private long capped(Where where, String hql) {
        return cappedIds(where, hql).size();
    }

    /** The first {@link #COUNT_LIMIT} + 1 ids {@code hql} finds. */
    private List<Long> cappedIds(Where where, String hql) {
        return where.bind(em.createQuery(hql, Long.class), hql).setMaxResults(COUNT_LIMIT + 1).getResultList();
    }

    /**
     * A search as HQL conditions on the customer {@code c} (a {@link Customer} or its {@link CustomerSearchEntry},
     * whose properties have the same names): the scope and filters, and the words. The words are written twice:
     * as index conditions ({@link #all}) and as plain substring tests on the search text of an already narrowed,
     * ordered set ({@link #substrings}), for any alias.
     */
    private record Where(List<String> filterParts, List<String> indexedText, List<String> substringText,
                         Parameters params, boolean countable) {

        /**
         * The search {@code hql} with these parameters, as a key of {@link #counted}: the scope is among them, so
         * viewers who see different customers never share a key.
         */
        String key(String hql) {
            StringBuilder key = new StringBuilder(hql);
            new java.util.TreeMap<>(params.map()).forEach((name, value) -> key.append('\u0000').append(name)
                    .append('=').append(Arrays.deepToString(new Object[] {value})));
            return key.toString();
        }

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

        /** The tokens of the short words, or null when there are none. */
        String[] tokens() {
            return params.map().get("tokens") instanceof String[] t && t.length > 0 ? t : null;
        }

        /** Binds the parameters that the query uses (the two forms of the words use different ones). */
        <T> TypedQuery<T> bind(TypedQuery<T> q, String hql) {
            params.map().forEach((name, value) -> {
                if (uses(hql, name)) {
                    q.setParameter(name, value);
                }
            });
            return q;
        }

        /** Whether {@code hql} names the parameter {@code :name} (not a longer name that begins with it). */
        private static boolean uses(String hql, String name) {
            String mark = ":" + name;
            for (int at = hql.indexOf(mark); at >= 0; at = hql.indexOf(mark, at + 1)) {
                int after = at + mark.length();
                if (after == hql.length()
                        || !Character.isLetterOrDigit(hql.charAt(after)) && hql.charAt(after) != '_') {
                    return true;
                }
            }
            return false;
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
        // the counts of recent searches are kept until one of the columns filtered on here changes (V44's trigger
        // names them): a filter on another column of the search copy must be added there
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
        // another feature's groups are conditions on other tables, which the search copy's version (V44) does not
        // follow: such a search is counted every time
        return new Where(parts, indexed, substrings, params, s.groups().isEmpty());
    }
}
