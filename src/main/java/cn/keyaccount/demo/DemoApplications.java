package cn.keyaccount.demo;

import cn.keyaccount.application.ApplicationDetails;
import cn.keyaccount.application.ApplicationDocuments;
import cn.keyaccount.application.ApplicationDraft;
import cn.keyaccount.application.ApplicationKind;
import cn.keyaccount.application.ApplicationService;
import cn.keyaccount.application.ApplicationTaskService;
import cn.keyaccount.application.DocumentType;
import cn.keyaccount.application.TaskDetails;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Demo 业扩 applications in every state, through the service (so they carry a real history), then moved back in time
 * by SQL so that their clocks have run: for the demo manager's customers an increase overdue at its 供电方案答复, a
 * 减容 waiting on the documents told missing once (一次性告知), a fresh 新装, a completed 改类, an increase at its
 * 外部工程实施 and a cancelled 过户; for the demo customer's first account an increase at its 供电方案答复 and a
 * completed 改类.
 */
@ApplicationScoped
class DemoApplications {

    private static final Logger LOG = Logger.getLogger(DemoApplications.class);

    private final ApplicationService applications;
    private final ApplicationTaskService tasks;
    private final ApplicationDocuments documents;
    private final UserService users;
    private final EntityManager em;
    private final DemoDatabase demo;

    DemoApplications(ApplicationService applications, ApplicationTaskService tasks, ApplicationDocuments documents,
                     UserService users, EntityManager em, DemoDatabase demo) {
        this.applications = applications;
        this.tasks = tasks;
        this.documents = documents;
        this.users = users;
        this.em = em;
        this.demo = demo;
    }

    /** Runs after the other demo steps, on the demo only, once: when the demo has customers but no application. */
    void onStart(@Observes @Priority(5200) StartupEvent event,
                 @ConfigProperty(name = "keyaccount.demo.enabled") boolean enabled) {
        if (enabled) {
            demo.step(this::hasCustomersButNoApplications, this::generate);
        }
    }

    boolean hasCustomersButNoApplications() {
        Number customers = (Number) em.createNativeQuery("select count(*) from customer").getSingleResult();
        Number applied = (Number) em.createNativeQuery("select count(*) from connection_application")
                .getSingleResult();
        return customers.intValue() > 0 && applied.intValue() == 0;
    }

    @Transactional
    void generate() {
        Viewer manager = users.viewer(DemoDataGenerator.Login.MANAGER.username);
        List<Object[]> managed = em.createQuery("select c.id, c.contractCapacityKva from Customer c "
                + "where c.manager.username = :u order by c.id", Object[].class)
                .setParameter("u", DemoDataGenerator.Login.MANAGER.username).setMaxResults(5).getResultList();
        List<Object[]> own = em.createQuery("select c.id, c.contractCapacityKva, c.manager.username from Customer c "
                + "join c.portalUsers u where u.username = :u order by c.id", Object[].class)
                .setParameter("u", DemoDataGenerator.Login.CUSTOMER.username).setMaxResults(1).getResultList();
        if (managed.size() < 5) {
            LOG.info("Demo applications: the demo manager has fewer than 5 customers; none written");
            return;
        }
        ApplicationDetails overdue = applications.create(manager, increase(managed.get(0)));
        overdue = applications.completeStep(manager, overdue.id(), overdue.currentStep(), overdue.version());
        back(overdue.id(), 70); // about 48 working days: past even the dual-supply limit of 30
        ApplicationDetails waiting = applications.create(manager, draft((Long) managed.get(1)[0],
                ApplicationKind.CAPACITY_REDUCTION, ((BigDecimal) managed.get(1)[1]).divide(BigDecimal.TWO)));
        documents.tellMissing(manager, waiting.id(), List.of(DocumentType.AUTHORISATION,
                DocumentType.CHANGE_REQUEST), "zh", waiting.version());
        back(waiting.id(), 6);
        applications.create(manager, draft((Long) managed.get(2)[0], ApplicationKind.NEW_CONNECTION,
                ((BigDecimal) managed.get(2)[1]).add(new BigDecimal("630"))));
        complete(manager, applications.create(manager, draft((Long) managed.get(3)[0],
                ApplicationKind.TARIFF_CHANGE, null)));
        ApplicationDetails works = applications.create(manager, increase(managed.get(3)));
        for (int step = 0; step < 2; step++) { // through acceptance and the scheme reply, its tasks done
            works = next(manager, works);
        }
        ApplicationDetails withdrawn = applications.create(manager, draft((Long) managed.get(4)[0],
                ApplicationKind.OWNER_TRANSFER, null));
        applications.cancel(manager, withdrawn.id(), "客户撤回过户申请", withdrawn.version());
        if (!own.isEmpty()) {
            Viewer ownManager = users.viewer((String) own.getFirst()[2]);
            ApplicationDetails increase = applications.create(ownManager, increase(own.getFirst()));
            applications.completeStep(ownManager, increase.id(), increase.currentStep(), increase.version());
            back(increase.id(), 5);
            complete(ownManager, applications.create(ownManager, draft((Long) own.getFirst()[0],
                    ApplicationKind.TARIFF_CHANGE, null)));
        }
        int open = applications.recomputeOpen().open();
        LOG.infof("Demo applications written; %d open", open);
    }

    private static ApplicationDraft increase(Object[] customer) {
        return draft((Long) customer[0], ApplicationKind.CAPACITY_INCREASE,
                ((BigDecimal) customer[1]).add(new BigDecimal("800")));
    }

    private static ApplicationDraft draft(long customerId, ApplicationKind kind, BigDecimal capacity) {
        LocalDate start = kind.hasPeriod() ? LocalDate.of(2027, 1, 1) : null;
        return new ApplicationDraft(customerId, kind, capacity, null, null, null, "", null, start, null,
                "演示数据");
    }

    private void complete(Viewer viewer, ApplicationDetails a) {
        ApplicationDetails current = a;
        while (current.currentStep() != null) {
            current = next(viewer, current);
        }
    }

    /** Records a result for each open task of the current step (a step waits for them), then completes it. */
    private ApplicationDetails next(Viewer viewer, ApplicationDetails a) {
        for (TaskDetails t : tasks.list(viewer, a.id())) {
            if (t.doneAt() == null && t.step() == a.currentStep()) {
                tasks.recordResult(viewer, a.id(), t.id(), "演示：已完成", t.version());
            }
        }
        ApplicationDetails now = applications.get(viewer, a.id());
        return applications.completeStep(viewer, now.id(), now.currentStep(), now.version());
    }

    /** Moves an application's dates the given number of days back, as if accepted then. */
    private void back(long id, int days) {
        em.flush();
        em.createNativeQuery("update connection_application set accepted_on = accepted_on - :d, "
                + "created_at = created_at - make_interval(days => :d) where id = :id")
                .setParameter("d", days).setParameter("id", id).executeUpdate();
        em.createNativeQuery("update connection_application_step set started_on = started_on - :d, "
                + "completed_on = completed_on - :d where application_id = :id")
                .setParameter("d", days).setParameter("id", id).executeUpdate();
        em.createNativeQuery("update connection_application_stop set started_on = started_on - :d, "
                + "ended_on = ended_on - :d where application_id = :id")
                .setParameter("d", days).setParameter("id", id).executeUpdate();
        em.clear();
    }
}
