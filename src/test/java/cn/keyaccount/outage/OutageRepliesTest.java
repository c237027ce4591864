package cn.keyaccount.outage;

import static cn.keyaccount.outage.OutageFixtures.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.audit.AuditQuery;
import cn.keyaccount.audit.AuditService;
import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.customer.ContactService;
import cn.keyaccount.customer.Importance;
import cn.keyaccount.customer.SupplyMode;
import cn.keyaccount.notice.Channel;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.MessageState;
import cn.keyaccount.notice.NoticeDispatcher;
import cn.keyaccount.support.LoopbackServers;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A customer acknowledges an outage warning by replying to its SMS: the fault's warning goes out at once (urgent)
 * through the loopback SMS centre, which then sends the contact's reply (a mobile-originated deliver_sm) back.
 */
@QuarkusTest
class OutageRepliesTest {

    private static final Duration SETTLE = Duration.ofSeconds(30);

    @Inject
    OutageService outages;
    @Inject
    OutageQueries queries;
    @Inject
    OutageFixtures fx;
    @Inject
    ContactService contacts;
    @Inject
    NoticeDispatcher dispatcher;
    @Inject
    AuditService audit;

    @BeforeAll
    static void servers() {
        LoopbackServers.start();
    }

    @Test
    void a_reply_of_shou_dao_acknowledges_the_warning_once_in_the_outage_warning_list_and_the_audit() throws Exception {
        long line = fx.newLine();
        long customer = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        ContactDetails contact = contacts.list(SYSTEM, customer).getFirst();
        OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0);
        OutageDetails o = outages.register(fx.viewer("scheduler"), new OutageDraft(OutageKind.FAULT, "10kV 故障",
                "外力破坏", "测试园区", "", now.minusMinutes(5), now.plusHours(3), now.plusHours(2), null,
                List.of(line), List.of(), null), null);
        await(() -> queries.messages(SYSTEM, o.id(), customer, 0, 100).stream()
                .anyMatch(m -> m.channel() == Channel.SMS && m.state() == MessageState.DELIVERED));

        assertTrue(LoopbackServers.smsc().sendMo(contact.mobile(), "95598", "收到！"));
        await(() -> warning(o.id()).acknowledged() == 1);
        assertTrue(LoopbackServers.smsc().sendMo(contact.mobile(), "95598", "1"), "a second acknowledgement");

        assertEquals(1, warning(o.id()).acknowledged(), "one customer acknowledged once");
        assertTrue(audit.find(AuditQuery.forCustomer(customer), 0, 20).stream()
                .anyMatch(e -> e.action().equals("OUTAGE_WARNING_ACKNOWLEDGED") && e.actor().equals("system")
                        && e.entityId() == o.id()));
    }

    @Test
    void a_free_text_reply_to_a_warning_acknowledges_nothing() throws Exception {
        long line = fx.newLine();
        long customer = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        ContactDetails contact = contacts.list(SYSTEM, customer).getFirst();
        OffsetDateTime now = OffsetDateTime.now(ZoneId.of("Asia/Shanghai")).withSecond(0).withNano(0);
        OutageDetails o = outages.register(fx.viewer("scheduler"), new OutageDraft(OutageKind.FAULT, "10kV 故障",
                "外力破坏", "测试园区", "", now.minusMinutes(5), now.plusHours(3), now.plusHours(2), null,
                List.of(line), List.of(), null), null);
        await(() -> queries.messages(SYSTEM, o.id(), customer, 0, 100).stream()
                .anyMatch(m -> m.channel() == Channel.SMS && m.state() == MessageState.DELIVERED));

        assertTrue(LoopbackServers.smsc().sendMo(contact.mobile(), "95598", "什么时候来电？收到请回复"));

        assertEquals(0, warning(o.id()).acknowledged());
    }

    private WarningDetails warning(long outageId) {
        return queries.get(SYSTEM, outageId).warnings().stream().filter(w -> w.kind() == WarningKind.WARNING).findFirst()
                .orElseThrow();
    }

    private void await(BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + SETTLE.toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not settled in " + SETTLE);
            }
            dispatcher.dispatchBatch("outage-replies-test");
            Thread.sleep(100);
        }
    }
}
