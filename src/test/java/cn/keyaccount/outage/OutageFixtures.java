package cn.keyaccount.outage;

import cn.keyaccount.customer.ContactDraft;
import cn.keyaccount.customer.ContactService;
import cn.keyaccount.customer.CustomerDraft;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.Importance;
import cn.keyaccount.customer.SupplyMode;
import cn.keyaccount.customer.CreditCode;
import cn.keyaccount.security.NewUser;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/** Lines and key customers of their own for each outage test, so that no demo customer changes the figures. */
@ApplicationScoped
public class OutageFixtures {

    public static final Viewer SYSTEM = Viewer.system();
    private static final AtomicLong SERIAL = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000L));

    private final CustomerService customers;
    private final ContactService contacts;
    private final UserService users;
    private final OutageService outages;
    private final EntityManager em;

    OutageFixtures(CustomerService customers, ContactService contacts, UserService users, OutageService outages,
                   EntityManager em) {
        this.customers = customers;
        this.contacts = contacts;
        this.users = users;
        this.outages = outages;
        this.em = em;
    }

    public Viewer viewer(String username) {
        return users.viewer(username);
    }

    /** A new 10 kV line out of the first substation, fed to nobody yet. */
    @Transactional
    public long newLine() {
        return newLine(((Number) em.createNativeQuery("select min(id) from substation").getSingleResult())
                .longValue());
    }

    /** A new 110 kV substation in the demo county, with no lines yet; returns its id. */
    @Transactional
    public long newSubstation(String name) {
        return ((Number) em.createNativeQuery("insert into substation (name, voltage_kv, unit_id) values (?1, 110, "
                + "(select unit_id from substation order by id limit 1)) returning id").setParameter(1, name)
                .getSingleResult()).longValue();
    }

    /** A new 10 kV line out of this substation, fed to nobody yet. */
    @Transactional
    public long newLine(long substation) {
        String code = "TL" + SERIAL.incrementAndGet();
        return ((Number) em.createNativeQuery("insert into supply_line (code, name, voltage_kv, substation_id) "
                        + "values (?1, ?2, 10, ?3) returning id").setParameter(1, code)
                .setParameter(2, "测试线 " + code).setParameter(3, substation).getSingleResult()).longValue();
    }

    /** A key customer in the demo county on these lines, with one contact on every channel. */
    public long customer(SupplyMode mode, Importance importance, Long... lines) {
        long template = customers.search(SYSTEM, CustomerSearch.all(), CustomerSearch.Order.DEFAULT, 0, 1)
                .getFirst().id();
        CustomerDraft d = customers.get(SYSTEM, template).toDraft();
        long serial = SERIAL.incrementAndGet() % 100_000_000L;
        String first17 = String.format("91330100%09d", serial);
        d.setVersion(null);
        d.setAccountNo(String.format("95%08d", serial));
        d.setCreditCode(first17 + CreditCode.checkCharacter(first17));
        d.setName("停电测试客户 " + serial);
        d.setSupplyMode(mode);
        d.setImportance(importance);
        d.setLineIds(List.of(lines));
        long id = customers.create(SYSTEM, d).id();
        ContactDraft c = new ContactDraft();
        c.setName("电工" + serial % 1000);
        c.setRole("电气负责人");
        c.setMobile("137" + String.format("%08d", serial));
        c.setEmail("outage" + serial + "@customer.example.cn");
        c.setAcceptsSms(true);
        c.setAcceptsEmail(true);
        c.setAcceptsPortal(true);
        contacts.add(SYSTEM, id, c);
        return id;
    }

    /** Makes the demo user the customer's account manager. */
    @Transactional
    public void assign(long customerId, String manager) {
        customers.setCurrentManagers(List.of(customerId), users.account(users.viewer(manager).userId()), null);
    }

    /**
     * A customer user of its own holding this account (the demo {@code customer} user keeps exactly its two
     * accounts, which other tests count); returns the username.
     */
    @Transactional
    public String portalUser(long customerId) {
        String username = "outage.customer" + SERIAL.incrementAndGet();
        long unit = ((Number) em.createNativeQuery("select min(id) from org_unit").getSingleResult()).longValue();
        long userId = users.create(SYSTEM, new NewUser(username, "Outage@2026x", "停电测试客户用户", Role.CUSTOMER,
                unit, null, null)).id();
        customers.grantPortalAccess(SYSTEM, customerId, userId);
        return username;
    }

    public OutageDraft draft(OutageKind kind, OffsetDateTime start, Long... lines) {
        return new OutageDraft(kind, "测试检修 " + SERIAL.incrementAndGet(), "10kV 线路检修", "测试园区", "",
                start, start.plusHours(8), null, null, List.of(lines), List.of(), null);
    }

    public OutageDetails register(Viewer viewer, OutageKind kind, OffsetDateTime start, Long... lines) {
        return outages.register(viewer, draft(kind, start, lines), null);
    }

    /** Lets the outage's first warnings fall due now, as if the days before their time had passed. */
    @Transactional
    public void warningsDueNow(long outageId) {
        em.createNativeQuery("update notice_message set next_attempt_at = now() where state = 'SCHEDULED' "
                + "and notice_id in (select notice_id from outage_warning where outage_id = ?1 and kind = 'WARNING')")
                .setParameter(1, outageId).executeUpdate();
    }

    /** Marks every message of the outage's notices as delivered, as if the dispatcher had sent them. */
    @Transactional
    public void deliverAll(long outageId) {
        em.createNativeQuery("update notice_message set state = 'DELIVERED', sent_at = now(), receipt_at = now() "
                + "where state = 'SCHEDULED' and notice_id in (select notice_id from outage_warning where "
                + "outage_id = ?1) and next_attempt_at <= now()").setParameter(1, outageId).executeUpdate();
    }
}
