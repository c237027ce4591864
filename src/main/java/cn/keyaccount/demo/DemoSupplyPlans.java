package cn.keyaccount.demo;

import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.supplyplan.BookingRequest;
import cn.keyaccount.supplyplan.EventType;
import cn.keyaccount.supplyplan.FleetService;
import cn.keyaccount.supplyplan.PlanAction;
import cn.keyaccount.supplyplan.PlanDetails;
import cn.keyaccount.supplyplan.PlanLevel;
import cn.keyaccount.supplyplan.PlanTaskService;
import cn.keyaccount.supplyplan.SupplyPlanService;
import cn.keyaccount.supplyplan.TruckDraft;
import cn.keyaccount.supplyplan.TruckDetails;
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
 * Demo supply-guarantee plans, after the demo company exists: four generator trucks, an active plan with a booked
 * truck for the demo customer's first account, an approved exam plan for its second, a draft, last year's closed
 * plan and a plan submitted and waiting for the supervisor's approval for customers of the demo manager. Written through the services, so the plans carry a real history.
 */
@ApplicationScoped
class DemoSupplyPlans {

    private static final Logger LOG = Logger.getLogger(DemoSupplyPlans.class);
    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final SupplyPlanService plans;
    private final PlanTaskService tasks;
    private final FleetService fleet;
    private final UserService users;
    private final EntityManager em;
    private final DemoDatabase demo;

    DemoSupplyPlans(SupplyPlanService plans, PlanTaskService tasks, FleetService fleet, UserService users,
                    EntityManager em, DemoDatabase demo) {
        this.demo = demo;
        this.plans = plans;
        this.tasks = tasks;
        this.fleet = fleet;
        this.users = users;
        this.em = em;
    }

    /**
     * Runs after {@link DemoDataSeeder} (a later priority), on the demo only, once: when the demo has people but no
     * trucks yet.
     */
    void onStart(@Observes @Priority(4000) StartupEvent event,
                 @ConfigProperty(name = "keyaccount.demo.enabled") boolean enabled) {
        if (enabled) {
            demo.step(this::hasPeopleButNoTrucks, this::generate);
        }
    }

    boolean hasPeopleButNoTrucks() {
        Number users = (Number) em.createNativeQuery("select count(*) from app_user where username = 'supervisor'")
                .getSingleResult();
        Number trucks = (Number) em.createNativeQuery("select count(*) from generator_truck").getSingleResult();
        return users.intValue() > 0 && trucks.intValue() == 0;
    }

    @Transactional
    void generate() {
        Viewer admin = users.viewer(DemoDataGenerator.Login.ADMIN.username);
        Viewer supervisor = users.viewer(DemoDataGenerator.Login.SUPERVISOR.username);
        List<Long> units = em.createQuery("select u.id from OrgUnit u where u.level = cn.keyaccount.org.OrgUnit.Level"
                + ".COUNTY or u.level = cn.keyaccount.org.OrgUnit.Level.STATION order by u.path", Long.class)
                .getResultList();
        String[][] trucks = {{"江A·D0801", "800 kW 应急发电车", "800", "陈建国", "13905710801"},
            {"江A·D0500", "500 kW 应急发电车", "500", "刘志强", "13905710500"},
            {"江A·D0401", "400 kW 静音发电车", "400", "孙立新", "13905710401"},
            {"江A·D0200", "200 kW 移动电源车", "200", "吴卫东", "13905710200"}};
        for (int i = 0; i < trucks.length; i++) {
            String[] t = trucks[i];
            fleet.addTruck(admin, new TruckDraft(t[0], t[1], Integer.valueOf(t[2]), units.get(i % units.size()), t[3],
                    t[4], 4));
        }
        List<TruckDetails> fleetTrucks = fleet.trucks();
        LocalDate today = LocalDate.now(ZONE);

        List<Long> own = em.createQuery("select c.id from Customer c join c.portalUsers u where u.username = :u "
                + "order by c.id", Long.class).setParameter("u", DemoDataGenerator.Login.CUSTOMER.username)
                .getResultList();
        if (!own.isEmpty()) {
            Viewer manager = managerOf(own.getFirst());
            PlanDetails active = plans.createFromTemplate(manager, own.getFirst(), EventType.POLITICAL,
                    "全市重大会议", PlanLevel.SPECIAL, at(today.minusDays(1), 8), at(today.plusDays(4), 20));
            fleet.book(manager, active.id(), new BookingRequest(fleetTrucks.getFirst().id(), null, null, "会场北侧接入"));
            tasks.setDone(manager, active.id(), active.tasks().getFirst().id(), true);
            plans.transition(manager, active.id(), PlanAction.SUBMIT, "请审批");
            plans.transition(supervisor, active.id(), PlanAction.APPROVE, "同意，按特级保电执行");
            plans.transition(manager, active.id(), PlanAction.ACTIVATE, "保电开始");
            if (own.size() > 1) {
                Viewer second = managerOf(own.get(1));
                PlanDetails exam = plans.createFromTemplate(second, own.get(1), EventType.EXAM, "高考",
                        PlanLevel.FIRST, at(today.plusDays(20), 7), at(today.plusDays(22), 19));
                fleet.book(second, exam.id(), new BookingRequest(fleetTrucks.get(1).id(), null, null, "考点门口"));
                plans.transition(second, exam.id(), PlanAction.SUBMIT, "");
                plans.transition(supervisor, exam.id(), PlanAction.APPROVE, "同意");
            }
        }
        Viewer manager = users.viewer(DemoDataGenerator.Login.MANAGER.username);
        List<Long> managed = em.createQuery("select c.id from Customer c where c.manager.username = :u order by c.id",
                Long.class).setParameter("u", manager.username()).setMaxResults(2).getResultList();
        if (!managed.isEmpty()) {
            PlanDetails lastYear = plans.createFromTemplate(manager, managed.getFirst(), EventType.PRODUCTION,
                    "年度检修后试生产", PlanLevel.SECOND, at(today.minusDays(365), 8), at(today.minusDays(358), 18));
            plans.transition(manager, lastYear.id(), PlanAction.SUBMIT, "");
            plans.transition(supervisor, lastYear.id(), PlanAction.APPROVE, "同意");
            plans.transition(manager, lastYear.id(), PlanAction.ACTIVATE, "");
            plans.transition(manager, lastYear.id(), PlanAction.CLOSE, "保电结束，无异常");
            PlanDetails draft = plans.copy(manager, lastYear.id(), "年度检修后试生产", at(today.plusDays(10), 8),
                    at(today.plusDays(17), 18));
            fleet.book(manager, draft.id(), new BookingRequest(fleetTrucks.get(2).id(), null, null, ""));
        }
        if (managed.size() > 1) {
            PlanDetails waiting = plans.createFromTemplate(manager, managed.get(1), EventType.SOCIAL, "元旦灯会",
                    PlanLevel.SECOND, at(today.plusDays(14), 16), at(today.plusDays(15), 23));
            fleet.book(manager, waiting.id(), new BookingRequest(fleetTrucks.get(3).id(), null, null, "灯会主会场"));
            plans.transition(manager, waiting.id(), PlanAction.SUBMIT, "灯会期间夜间负荷高，请审批");
        }
        LOG.info("Demo data: generator trucks and supply-guarantee plans");
    }

    private Viewer managerOf(long customerId) {
        String username = em.createQuery("select c.manager.username from Customer c where c.id = :id", String.class)
                .setParameter("id", customerId).getSingleResult();
        return users.viewer(username);
    }

    private static OffsetDateTime at(LocalDate day, int hour) {
        return day.atTime(hour, 0).atZone(ZONE).toOffsetDateTime();
    }
}
