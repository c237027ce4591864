package cn.keyaccount.demo;

import cn.keyaccount.outage.OutageDraft;
import cn.keyaccount.outage.OutageKind;
import cn.keyaccount.outage.OutageService;
import cn.keyaccount.security.Passwords;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.RequestDetails;
import cn.keyaccount.servicerequest.RequestDraft;
import cn.keyaccount.servicerequest.RequestType;
import cn.keyaccount.servicerequest.ServiceArea;
import cn.keyaccount.servicerequest.ServiceRequestService;
import cn.keyaccount.servicerequest.repair.CrewDraft;
import cn.keyaccount.servicerequest.repair.CrewService;
import cn.keyaccount.servicerequest.repair.RepairDetails;
import cn.keyaccount.servicerequest.repair.RepairService;
import cn.keyaccount.servicerequest.repair.RepairStep;
import cn.keyaccount.servicerequest.repair.StepReport;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The repair green channel's demo: a crew per station (城关所 抢修一班 with the sign-in {@code crew}, a rural crew at
 * 西郊所, one at the county), made before the demo requests so that their repair is dispatched; then a fault outage
 * running now on a managed customer's line and that customer's repair, linked to it, accepted and on the way.
 */
@ApplicationScoped
class DemoRepairs {

    private static final Logger LOG = Logger.getLogger(DemoRepairs.class);

    private final CrewService crews;
    private final RepairService repairs;
    private final ServiceRequestService requests;
    private final OutageService outages;
    private final UserService users;
    private final EntityManager em;
    private final DemoDatabase demo;
    private final Clock clock;

    DemoRepairs(CrewService crews, RepairService repairs, ServiceRequestService requests, OutageService outages,
                UserService users, EntityManager em, DemoDatabase demo, Clock clock) {
        this.crews = crews;
        this.repairs = repairs;
        this.requests = requests;
        this.outages = outages;
        this.users = users;
        this.em = em;
        this.demo = demo;
        this.clock = clock;
    }

    /** The crews: after {@link DemoOutages}, before {@link DemoServiceRequests}. */
    void crews(@Observes @Priority(4550) StartupEvent event,
               @ConfigProperty(name = "keyaccount.demo.enabled") boolean enabled) {
        if (enabled) {
            demo.step(() -> count("select count(*) from app_user where username = 'manager'") > 0
                    && count("select count(*) from repair_crew") == 0, this::addCrews);
        }
    }

    /** The fault outage and its linked repair: after {@link DemoServiceRequests}. */
    void faultRepair(@Observes @Priority(4650) StartupEvent event,
                     @ConfigProperty(name = "keyaccount.demo.enabled") boolean enabled) {
        if (enabled) {
            demo.step(() -> count("select count(*) from repair_crew") > 0
                    && count("select count(*) from repair where outage_id is not null") == 0, this::addFaultRepair);
        }
    }

    private long count(String sql) {
        return ((Number) em.createNativeQuery(sql).getSingleResult()).longValue();
    }

    @Transactional
    void addCrews() {
        List<Object[]> stations = em.createQuery("select u.id, u.name from OrgUnit u where u.level = "
                + "cn.keyaccount.org.OrgUnit.Level.STATION order by u.id", Object[].class).getResultList();
        long county = em.createQuery("select u.id from OrgUnit u where u.level = cn.keyaccount.org.OrgUnit.Level"
                + ".COUNTY order by u.id", Long.class).setMaxResults(1).getSingleResult();
        // written directly, as the demo generator writes its people: demo passwords are not held to the rules
        long crewUser = ((Number) em.createNativeQuery("insert into app_user (username, password_hash, display_name, "
                + "role, unit_id, mobile) values (?1, ?2, ?3, ?4, ?5, ?6) returning id")
                .setParameter(1, DemoDataGenerator.Login.CREW.username)
                .setParameter(2, Passwords.hash(DemoDataGenerator.Login.CREW.password))
                .setParameter(3, "城关所抢修一班 吴建军").setParameter(4, Role.REPAIR_CREW.name())
                .setParameter(5, stations.getFirst()[0]).setParameter(6, "13905310001").getSingleResult()).longValue();
        String[][] members = {{"吴建军，郑小波，冯磊", "13905310001"}, {"王海，陈勇，刘强", "13905310002"},
                {"赵刚，孙亮，李明", "13905310003"}, {"周杰，钱伟，何平", "13905310004"}};
        for (int i = 0; i < stations.size() && i < members.length; i++) {
            Object[] s = stations.get(i);
            String name = ((String) s[1]).replace("供电所", "") + "抢修一班";
            crews.add(Viewer.system(), new CrewDraft((Long) s[0], name, members[i][0], members[i][1],
                    i == 2 ? ServiceArea.RURAL : ServiceArea.URBAN, true, i == 0 ? List.of(crewUser) : List.of(),
                    null));
        }
        crews.add(Viewer.system(), new CrewDraft(county, "县公司抢修中心", "韩东，邓飞，曹阳，彭涛", "0531-88880110",
                ServiceArea.REMOTE, true, List.of(), null));
        LOG.info("Demo data: repair crews");
    }

    @Transactional
    void addFaultRepair() {
        Viewer scheduler = users.viewer(DemoDataGenerator.Login.SCHEDULER.username);
        Viewer manager = users.viewer(DemoDataGenerator.Login.MANAGER.username);
        List<Long> managed = em.createQuery("select c.id from Customer c where c.manager.username = :u "
                + "and c.unit.id = :unit order by c.id", Long.class).setParameter("u", manager.username())
                .setParameter("unit", manager.unitId()).setMaxResults(4).getResultList();
        if (managed.size() < 4) {
            return;
        }
        long customer = managed.get(3);
        long line = em.createQuery("select l.id from Customer c join c.lines l where c.id = :id order by l.id",
                Long.class).setParameter("id", customer).setMaxResults(1).getSingleResult();
        OffsetDateTime now = OffsetDateTime.now(clock);
        OffsetDateTime start = now.minusMinutes(40).withSecond(0).withNano(0);
        outages.register(scheduler, new OutageDraft(OutageKind.FAULT, "10kV 线路故障跳闸", "电缆中间接头击穿",
                "城关镇东片", "", start, start.plusHours(4), start.plusHours(4), null, List.of(line), List.of(), null),
                null);
        RequestDetails request = requests.create(manager, new RequestDraft(customer, RequestType.REPAIR, null,
                ServiceArea.URBAN, "厂区全停，疑似线路故障", "客户值班电工来电：10kV 进线失电，全厂停产，请求抢修。", null));
        Viewer crew = users.viewer(DemoDataGenerator.Login.CREW.username);
        repairs.ofRequest(manager, request.request().id()).ifPresent(r -> {
            if (r.crewId() != null && r.step() == RepairStep.DISPATCHED) {
                RepairDetails accepted = repairs.report(crew, r.id(), new StepReport(RepairStep.ACCEPTED, null,
                        null, null));
                repairs.report(crew, r.id(), new StepReport(RepairStep.ON_THE_WAY, null, null, accepted.version()));
            }
        });
        LOG.info("Demo data: a repair linked to a fault outage");
    }
}
