package cn.keyaccount.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * The sort buckets of the search copy (V42): a page read bucket by bucket is the page of the plain query, and every
 * row's buckets follow its sort keys, after a recomputation and after the customers change.
 */
@QuarkusTest
class CustomerSearchBucketsTest {

    /** Buckets of this many customers split the 300 demo customers into fifteen per order. */
    private static final int SMALL = 20;

    private static final String[][] ORDERS = {
        {"name_bucket", "name"}, {"account_bucket", "account_no"}, {"capacity_bucket", "contract_capacity_kva"},
        {"annual_kwh_bucket", "annual_kwh"}, {"voltage_bucket", "voltage_kv"}, {"updated_bucket", "updated_at"},
        {"tier_bucket", "tier"},
    };

    @Inject
    CustomerService customers;

    @Inject
    CustomerSearchBuckets buckets;

    @Inject
    UserService users;

    @Inject
    EntityManager em;

    @Test
    void a_page_read_bucket_by_bucket_is_the_page_of_the_plain_query_for_terms_orders_filters_and_scopes() {
        Viewer admin = users.viewer("admin");
        buckets.rebalance(SMALL);
        try {
            assertBucketsFollowTheSortKeys();
            assertTrue(hints() > 10, "the tokens of more than a bucket of customers have hints: " + hints());
            List<CustomerRow> all = customers.search(admin, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 300);
            CustomerRow late = all.get(all.size() - 20);
            CustomerRow some = all.get(all.size() / 3);
            List<String> terms = List.of("有限", "公司", late.name().substring(0, 2), some.name().substring(2, 4),
                    late.name().substring(0, 1), some.accountNo().substring(0, 4), some.accountNo(),
                    Objects.requireNonNullElse(some.industryName(), "化工"),
                    Objects.requireNonNullElse(some.district(), "城关"), "l0", "有限 公司",
                    late.name().substring(0, 2) + " 有限", "不存在");
            List<Viewer> viewers = List.of(admin, users.viewer("supervisor"), users.viewer("supervisor.cg"),
                    users.viewer("manager"));
            List<CustomerSearch.Order> orders = new ArrayList<>();
            for (CustomerSearch.SortBy by : CustomerSearch.SortBy.values()) {
                orders.add(new CustomerSearch.Order(by, false));
                orders.add(new CustomerSearch.Order(by, true));
            }
            long before = customers.bucketPages();
            int compared = 0;
            for (String term : terms) {
                List<CustomerSearch> filtered = List.of(new CustomerSearch(term, Tier.A, null, null, null, null),
                        new CustomerSearch(term, null, null, some.voltageKv(), null, null),
                        new CustomerSearch(term, null, null, null, some.importance(), null));
                for (CustomerSearch.Order order : orders) {
                    for (Viewer viewer : viewers) {
                        assertSamePage(viewer, CustomerSearch.text(term), order, 0);
                        compared++;
                    }
                    assertSamePage(admin, CustomerSearch.text(term), order, 7);
                    for (CustomerSearch search : filtered) {
                        assertSamePage(admin, search, order, 0);
                    }
                    compared += 4;
                }
            }
            long read = customers.bucketPages() - before;
            assertTrue(read > compared / 4, "pages read by bucket: " + read + " of " + compared);

            // customers change after the buckets were made: their rows move into the buckets of their new keys
            long first = all.getFirst().id();
            long last = all.getLast().id();
            String firstName = all.getFirst().name();
            String lastName = all.getLast().name();
            BigDecimal capacity = all.getFirst().contractCapacityKva();
            // a frequent pair of characters that no customer of the smallest capacities carries: its hint must widen
            // when one of them takes it into their name
            List<?> pairs = QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("select token from "
                    + "customer_search_hint where capacity_first > 0 and char_length(token) = 2 order by token")
                    .setMaxResults(1).getResultList());
            assertEquals(1, pairs.size(), "a frequent pair of characters beyond the first capacity bucket");
            String pair = (String) pairs.getFirst();
            try {
                update(first, lastName + "后", new BigDecimal("999999.0"));
                update(last, "0" + firstName + pair, new BigDecimal("0.5"));
                assertBucketsFollowTheSortKeys();
                Number widened = QuarkusTransaction.requiringNew().call(() -> (Number) em.createNativeQuery(
                        "select capacity_first from customer_search_hint where token = ?1").setParameter(1, pair)
                        .getSingleResult());
                assertEquals(0, widened.intValue(), "the hint of " + pair + " now begins in the first bucket");
                for (String term : List.of("有限", lastName.substring(0, 2), firstName.substring(0, 2), "公司", pair)) {
                    for (CustomerSearch.Order order : orders) {
                        assertSamePage(admin, CustomerSearch.text(term), order, 0);
                    }
                }
            } finally {
                update(first, firstName, capacity);
                update(last, lastName, all.getLast().contractCapacityKva());
            }
        } finally {
            buckets.rebalance(Integer.MAX_VALUE);
            customers.walkWindow(CustomerListSearch.WALK_WINDOW);
            customers.fewMatches(CustomerListSearch.FEW_MATCHES);
            customers.walkBeforeBuckets(CustomerListSearch.WALK_BEFORE_BUCKETS);
        }
        assertBucketsFollowTheSortKeys();
    }

    @Test
    void the_buckets_are_recomputed_only_when_the_customers_have_outgrown_them() {
        assertEquals(false, buckets.rebalanceIfUneven(), "300 customers fit in one bucket of 1,000");
    }

    private void assertSamePage(Viewer viewer, CustomerSearch search, CustomerSearch.Order order, int offset) {
        customers.walkWindow(0); // the plain query: every page straight from the sort order
        List<Long> plain = ids(customers.search(viewer, search, order, offset, 10));
        customers.walkWindow(CustomerListSearch.WALK_WINDOW);
        customers.fewMatches(0); // never "few"
        customers.walkBeforeBuckets(0); // no walk: bucket by bucket
        CustomerService.CustomerPage page = customers.page(viewer, search, order, offset, 10);
        customers.fewMatches(CustomerListSearch.FEW_MATCHES);
        customers.walkBeforeBuckets(CustomerListSearch.WALK_BEFORE_BUCKETS);
        assertEquals(plain, ids(page.rows()), viewer.username() + " " + search + " " + order + " from " + offset);
        assertEquals(customers.count(viewer, search), page.total(), "the total of " + search);
        // as the list reads it: few matches fetched, counted and sorted in one statement, many bucket by bucket
        CustomerService.CustomerPage usual = customers.page(viewer, search, order, offset, 10);
        assertEquals(plain, ids(usual.rows()), "as the list reads it: " + viewer.username() + " " + search + " "
                + order + " from " + offset);
        assertEquals(page.total(), usual.total(), "the total as the list reads it: " + search);
    }

    private static List<Long> ids(List<CustomerRow> rows) {
        return rows.stream().map(CustomerRow::id).toList();
    }

    private void update(long id, String name, BigDecimal capacity) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update customer set name = ?1, contract_capacity_kva = ?2 where id = ?3")
                .setParameter(1, name).setParameter(2, capacity).setParameter(3, id).executeUpdate());
    }

    /** In every order, a row's bucket is the last bucket that begins at or before its sort key and id. */
    private void assertBucketsFollowTheSortKeys() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String[] o : ORDERS) {
                Number wrong = (Number) em.createNativeQuery("select count(*) from (select " + o[0] + " as b, lag("
                        + o[0] + ") over (order by " + o[1] + ", id) as before from customer_search) x "
                        + "where x.b < x.before").getSingleResult();
                assertEquals(0, wrong.intValue(), o[0] + " never falls along the order of " + o[1]);
            }
            Number wrong = (Number) em.createNativeQuery("""
                    select count(*) from customer_search c
                     where c.name_bucket <> customer_search_text_bucket('NAME', c.name, c.id)
                        or c.account_bucket <> customer_search_text_bucket('ACCOUNT_NO', c.account_no, c.id)
                        or c.capacity_bucket <> customer_search_num_bucket('CAPACITY', c.contract_capacity_kva, c.id)
                        or c.annual_kwh_bucket <> customer_search_num_bucket('ANNUAL_KWH', c.annual_kwh, c.id)
                        or c.voltage_bucket <> customer_search_num_bucket('VOLTAGE', c.voltage_kv, c.id)
                        or c.updated_bucket <> customer_search_ts_bucket('UPDATED', c.updated_at, c.id)
                        or c.tier_bucket <> customer_search_text_bucket('TIER', c.tier::text, c.id)""")
                    .getSingleResult();
            assertEquals(0, wrong.intValue(), "every row is in the bucket its sort keys fall in");
            // V43: each hint bounds the buckets of every row that carries its token, in every order
            Number outside = (Number) em.createNativeQuery("""
                    select count(*) from customer_search c cross join lateral unnest(c.search_tokens) t
                      join customer_search_hint h on h.token = t
                     where c.name_bucket not between h.name_first and h.name_last
                        or c.account_bucket not between h.account_first and h.account_last
                        or c.capacity_bucket not between h.capacity_first and h.capacity_last
                        or c.annual_kwh_bucket not between h.kwh_first and h.kwh_last
                        or c.voltage_bucket not between h.voltage_first and h.voltage_last
                        or c.updated_bucket not between h.updated_first and h.updated_last
                        or c.tier_bucket not between h.tier_first and h.tier_last""").getSingleResult();
            assertEquals(0, outside.intValue(), "no row lies outside the hint of one of its tokens");
        });
    }

    private long hints() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from customer_search_hint").getSingleResult()).longValue());
    }
}
