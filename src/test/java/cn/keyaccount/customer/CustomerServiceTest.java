package cn.keyaccount.customer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.audit.AuditEntry;
import cn.keyaccount.audit.AuditQuery;
import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CustomerServiceTest {

    @Inject
    CustomerService customers;

    @Inject
    UserService users;

    @Inject
    AuditService audit;

    private Viewer viewer(String username) {
        return users.viewer(username);
    }

    @Test
    void a_manager_sees_exactly_the_customers_assigned_to_them() {
        Viewer manager = viewer("manager");
        long count = customers.count(manager, CustomerSearch.all());
        assertTrue(count > 0);
        List<CustomerRow> rows = customers.search(manager, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 500);
        assertEquals(count, rows.size());
        for (CustomerRow row : rows) {
            CustomerDetails d = customers.get(manager, row.id());
            assertTrue(manager.userId() == d.managerId()
                    || (d.backupManagerId() != null && manager.userId() == d.backupManagerId()));
        }
        long all = customers.count(Viewer.system(), CustomerSearch.all());
        assertTrue(count < all);
    }

    @Test
    void another_managers_customer_is_reported_as_absent() {
        Viewer manager = viewer("manager");
        Viewer other = viewer("mgr02");
        long foreign = customers.search(other, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 50).stream()
                .filter(r -> r.managerId() != null && r.managerId() == other.userId()).findFirst().orElseThrow().id();
        BusinessException e = assertThrows(BusinessException.class, () -> customers.get(manager, foreign));
        assertEquals(BusinessException.Kind.NOT_FOUND, e.kind());
    }

    @Test
    void a_station_supervisor_sees_only_the_customers_of_their_station() {
        long county = customers.count(viewer("supervisor"), CustomerSearch.all());
        long station = customers.count(viewer("supervisor.cg"), CustomerSearch.all());
        assertEquals(customers.count(Viewer.system(), CustomerSearch.all()), county);
        assertTrue(station > 0 && station < county);
    }

    @Test
    void search_text_finds_by_account_number_line_and_manager_name() {
        Viewer admin = viewer("admin");
        CustomerRow any = customers.search(admin, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1).get(0);
        CustomerDetails d = customers.get(admin, any.id());
        assertTrue(customers.search(admin, CustomerSearch.text(d.accountNo()), null, 0, 10).stream()
                .anyMatch(r -> r.id() == d.id()));
        String line = d.lines().get(0).code();
        assertTrue(customers.search(admin, CustomerSearch.text(line), null, 0, 1000).stream()
                .anyMatch(r -> r.id() == d.id()));
        assertTrue(customers.count(admin, CustomerSearch.text(d.managerName())) >= 1);
    }

    @Test
    void the_list_finds_a_changed_customer_by_its_new_values_and_no_longer_by_its_old_name() {
        Viewer admin = viewer("admin");
        CustomerRow row = customers.search(admin, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 7, 1).get(0);
        CustomerDetails d = customers.get(admin, row.id());
        String mark = "qz" + Long.toString(System.nanoTime(), 36);
        CustomerDraft draft = d.toDraft();
        draft.setName("鹭洲" + mark + "有限公司");
        draft.setContractCapacityKva(new BigDecimal(CustomerValidator.MAX_CAPACITY_KVA));
        customers.update(admin, d.id(), draft);

        assertEquals(List.of(d.id()), customers.search(admin, CustomerSearch.text(mark), null, 0, 10).stream()
                .map(CustomerRow::id).toList());
        assertTrue(customers.search(admin, CustomerSearch.text("鹭洲"), null, 0, 1000).stream()
                .anyMatch(r -> r.id() == d.id()));
        assertTrue(customers.search(admin, CustomerSearch.text(d.name()), null, 0, 1000).stream()
                .noneMatch(r -> r.id() == d.id()));
        // the new capacity is the largest of all: first when sorted by capacity, descending
        CustomerSearch.Order byCapacity = new CustomerSearch.Order(CustomerSearch.SortBy.CAPACITY, true);
        assertEquals(d.id(), customers.search(admin, CustomerSearch.all(), byCapacity, 0, 1).get(0).id());
    }

    @Test
    void a_scheduler_may_read_but_not_change_a_customer() {
        Viewer scheduler = viewer("scheduler");
        CustomerRow row = customers.search(scheduler, CustomerSearch.all(), null, 0, 1).get(0);
        CustomerDetails d = customers.get(scheduler, row.id());
        assertTrue(!d.editable());
        BusinessException e = assertThrows(BusinessException.class,
                () -> customers.update(scheduler, d.id(), d.toDraft()));
        assertEquals(BusinessException.Kind.FORBIDDEN, e.kind());
    }

    @Test
    void an_edit_on_a_stale_version_is_refused_and_a_fresh_one_is_audited_with_before_and_after() {
        Viewer manager = viewer("manager");
        CustomerRow row = customers.search(manager, CustomerSearch.all(), null, 0, 1).get(0);
        CustomerDetails d = customers.get(manager, row.id());
        CustomerDraft first = d.toDraft();
        first.setAddress(d.address() + "(东门)");
        customers.update(manager, d.id(), first);

        CustomerDraft stale = d.toDraft();
        stale.setAddress("另一个地址");
        BusinessException e = assertThrows(BusinessException.class, () -> customers.update(manager, d.id(), stale));
        assertEquals(BusinessException.Kind.CONFLICT, e.kind());
        assertEquals("error.stale", e.key());

        List<AuditEntry> trail = audit.find(AuditQuery.forCustomer(d.id()), 0, 5);
        AuditEntry last = trail.get(0);
        assertEquals("CUSTOMER_UPDATED", last.action());
        assertEquals("manager", last.actor());
        assertTrue(last.afterJson().contains("(东门)") && !last.beforeJson().contains("(东门)"));
    }

    @Test
    void invalid_fields_are_all_reported_by_name() {
        Viewer admin = viewer("admin");
        CustomerDraft d = new CustomerDraft();
        d.setAccountNo("12");
        d.setCreditCode("91350100M000100Y44");
        d.setContractCapacityKva(new BigDecimal("-5"));
        d.setVoltageKv(new BigDecimal("6"));
        BusinessException e = assertThrows(BusinessException.class, () -> customers.create(admin, d));
        List<String> fields = e.fieldErrors().stream().map(BusinessException.FieldError::field).toList();
        assertTrue(fields.containsAll(List.of("accountNo", "creditCode", "contractCapacityKva", "voltageKv", "name")),
                fields.toString());
    }

    @Test
    void two_character_chinese_terms_and_single_characters_find_customers() {
        Viewer admin = viewer("admin");
        CustomerRow row = customers.search(admin, CustomerSearch.text("有限"), null, 0, 1).get(0);
        String twoChars = row.name().substring(2, 4);
        assertTrue(customers.search(admin, CustomerSearch.text(twoChars), null, 0, 1000).stream()
                .anyMatch(r -> r.id() == row.id()), twoChars);
        String oneChar = row.name().substring(0, 1);
        assertTrue(customers.count(admin, CustomerSearch.text(oneChar)) >= 1);
        assertEquals(0, customers.count(admin, CustomerSearch.text("不存在的客户名称xyz")));
        assertEquals(0, customers.count(admin, CustomerSearch.text("有限%")), "% is a literal, not a wildcard");
        assertEquals(0, customers.count(admin, CustomerSearch.text("3_")), "_ is a literal, not a wildcard");
        assertTrue(customers.count(admin, CustomerSearch.text(row.accountNo() + " " + twoChars)) >= 1,
                "several words must all match");
    }

    @Test
    void a_page_read_by_walking_the_sort_order_or_by_word_is_the_same_page() {
        Viewer admin = viewer("admin");
        CustomerRow some = customers.search(admin, CustomerSearch.all(), null, 150, 1).get(0);
        List<String> words = List.of("有限", "公司", some.name().substring(0, 2), some.name().substring(2, 4),
                some.accountNo().substring(0, 4), some.accountNo(), "不存在");
        List<CustomerSearch.Order> orders = List.of(CustomerSearch.Order.DEFAULT,
                new CustomerSearch.Order(CustomerSearch.SortBy.CAPACITY, true),
                new CustomerSearch.Order(CustomerSearch.SortBy.ACCOUNT_NO, false));
        try {
            for (String word : words) {
                for (CustomerSearch.Order order : orders) {
                    for (int offset : new int[] {0, 5}) {
                        customers.walkWindow(0); // every page straight from the sort order
                        List<CustomerRow> plain = customers.search(admin, CustomerSearch.text(word), order, offset, 5);
                        customers.walkWindow(100);
                        customers.fewMatches(0); // a short walk, then by word when it holds too few matches
                        List<CustomerRow> walked = customers.search(admin, CustomerSearch.text(word), order, offset,
                                5);
                        assertEquals(plain.stream().map(CustomerRow::id).toList(),
                                walked.stream().map(CustomerRow::id).toList(), word + " " + order + " from " + offset);
                        customers.fewMatches(CustomerService.COUNT_LIMIT); // counted, few: by word, no walk
                        List<CustomerRow> fetched = customers.search(admin, CustomerSearch.text(word), order, offset,
                                5);
                        assertEquals(plain.stream().map(CustomerRow::id).toList(),
                                fetched.stream().map(CustomerRow::id).toList(), word + " " + order + " from " + offset);
                        assertEquals(customers.count(admin, CustomerSearch.text(word)), customers.page(admin,
                                CustomerSearch.text(word), order, offset, 5).total(), "the total counted first");
                        customers.fewMatches(0);
                        CustomerService.CustomerPage page = customers.page(admin, CustomerSearch.text(word), order,
                                offset, 5);
                        assertEquals(walked, page.rows(), word);
                        assertEquals(customers.count(admin, CustomerSearch.text(word)), page.total(),
                                "the total of " + word + " whichever way the page was read");
                    }
                }
            }
        } finally {
            customers.walkWindow(CustomerListSearch.WALK_WINDOW);
            customers.fewMatches(CustomerListSearch.FEW_MATCHES);
        }
    }

    @Test
    void java_and_database_cut_search_text_into_the_same_tokens() {
        for (String text : List.of("3100000007 清河华能化工有限公司 l0101 城关01线", "a", "", "ab  c")) {
            @SuppressWarnings("unchecked")
            List<String> sql = List.of((String[]) em.createNativeQuery("select search_tokens(?1)")
                    .setParameter(1, text).getSingleResult());
            assertEquals(SearchTokens.of(text), sql, text);
        }
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void tier_is_derived_from_importance_consumption_and_credit() {
        assertEquals(Tier.A, CustomerTiering.tierOf(BigDecimal.ZERO, BigDecimal.ZERO, Importance.FIRST, "C",
                BigDecimal.ZERO));
        assertEquals(Tier.A, CustomerTiering.tierOf(new BigDecimal("60000000"), new BigDecimal("40000000"),
                Importance.NORMAL, "AA", BigDecimal.ZERO));
        assertEquals(Tier.B, CustomerTiering.tierOf(new BigDecimal("3000000"), new BigDecimal("2000000"),
                Importance.NORMAL, "AA", BigDecimal.ZERO));
        assertEquals(Tier.C, CustomerTiering.tierOf(new BigDecimal("3000000"), new BigDecimal("2000000"),
                Importance.NORMAL, "C", BigDecimal.ZERO));
    }
}
