package cn.keyaccount.demo;

import cn.keyaccount.outage.CriticalPeriodService;
import cn.keyaccount.outage.OutageDraft;
import cn.keyaccount.outage.OutageKind;
import cn.keyaccount.outage.OutageService;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Demo outages, after the supply plans exist, registered by the demo scheduler through the service (so their
 * warnings are really scheduled): next week's maintenance on a line of the demo customer's account (warned on time),
 * a late outage on the line of its account with the active supply plan (held: late and in conflict, for the
 * supervisor), one six days ahead for a demo manager's customer (below the regulation), a temporary one, and a
 * critical-production period declared for another of the manager's customers.
 */
@ApplicationScoped
class DemoOutages {

    private static final Logger LOG = Logger.getLogger(DemoOutages.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final OutageService outages;
    private final CriticalPeriodService periods;
    private final UserService users;
    private final EntityManager em;
    private final DemoDatabase demo;

    DemoOutages(OutageService outages, CriticalPeriodService periods, UserService users, EntityManager em,
                DemoDatabase demo) {
        this.demo = demo;
        this.outages = outages;
        this.periods = periods;
        this.users = users;
        this.em = em;
    }

    /** Runs after {@link DemoSupplyPlans}, on the demo only, once: when the demo has people but no outage yet. */
    void onStart(@Observes @Priority(4500) StartupEvent event,
                 @ConfigProperty(name = "keyaccount.demo.enabled") boolean enabled) {
        if (enabled) {
            demo.step(this::hasPeopleButNoOutages, this::generate);
        }
    }

    boolean hasPeopleButNoOutages() {
        Number people = (Number) em.createNativeQuery("select count(*) from app_user where username = 'scheduler'")
                .getSingleResult();
        Number outages = (Number) em.createNativeQuery("select count(*) from outage").getSingleResult();
        return people.intValue() > 0 && outages.intValue() == 0;
    }

    @Transactional
    void generate() {
        Viewer scheduler = users.viewer(DemoDataGenerator.Login.SCHEDULER.username);
        LocalDate today = LocalDate.now(ZONE);
        List<Long> own = em.createQuery("select c.id from Customer c join c.portalUsers u where u.username = :u "
                + "order by c.id", Long.class).setParameter("u", DemoDataGenerator.Login.CUSTOMER.username)
                .getResultList();
        List<Long> managed = em.createQuery("select c.id from Customer c where c.manager.username = :u order by c.id",
                Long.class).setParameter("u", DemoDataGenerator.Login.MANAGER.username).setMaxResults(3)
                .getResultList();
        if (!own.isEmpty()) {
            long account = own.size() > 1 ? own.get(1) : own.getFirst();
            outages.register(scheduler, draft(OutageKind.PLANNED, "10kV 线路年度预防性试验", "线路设备预防性试验",
                    "开发区东片", at(today.plusDays(9), 8), 9, firstLine(account)), null);
            outages.register(scheduler, draft(OutageKind.PLANNED, "10kV 开关柜缺陷处理", "开关柜发热缺陷处理",
                    "城关镇北片", at(today.plusDays(3), 9), 4, firstLine(own.getFirst())), null);
        }
        if (!managed.isEmpty()) {
            outages.register(scheduler, draft(OutageKind.PLANNED, "10kV 线路迁改工程", "市政道路拓宽线路迁改",
                    "工业园区南区", at(today.plusDays(6), 7), 10, firstLine(managed.getFirst())), null);
            if (managed.size() > 2) {
                outages.register(scheduler, draft(OutageKind.TEMPORARY, "临时消缺：绝缘子更换", "巡视发现绝缘子破损",
                        "工业园区西区", at(today.plusDays(2), 14), 3, firstLine(managed.get(2))), null);
                periods.add(users.viewer(DemoDataGenerator.Login.MANAGER.username), managed.get(1),
                        at(today.plusDays(12), 0), at(today.plusDays(15), 0), "出口订单集中生产，不可停电");
            }
        }
        LOG.info("Demo data: outages and their warnings");
    }

    private long firstLine(long customerId) {
        return em.createQuery("select l.id from Customer c join c.lines l where c.id = :id order by l.id", Long.class)
                .setParameter("id", customerId).setMaxResults(1).getSingleResult();
    }

    private static OutageDraft draft(OutageKind kind, String title, String reason, String area, OffsetDateTime start,
                                     int hours, long line) {
        return new OutageDraft(kind, title, reason, area, "", start, start.plusHours(hours), null, null, List.of(line),
                List.of(), null);
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toOffsetDateTime();
    }
}
