package cn.keyaccount.supplyplan;

import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** Plans and trucks of their own for each test, in periods far from the demo's and from each other. */
@ApplicationScoped
public class PlanFixtures {

    private static final AtomicInteger SERIAL = new AtomicInteger((int) (System.nanoTime() % 1000));

    private final SupplyPlanService plans;
    private final FleetService fleet;
    private final UserService users;
    private final EntityManager em;

    PlanFixtures(SupplyPlanService plans, FleetService fleet, UserService users, EntityManager em) {
        this.plans = plans;
        this.fleet = fleet;
        this.users = users;
        this.em = em;
    }

    public Viewer viewer(String username) {
        return users.viewer(username);
    }

    /** A customer looked after by the demo manager. */
    public long managersCustomer() {
        return em.createQuery("select c.id from Customer c where c.manager.username = 'manager' order by c.id",
                Long.class).setMaxResults(1).getSingleResult();
    }

    /** A customer the demo manager does not look after. */
    public long otherCustomer() {
        return em.createQuery("select c.id from Customer c where c.manager.username <> 'manager' and "
                + "(c.backupManager is null or c.backupManager.username <> 'manager') order by c.id", Long.class)
                .setMaxResults(1).getSingleResult();
    }

    /** A point in time of its own for each call: a week in a distant year. */
    public static OffsetDateTime freshWeek() {
        return OffsetDateTime.of(2100 + SERIAL.incrementAndGet() % 800, 3, 1, 8, 0, 0, 0, ZoneOffset.ofHours(8));
    }

    public PlanDetails draft(Viewer manager, long customerId, OffsetDateTime start) {
        return plans.createFromTemplate(manager, customerId, EventType.EXAM, "测试考试 " + SERIAL.incrementAndGet(),
                PlanLevel.FIRST, start, start.plusDays(2));
    }

    public TruckDetails truck() {
        return fleet.addTruck(viewer("admin"), new TruckDraft("测T" + System.nanoTime() % 100_000_000, "测试发电车",
                300, unit(), "测试", "13900000000", 3));
    }

    private long unit() {
        List<Long> ids = em.createQuery("select u.id from OrgUnit u order by u.id", Long.class).getResultList();
        return ids.getFirst();
    }
}
