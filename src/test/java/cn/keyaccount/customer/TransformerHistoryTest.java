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
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Suspensions (暂停) and capacity changes (减容 / 减容恢复 / 增容) of a transformer: kept, checked, audited. */
@QuarkusTest
class TransformerHistoryTest {

    private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime() % 1_000_000L);

    @Inject
    CustomerService customers;
    @Inject
    TransformerService transformers;
    @Inject
    UserService users;
    @Inject
    AuditService audit;

    /** A new customer (no manager yet) with one 800 kVA transformer on 1,600 kVA of operating capacity. */
    private long[] customerWithTransformer() {
        long template = customers.search(users.viewer("manager"), CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1)
                .getFirst().id();
        CustomerDraft d = customers.get(Viewer.system(), template).toDraft();
        long serial = SERIAL.incrementAndGet() % 100_000_000L;
        d.setAccountNo(String.format("95%08d", serial));
        String first17 = String.format("91330200%09d", serial);
        d.setCreditCode(first17 + CreditCode.checkCharacter(first17));
        d.setName("变压器历史测试 " + serial);
        d.setOperatingCapacityKva(new BigDecimal("1600"));
        long id = customers.create(Viewer.system(), d).id();
        TransformerDraft t = new TransformerDraft();
        t.setName("1#主变");
        t.setRatedKva(new BigDecimal("800"));
        t.setNoLoadLossKw(new BigDecimal("1.0"));
        t.setLoadLossKw(new BigDecimal("7.5"));
        return new long[] {id, transformers.add(Viewer.system(), id, t).id()};
    }

    /** The county supervisor, who may edit every customer of the county. */
    private Viewer manager() {
        return users.viewer("supervisor");
    }

    @Test
    void a_suspension_is_kept_with_its_reason_and_written_to_the_customers_audit_trail() {
        long[] ct = customerWithTransformer();
        TransformerHistory h = transformers.suspend(manager(), ct[1], LocalDate.of(2025, 7, 1),
                LocalDate.of(2025, 9, 30), "夏季检修减产");
        assertEquals(1, h.suspensions().size());
        assertTrue(h.suspendedOn(LocalDate.of(2025, 8, 15)));
        assertTrue(!h.suspendedOn(LocalDate.of(2025, 10, 1)));
        List<AuditEntry> trail = audit.find(AuditQuery.forCustomer(ct[0]), 0, 5);
        assertEquals("TRANSFORMER_SUSPENDED", trail.getFirst().action());
        assertTrue(trail.getFirst().afterJson().contains("夏季检修减产"), trail.getFirst().afterJson());
    }

    @Test
    void a_suspension_shorter_than_fifteen_days_or_overlapping_another_is_refused_naming_the_field() {
        long[] ct = customerWithTransformer();
        BusinessException shortOne = assertThrows(BusinessException.class, () -> transformers.suspend(manager(),
                ct[1], LocalDate.of(2025, 7, 1), LocalDate.of(2025, 7, 14), "短暂停"));
        assertEquals("to", shortOne.fieldErrors().getFirst().field());
        assertEquals("error.suspension-too-short", shortOne.fieldErrors().getFirst().key());
        transformers.suspend(manager(), ct[1], LocalDate.of(2025, 7, 1), null, "暂停至恢复");
        BusinessException overlap = assertThrows(BusinessException.class, () -> transformers.suspend(manager(),
                ct[1], LocalDate.of(2025, 12, 1), LocalDate.of(2025, 12, 31), "重叠"));
        assertEquals("error.suspension-overlap", overlap.fieldErrors().getFirst().key());
    }

    @Test
    void a_restoration_ends_the_open_suspension_the_day_before_and_is_refused_when_nothing_is_suspended() {
        long[] ct = customerWithTransformer();
        transformers.suspend(manager(), ct[1], LocalDate.of(2025, 3, 1), null, "暂停至恢复");
        TransformerHistory h = transformers.restore(manager(), ct[1], LocalDate.of(2025, 5, 10), "复产");
        assertEquals(LocalDate.of(2025, 5, 9), h.suspensions().getFirst().to());
        assertEquals("TRANSFORMER_RESTORED", audit.find(AuditQuery.forCustomer(ct[0]), 0, 1).getFirst().action());
        BusinessException none = assertThrows(BusinessException.class,
                () -> transformers.restore(manager(), ct[1], LocalDate.of(2025, 8, 1), "复产"));
        assertEquals("error.not-suspended-then", none.fieldErrors().getFirst().key());
    }

    @Test
    void a_capacity_change_keeps_the_old_capacity_for_earlier_days_and_moves_the_operating_capacity_with_it() {
        long[] ct = customerWithTransformer();
        TransformerHistory reduced = transformers.changeCapacity(manager(), ct[1], new BigDecimal("500"),
                LocalDate.of(2025, 4, 1), "减容");
        assertEquals(CapacityChangeKind.REDUCTION, reduced.capacityChanges().getFirst().kind());
        assertEquals(0, new BigDecimal("800").compareTo(reduced.capacityOn(LocalDate.of(2025, 3, 31))));
        assertEquals(0, new BigDecimal("500").compareTo(reduced.capacityOn(LocalDate.of(2025, 4, 1))));
        TransformerHistory back = transformers.changeCapacity(manager(), ct[1], new BigDecimal("800"),
                LocalDate.of(2025, 10, 1), "减容恢复");
        assertEquals(CapacityChangeKind.RESTORATION, back.capacityChanges().getLast().kind());
        TransformerHistory more = transformers.changeCapacity(manager(), ct[1], new BigDecimal("1000"),
                LocalDate.of(2026, 1, 1), "增容");
        assertEquals(CapacityChangeKind.INCREASE, more.capacityChanges().getLast().kind());
        assertEquals(0, new BigDecimal("500").compareTo(more.capacityOn(LocalDate.of(2025, 9, 30))));
        // read once, after the changes: the test's request keeps what it read (1,600 − 300 + 300 + 200)
        assertEquals(0, new BigDecimal("1800").compareTo(customers.get(manager(), ct[0]).operatingCapacityKva()));
        assertEquals("TRANSFORMER_CAPACITY_CHANGED",
                audit.find(AuditQuery.forCustomer(ct[0]), 0, 1).getFirst().action());
    }

    @Test
    void capacity_changes_are_kept_in_date_order() {
        long[] ct = customerWithTransformer();
        transformers.changeCapacity(manager(), ct[1], new BigDecimal("630"), LocalDate.of(2025, 6, 1), "减容");
        BusinessException e = assertThrows(BusinessException.class, () -> transformers.changeCapacity(manager(),
                ct[1], new BigDecimal("800"), LocalDate.of(2025, 5, 1), "减容恢复"));
        assertEquals("effective", e.fieldErrors().getFirst().field());
    }

    @Test
    void only_staff_who_may_edit_the_customer_suspend_its_transformers() {
        long[] ct = customerWithTransformer();
        BusinessException other = assertThrows(BusinessException.class, () -> transformers.suspend(
                users.viewer("manager"), ct[1], LocalDate.of(2025, 7, 1), null, "越权"));
        assertEquals(BusinessException.Kind.NOT_FOUND, other.kind());
        BusinessException scheduler = assertThrows(BusinessException.class, () -> transformers.suspend(
                users.viewer("scheduler"), ct[1], LocalDate.of(2025, 7, 1), null, "越权"));
        assertEquals(BusinessException.Kind.FORBIDDEN, scheduler.kind());
    }
}
