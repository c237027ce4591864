package cn.keyaccount.customer;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The sort buckets of the customer search copy (V42): for each sort order of the list, runs of about {@link #SIZE}
 * neighbouring customers, so that a page of a broad word is read bucket by bucket along the order
 * ({@link CustomerListSearch}). A new or changed customer goes into the bucket its sort keys fall in (a trigger);
 * the buckets are recomputed, all at once, when the customers have outgrown them: at start and every night (job
 * {@code customer-search-buckets}), only when the average bucket holds more than twice {@link #SIZE}.
 */
@ApplicationScoped
public class CustomerSearchBuckets {

    private static final Logger LOG = Logger.getLogger(CustomerSearchBuckets.class);

    /** Customers per bucket: a bucket's matches are read and sorted whole, a few milliseconds at most. */
    public static final int SIZE = 1_000;

    /**
     * One sort order of the list: its name in customer_search_bound, its bucket column, its sort key column (the same
     * name in {@code customer} and its search copy) and the column of its bound's key.
     */
    public record Order(String sortBy, String bucketColumn, String keyColumn, String boundKeyColumn) {
    }

    /** Every sort order, in the order of the bucket columns. */
    public static final List<Order> ORDERS = List.of(
        new Order("NAME", "name_bucket", "name", "text_key"),
        new Order("ACCOUNT_NO", "account_bucket", "account_no", "text_key"),
        new Order("CAPACITY", "capacity_bucket", "contract_capacity_kva", "num_key"),
        new Order("ANNUAL_KWH", "annual_kwh_bucket", "annual_kwh", "num_key"),
        new Order("VOLTAGE", "voltage_bucket", "voltage_kv", "num_key"),
        new Order("UPDATED", "updated_bucket", "updated_at", "ts_key"),
        new Order("TIER", "tier_bucket", "tier", "text_key"));

    private final AgroalDataSource dataSource;

    CustomerSearchBuckets(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * After the demo data (when there is any): a database that has grown since the last run is rebucketed, on a
     * background thread so that the start is not held (a million customers' first bucketing takes minutes); until it
     * is done the search reads the buckets it has (all in one after an upgrade: the plain way).
     */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION + 950) StartupEvent event) {
        Thread.ofPlatform().name("customer-search-buckets").daemon().start(() -> {
            try {
                rebalanceIfUneven();
            } catch (RuntimeException e) {
                LOG.warnf("Customer search buckets not recomputed at start (the nightly job tries again): %s",
                        e.getMessage());
            }
        });
    }

    @Scheduled(identity = "customer-search-buckets", cron = "0 20 2 * * ?", timeZone = "${keyaccount.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void nightly() {
        rebalanceIfUneven();
    }

    /** Recomputes the buckets when the average one holds more than twice {@link #SIZE}; whether it did. */
    public boolean rebalanceIfUneven() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select (select count(*) from customer_search), "
                     + "(select count(*) from customer_search_bound where sort_by = 'NAME')")) {
            rs.next();
            long customers = rs.getLong(1);
            long buckets = rs.getLong(2) + 1;
            if (customers / buckets <= 2L * SIZE) {
                return false;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("customer search buckets: " + e.getMessage(), e);
        }
        rebalance(SIZE);
        return true;
    }

    /**
     * Recomputes every sort order's buckets of {@code size} customers and writes each changed row's bucket numbers, in
     * one transaction that makes writers of customers wait (searches go on, on the buckets they began with), then
     * vacuums the search copy (the visibility map of its index-only walks). Returns how many rows changed.
     */
    public long rebalance(int size) {
        long start = System.nanoTime();
        long changed;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.execute("lock table customer_search in exclusive mode");
                changed = assign(c, size, true);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("analyze customer_search_bound, customer_search_hint");
                if (changed > 0) {
                    s.execute("vacuum (analyze) customer_search");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("customer search buckets: " + e.getMessage(), e);
        }
        LOG.infof("Customer search buckets of %d recomputed: %d rows changed in %d ms", size, changed,
                (System.nanoTime() - start) / 1_000_000);
        return changed;
    }

    /**
     * Recomputes every sort order's buckets of {@code size} customers inside the caller's transaction on {@code c}:
     * the bounds anew, each row's bucket numbers where they changed, the generation raised, and with {@code withHints}
     * the hints of the frequent tokens (V43) anew (the demo generator makes them in a second session instead, while the
     * word index is built: {@link #hints(int)}). The caller locks, commits and vacuums; the demo generator calls it
     * on its fresh rows before their indexes are built, so that a generated database starts with its buckets (a
     * million customers' rows rewritten without the word index to keep up). Returns how many rows changed.
     */
    public static long assign(Connection c, int size, boolean withHints) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("set local work_mem = '64MB'");
            // every row's buckets change here; the hints are made anew afterwards (V43's trigger stands aside)
            s.execute("set local keyaccount.search_hints = 'off'");
            StringBuilder ranks = new StringBuilder("create temp table customer_search_rank on commit drop as "
                    + "select id");
            for (Order o : ORDERS) {
                ranks.append(", row_number() over (order by ").append(o.keyColumn()).append(", id) - 1 as ")
                        .append(o.sortBy());
            }
            s.execute(ranks.append(" from customer_search").toString());
            s.execute("delete from customer_search_bound");
            for (Order o : ORDERS) {
                String rank = "r." + o.sortBy();
                s.execute("insert into customer_search_bound (sort_by, bucket, " + o.boundKeyColumn() + ", id) "
                        + "select '" + o.sortBy() + "', " + rank + " / " + size + ", c." + o.keyColumn() + ", c.id "
                        + "from customer_search_rank r join customer_search c on c.id = r.id where " + rank
                        + " > 0 and " + rank + " % " + size + " = 0");
            }
            StringBuilder set = new StringBuilder();
            StringBuilder now = new StringBuilder();
            StringBuilder then = new StringBuilder();
            for (Order o : ORDERS) {
                String value = "r." + o.sortBy() + " / " + size;
                set.append(set.isEmpty() ? "" : ", ").append(o.bucketColumn()).append(" = ").append(value);
                now.append(now.isEmpty() ? "" : ", ").append("c.").append(o.bucketColumn());
                then.append(then.isEmpty() ? "" : ", ").append(value);
            }
            long changed = s.executeUpdate("update customer_search c set " + set + " from customer_search_rank r "
                    + "where r.id = c.id and (" + now + ") is distinct from (" + then + ")");
            s.execute(NEXT_GENERATION);
            s.execute("drop table customer_search_rank");
            if (withHints) {
                s.execute(hints(size));
            }
            return changed;
        }
    }

    private static final String NEXT_GENERATION = "update customer_search_bucketing set generation = generation + 1";

    /**
     * The bounds of buckets that a bulk load wrote into its rows itself (the demo generator at a million customers,
     * whose rows come with their bucket numbers instead of being rewritten by {@link #assign}), inside the caller's
     * transaction on {@code c}: for each order, {@code firstIds[k]} is the id of the first customer of bucket k + 1 in
     * that order (its key is read from the search copy), and the generation is raised as {@link #assign} raises it.
     * The hints are not made here ({@link #hints(int)}).
     */
    public static void writeBounds(Connection c, Map<Order, long[]> firstIds) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("delete from customer_search_bound");
        }
        for (Order o : ORDERS) {
            long[] ids = firstIds.get(o);
            Long[] boxed = new Long[ids.length];
            Integer[] buckets = new Integer[ids.length];
            for (int k = 0; k < ids.length; k++) {
                boxed[k] = ids[k];
                buckets[k] = k + 1;
            }
            try (PreparedStatement ps = c.prepareStatement("insert into customer_search_bound (sort_by, bucket, "
                    + o.boundKeyColumn() + ", id) select ?, u.bucket, c." + o.keyColumn() + ", c.id "
                    + "from unnest(?::bigint[], ?::int[]) u (id, bucket) join customer_search c on c.id = u.id")) {
                ps.setString(1, o.sortBy());
                ps.setArray(2, c.createArrayOf("bigint", boxed));
                ps.setArray(3, c.createArrayOf("int", buckets));
                if (ps.executeUpdate() != ids.length) {
                    throw new SQLException("customer search bounds of " + o.sortBy() + ": a first id is not in the "
                            + "search copy");
                }
            }
        }
        try (Statement s = c.createStatement()) {
            s.execute(NEXT_GENERATION);
        }
    }

    /**
     * The statement that makes the hints anew (V43): for each token that more than {@code size} customers carry (one
     * bucket's worth), its first and last bucket in every sort order. A token with fewer matches never needs them (its
     * page is fetched by word); one that grows past it meanwhile has no hint until the next recomputation, and its
     * search starts at the first bucket.
     */
    public static String hints(int size) {
        return "delete from customer_search_hint; insert into customer_search_hint select t, min(name_bucket), "
                + "max(name_bucket), min(account_bucket), max(account_bucket), min(capacity_bucket), "
                + "max(capacity_bucket), min(annual_kwh_bucket), max(annual_kwh_bucket), min(voltage_bucket), "
                + "max(voltage_bucket), min(updated_bucket), max(updated_bucket), min(tier_bucket), max(tier_bucket) "
                + "from customer_search, unnest(search_tokens) t group by t having count(*) > " + size;
    }
}
