package cn.keyaccount.demo;

import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.HandOff;
import cn.keyaccount.servicerequest.RequestDetails;
import cn.keyaccount.servicerequest.RequestDraft;
import cn.keyaccount.servicerequest.RequestType;
import cn.keyaccount.servicerequest.ReturnVisitService;
import cn.keyaccount.servicerequest.ServiceArea;
import cn.keyaccount.servicerequest.ServiceKind;
import cn.keyaccount.servicerequest.ServiceRequestService;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Demo service requests, raised through the service by the demo manager and the demo customer (so every event row
 * is real): every type (a 服务申请 of each kind) and every state, a request made from a recorded visit's 诉求, one
 * handed to the supervisor's unit, and a complaint received two weeks ago and still open (overdue); return visits
 * (回访) on two closed ones, one by the manager and one by the customer in the portal.
 */
@ApplicationScoped
class DemoServiceRequests {

    private static final Logger LOG = Logger.getLogger(DemoServiceRequests.class);

    private final ServiceRequestService requests;
    private final ReturnVisitService returnVisits;
    private final UserService users;
    private final EntityManager em;
    private final DemoDatabase demo;

    DemoServiceRequests(ServiceRequestService requests, ReturnVisitService returnVisits, UserService users,
                        EntityManager em, DemoDatabase demo) {
        this.requests = requests;
        this.returnVisits = returnVisits;
        this.users = users;
        this.em = em;
        this.demo = demo;
    }

    /** Runs after {@link DemoOutages}, on the demo only, once: when the demo has people but no request yet. */
    void onStart(@Observes @Priority(4600) StartupEvent event,
                 @ConfigProperty(name = "keyaccount.demo.enabled") boolean enabled) {
        if (enabled) {
            demo.step(this::hasPeopleButNoRequests, this::generate);
        }
    }

    boolean hasPeopleButNoRequests() {
        Number people = (Number) em.createNativeQuery("select count(*) from app_user where username = 'manager'")
                .getSingleResult();
        Number made = (Number) em.createNativeQuery("select count(*) from service_request").getSingleResult();
        return people.intValue() > 0 && made.intValue() == 0;
    }

    @Transactional
    void generate() {
        Viewer manager = users.viewer(DemoDataGenerator.Login.MANAGER.username);
        Viewer customer = users.viewer(DemoDataGenerator.Login.CUSTOMER.username);
        Viewer supervisor = users.viewer(DemoDataGenerator.Login.SUPERVISOR.username);
        List<Long> managed = em.createQuery("select c.id from Customer c where c.manager.username = :u order by c.id",
                Long.class).setParameter("u", manager.username()).setMaxResults(6).getResultList();
        List<Long> own = em.createQuery("select c.id from Customer c join c.portalUsers u where u.username = :u "
                + "order by c.id", Long.class).setParameter("u", customer.username()).getResultList();
        if (managed.size() < 6 || own.isEmpty()) {
            return;
        }
        RequestDetails repair = requests.create(manager, draft(managed.get(0), RequestType.REPAIR, null,
                "10kV 进线柜跳闸，厂区全停", "客户电工来电：上午 9:40 进线柜速断保护动作，全厂停电，请求抢修。"));
        requests.start(manager, id(repair), null);
        requests.create(manager, draft(managed.get(1), RequestType.QUESTION, null, "峰谷分时电价执行时段咨询",
                "客户询问明年起尖峰时段是否调整，以及对生产排班的影响。"));
        int k = 2;
        for (ServiceKind kind : ServiceKind.values()) {
            RequestDetails service = requests.create(manager, new RequestDraft(managed.get(k++ % managed.size()),
                    RequestType.SERVICE, kind, ServiceArea.URBAN, "申请" + kindText(kind), null, null));
            if (kind == ServiceKind.METER_CHECK) {
                requests.close(manager, id(service), "已于次日完成电能表现场校验，误差 0.12%，在允许范围内。", null);
                returnVisits.record(manager, id(service), 4, "校验及时，希望提前告知到场时间。", null);
            }
        }
        Viewer ownManager = users.viewer(em.createQuery("select c.manager.username from Customer c where c.id = :id",
                String.class).setParameter("id", own.getFirst()).getSingleResult());
        RequestDetails praise = requests.create(customer, draft(own.getFirst(), RequestType.PRAISE, null,
                "感谢抢修班组连夜恢复供电", "上周五夜间线路故障，抢修人员两小时内恢复供电，特此表扬。"));
        requests.close(ownManager, id(praise), "感谢您的肯定，已转达抢修班组。", null);
        returnVisits.record(customer, id(praise), 5, "答复及时。", null);
        RequestDetails reopened = requests.create(customer, draft(own.getFirst(), RequestType.QUESTION, null,
                "电费发票抬头变更", "公司名称已变更，请协助变更增值税发票抬头。"));
        requests.close(ownManager, id(reopened), "已告知需携带营业执照到营业厅办理。", null);
        requests.reopen(ownManager, id(reopened), "客户回电：希望线上办理，不便到营业厅。", null);
        RequestDetails complaint = requests.create(manager, draft(managed.get(3), RequestType.COMPLAINT, null,
                "投诉计划停电通知过晚", "客户反映本月计划停电仅提前两天收到通知，造成生产损失。"));
        requests.handOff(manager, id(complaint), new HandOff(null, supervisor.unitId(),
                "投诉涉及本人，请班组长安排他人处理。", null));
        em.flush();
        // received two weeks ago and still open, its deadlines moved with it: past both (the overdue complaint; the
        // escalation job tells the supervisor on its next run)
        em.createNativeQuery("update service_request set opened_at = opened_at - interval '14 days', "
                + "respond_due_at = respond_due_at - interval '14 days', "
                + "resolve_due_at = resolve_due_at - interval '14 days', "
                + "respond_warn_at = respond_warn_at - interval '14 days', "
                + "resolve_warn_at = resolve_warn_at - interval '14 days' where id = ?1")
                .setParameter(1, id(complaint)).executeUpdate();
        em.createNativeQuery("update service_request_event set at = at - interval '14 days' where request_id = ?1")
                .setParameter(1, id(complaint)).executeUpdate();
        Long visit = em.createQuery("select v.id from Visit v where v.customer.manager.username = :u "
                        + "and v.status = cn.keyaccount.visit.VisitStatus.DONE and v.demands is not null "
                        + "order by v.doneDate desc, v.id", Long.class)
                .setParameter("u", manager.username()).setMaxResults(1).getResultStream().findFirst().orElse(null);
        if (visit != null) {
            requests.fromVisit(manager, visit, RequestType.QUESTION);
        }
        LOG.info("Demo service requests: every type and state, an overdue complaint, one from a visit");
    }

    private static RequestDraft draft(long customerId, RequestType type, ServiceKind kind, String subject,
                                      String description) {
        return new RequestDraft(customerId, type, kind, ServiceArea.URBAN, subject, description, null);
    }

    private static String kindText(ServiceKind kind) {
        return switch (kind) {
            case METER_CHECK -> "计量装置校验";
            case POWER_QUALITY -> "电能质量测试";
            case ENERGY_EFFICIENCY -> "能效诊断";
            case SAFETY_CHECK -> "用电安全检查";
        };
    }

    private static long id(RequestDetails d) {
        return d.request().id();
    }
}
