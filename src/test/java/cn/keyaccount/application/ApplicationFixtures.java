package cn.keyaccount.application;

import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;

/** Customers and applications for the application tests. */
@ApplicationScoped
public class ApplicationFixtures {

    private final ApplicationService applications;
    private final ApplicationTaskService tasks;
    private final UserService users;
    private final EntityManager em;

    ApplicationFixtures(ApplicationService applications, ApplicationTaskService tasks, UserService users,
                        EntityManager em) {
        this.applications = applications;
        this.tasks = tasks;
        this.users = users;
        this.em = em;
    }

    public Viewer viewer(String username) {
        return users.viewer(username);
    }

    /** A high-voltage customer looked after by the demo manager (the last one, to keep clear of other tests). */
    public long managersCustomer() {
        return em.createQuery("select c.id from Customer c where c.manager.username = 'manager' and c.voltageKv > 1 "
                + "order by c.id desc", Long.class).setMaxResults(1).getSingleResult();
    }

    /** A customer the demo manager does not look after. */
    public long otherCustomer() {
        return em.createQuery("select c.id from Customer c where c.manager.username <> 'manager' and "
                + "(c.backupManager is null or c.backupManager.username <> 'manager') order by c.id", Long.class)
                .setMaxResults(1).getSingleResult();
    }

    public BigDecimal capacityOf(long customerId) {
        return em.createQuery("select c.contractCapacityKva from Customer c where c.id = :id", BigDecimal.class)
                .setParameter("id", customerId).getSingleResult();
    }

    public ApplicationDraft draft(long customerId, ApplicationKind kind, BigDecimal capacity) {
        return new ApplicationDraft(customerId, kind, capacity, null, null, null, "测试路 1 号", null, null, null,
                "测试");
    }

    /** Records a result for every open task of the current step, then completes the step. */
    public ApplicationDetails complete(Viewer viewer, ApplicationDetails a) {
        for (TaskDetails t : tasks.list(viewer, a.id())) {
            if (t.doneAt() == null && t.step() == a.currentStep()) {
                tasks.recordResult(viewer, a.id(), t.id(), "完成", t.version());
            }
        }
        return applications.completeStep(viewer, a.id(), a.currentStep(), applications.get(viewer, a.id())
                .version());
    }

    public ApplicationDetails billingChange(Viewer viewer, long customerId) {
        return applications.create(viewer, new ApplicationDraft(customerId, ApplicationKind.BILLING_CHANGE, null,
                null, BasicChargeMode.CAPACITY, null, "", null, null, null, ""));
    }
}
