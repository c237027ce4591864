package cn.keyaccount.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The counts of recent searches (V44): a search asked again is answered from the count kept while nothing it counts
 * has changed, and counted anew, right, as soon as a customer is added, renamed, moved or removed — compared each time
 * with a plain count of the search copy.
 */
@QuarkusTest
class CustomerSearchCountsTest {

    @Inject
    CustomerService customers;

    @Inject
    CustomerSearchBuckets buckets;

    @Inject
    UserService users;

    @Inject
    EntityManager em;

    @BeforeEach
    void bucketed() {
        buckets.rebalance(20); // the counts of a bucketed search copy are the ones kept
    }

    @AfterEach
    void asBefore() {
        buckets.rebalance(Integer.MAX_VALUE);
    }

    @Test
    void a_search_asked_again_is_not_counted_again_until_what_it_counts_changes() {
        Viewer admin = users.viewer("admin");
        List<CustomerRow> all = customers.search(admin, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 300);
        String word = all.get(all.size() / 2).name().substring(0, 2);
        CustomerSearch search = CustomerSearch.text(word);
        long before = plainCount(word, "");
        assertTrue(before > 0 && before < all.size(), word + " matches some customers: " + before);

        assertEquals(before, customers.page(admin, search, CustomerSearch.Order.DEFAULT, 0, 10).total());
        long hits = customers.countedHits();
        assertEquals(before, customers.page(admin, search, new CustomerSearch.Order(CustomerSearch.SortBy.CAPACITY,
                true), 0, 10).total());
        assertEquals(before, customers.count(admin, search));
        assertEquals(hits + 2, customers.countedHits(), "another order and the grid's count come from the count kept");

        // a sort key and the buckets change: no count changes, the version stays and the count is still kept
        long version = version();
        long otherId = QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select min(id) from customer_search where search_text not like ?1").setParameter(1, "%" + word + "%")
                .getSingleResult()).longValue());
        CustomerRow other = all.stream().filter(c -> c.id() == otherId).findFirst().orElseThrow();
        write("update customer set annual_kwh = annual_kwh + 1 where id = ?1", other.id());
        buckets.rebalance(30);
        assertEquals(version, version(), "a sort key and the buckets are not what a search counts");
        assertEquals(before, customers.page(admin, search, CustomerSearch.Order.DEFAULT, 0, 10).total());
        assertEquals(hits + 3, customers.countedHits());

        String name = other.name();
        try {
            // a customer takes the word into its name: the version moves with its commit, and the search counts it
            write("update customer set name = name || ?2 where id = ?1", other.id(), word);
            assertEquals(version + 1, version());
            assertEquals(before + 1, plainCount(word, ""));
            assertEquals(before + 1, customers.page(admin, search, CustomerSearch.Order.DEFAULT, 0, 10).total());
            assertEquals(before + 1, customers.count(admin, search));
            assertEquals(hits + 4, customers.countedHits(), "counted anew once, then kept again");

            // a change rolled back moves nothing
            QuarkusTransaction.begin();
            em.createNativeQuery("update customer set name = 'x' where id = ?1").setParameter(1, other.id())
                    .executeUpdate();
            QuarkusTransaction.rollback();
            assertEquals(version + 1, version(), "a rolled-back change does not move the version");
        } finally {
            write("update customer set name = ?2 where id = ?1", other.id(), name);
        }
        assertEquals(before, customers.page(admin, search, CustomerSearch.Order.DEFAULT, 0, 10).total(),
                "the name as it was: counted anew");
    }

    @Test
    void many_rows_written_in_one_transaction_move_the_version_once() {
        long version = version();
        List<?> ids = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "select id from customer order by id").setMaxResults(5).getResultList());
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                for (Object id : ids) {
                    em.createNativeQuery("update customer set tier = case tier when 'A' then 'B' else 'A' end "
                            + "where id = ?1").setParameter(1, id).executeUpdate();
                }
            });
            assertEquals(version + 1, version(), "five customers' tiers in one transaction: one new version");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> {
                for (Object id : ids) {
                    em.createNativeQuery("update customer set tier = case tier when 'A' then 'B' else 'A' end "
                            + "where id = ?1").setParameter(1, id).executeUpdate();
                }
            });
        }
        assertEquals(version + 2, version());
    }

    @Test
    void viewers_who_see_different_customers_do_not_share_a_count() {
        Viewer admin = users.viewer("admin");
        Viewer county = users.viewer("supervisor.cg");
        List<CustomerRow> theirs = customers.search(county, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 300);
        String word = theirs.getFirst().name().substring(0, 2);
        CustomerSearch search = CustomerSearch.text(word);
        long everyone = customers.count(admin, search);
        long hits = customers.countedHits();
        long own = customers.count(county, search);
        assertEquals(hits, customers.countedHits(), "the county's count is its own, not the administrator's");
        assertEquals(plainCount(word, county.unitPath()), own);
        assertEquals(plainCount(word, ""), everyone);
        assertTrue(own <= everyone);
    }

    @Test
    void a_search_in_the_callers_transaction_leaves_the_planner_settings_and_the_connection_as_they_were() {
        Viewer admin = users.viewer("admin");
        String settings = "select current_setting('enable_seqscan') || current_setting('enable_indexscan') "
                + "|| current_setting('enable_indexonlyscan') || ' ' || current_setting('plan_cache_mode')";
        QuarkusTransaction.requiringNew().run(() -> {
            assertEquals(0, prepareThreshold(), "as configured: the searches are planned for their words");
            for (String word : List.of("有限", "公司", "l0")) {
                customers.page(admin, CustomerSearch.text(word), CustomerSearch.Order.DEFAULT, 0, 10);
                customers.page(admin, CustomerSearch.text(word), new CustomerSearch.Order(
                        CustomerSearch.SortBy.CAPACITY, true), 0, 10);
                assertEquals("ononon auto", em.createNativeQuery(settings).getSingleResult(), "after " + word);
                // the statements read with bitmap scans only were prepared on the server, and no others will be
                assertEquals(0, prepareThreshold(), "after " + word);
            }
            long prepared = ((Number) em.createNativeQuery("select count(*) from pg_prepared_statements "
                    + "where statement like '%customer_search%'").getSingleResult()).longValue();
            assertTrue(prepared > 0, "the bucket reads are prepared statements: " + prepared);
        });
        // in a transaction of its own the settings end with it
        customers.page(admin, CustomerSearch.text("有限"), CustomerSearch.Order.DEFAULT, 0, 10);
        assertEquals("ononon auto", QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(settings)
                .getSingleResult()));
    }

    private int prepareThreshold() {
        int[] threshold = new int[1];
        em.unwrap(org.hibernate.Session.class).doWork(c -> threshold[0] = c.unwrap(org.postgresql.PGConnection.class)
                .getPrepareThreshold());
        return threshold[0];
    }

    private long plainCount(String word, String pathPrefix) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from customer_search where search_text like ?1 and unit_path like ?2")
                .setParameter(1, "%" + word.toLowerCase() + "%").setParameter(2, pathPrefix + "%")
                .getSingleResult()).longValue());
    }

    private long version() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select version from customer_search_version").getSingleResult()).longValue());
    }

    private void write(String sql, Object... params) {
        QuarkusTransaction.requiringNew().run(() -> {
            var q = em.createNativeQuery(sql);
            for (int i = 0; i < params.length; i++) {
                q.setParameter(i + 1, params[i]);
            }
            q.executeUpdate();
        });
    }
}
