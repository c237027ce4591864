package cn.keyaccount.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.SupplyMode;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationServiceTest {

    @Inject
    ApplicationService applications;
    @Inject
    ApplicationFixtures fixtures;
    @Inject
    TestClock time;
    @Inject
    ApplicationTaskService taskService;
    @Inject
    ApplicationTimeline timeline;
    @Inject
    ApplicationReminders reminders;
    @Inject
    EntityManager em;

    @AfterEach
    void realTime() {
        time.reset();
    }

    private void today(int year, int month, int day) {
        time.set(ZonedDateTime.of(year, month, day, 10, 0, 0, 0, time.zone()));
    }

    @Test
    void a_high_voltage_increase_runs_four_steps_with_the_limits_of_the_file_in_force() {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        ApplicationDetails a = applications.create(manager, fixtures.draft(customer,
                ApplicationKind.CAPACITY_INCREASE, fixtures.capacityOf(customer).add(new BigDecimal("100"))));
        assertEquals(List.of(ApplicationStep.ACCEPTANCE, ApplicationStep.SCHEME_REPLY,
                ApplicationStep.EXTERNAL_WORKS, ApplicationStep.POWER_ON),
                a.steps().stream().map(ApplicationDetails.StepDetails::step).toList());
        assertEquals(ApplicationStep.ACCEPTANCE, a.currentStep());
        assertEquals(ApplicationStatus.IN_PROGRESS, a.status());
        assertEquals("2026-1", a.limitsVersion());
        int schemeLimit = a.supplyMode() == SupplyMode.DUAL ? 30 : 15;
        assertEquals(schemeLimit, a.steps().get(1).limitDays());
        assertTrue(a.number().startsWith("YK"), a.number());
        assertTrue(a.runnable());
    }

    @Test
    void a_step_cannot_be_skipped_nor_completed_twice() {
        Viewer manager = fixtures.viewer("manager");
        ApplicationDetails a = fixtures.billingChange(manager, fixtures.managersCustomer());
        BusinessException skip = assertThrows(BusinessException.class,
                () -> applications.completeStep(manager, a.id(), ApplicationStep.CHANGE, a.version()));
        assertEquals("error.application-step-not-current", skip.key());
        ApplicationDetails accepted = applications.completeStep(manager, a.id(), ApplicationStep.ACCEPTANCE,
                a.version());
        assertEquals(ApplicationStep.CHANGE, accepted.currentStep());
        BusinessException twice = assertThrows(BusinessException.class, () -> applications.completeStep(manager,
                a.id(), ApplicationStep.ACCEPTANCE, accepted.version()));
        assertEquals("error.application-step-done", twice.key());
        assertEquals(BusinessException.Kind.CONFLICT, twice.kind());
    }

    @Test
    void a_change_on_a_version_someone_else_changed_meanwhile_is_refused() {
        Viewer manager = fixtures.viewer("manager");
        Viewer supervisor = fixtures.viewer("supervisor");
        ApplicationDetails a = fixtures.billingChange(manager, fixtures.managersCustomer());
        applications.stopClock(supervisor, a.id(), StopReason.DOCUMENTS_MISSING, "营业执照", a.version());
        BusinessException stale = assertThrows(BusinessException.class,
                () -> applications.completeStep(manager, a.id(), ApplicationStep.ACCEPTANCE, a.version()));
        assertEquals("error.stale", stale.key());
        assertEquals(BusinessException.Kind.CONFLICT, stale.kind());
    }

    @Test
    void the_clock_stops_while_waiting_on_the_customer_and_keeps_every_stop() {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        today(2026, 6, 1);
        ApplicationDetails a = applications.create(manager, fixtures.draft(customer,
                ApplicationKind.CAPACITY_INCREASE, fixtures.capacityOf(customer).add(BigDecimal.TEN)));
        today(2026, 6, 2);
        a = applications.completeStep(manager, a.id(), ApplicationStep.ACCEPTANCE, a.version());
        today(2026, 6, 3);
        a = applications.stopClock(manager, a.id(), StopReason.DOCUMENTS_MISSING, "用电设备清单", a.version());
        assertEquals(ApplicationStatus.WAITING, a.status());
        long id = a.id();
        long seen = a.version();
        BusinessException whileStopped = assertThrows(BusinessException.class,
                () -> applications.completeStep(manager, id, ApplicationStep.SCHEME_REPLY, seen));
        assertEquals("error.application-clock-stopped", whileStopped.key());
        today(2026, 6, 8);
        a = applications.restartClock(manager, a.id(), a.version());
        today(2026, 6, 9);
        a = applications.stopClock(manager, a.id(), StopReason.CUSTOMER_REQUEST, "", a.version());
        today(2026, 6, 10);
        a = applications.restartClock(manager, a.id(), a.version());
        today(2026, 6, 12);
        a = fixtures.complete(manager, a);
        // scheme reply: started 06-02, done 06-12; 06-03 counts, 06-04..06-08 and 06-10 are stopped, 06-09, 06-11,
        // 06-12 count (06-06/07 a weekend)
        assertEquals(4, a.steps().get(1).usedDays());
        assertEquals(1, a.steps().getFirst().usedDays());
        assertEquals(2, a.stops().size());
        assertTrue(a.stops().stream().allMatch(s -> s.endedOn() != null));
        assertEquals(LocalDate.of(2026, 6, 3), a.stops().getFirst().startedOn());
        assertEquals(ApplicationStep.EXTERNAL_WORKS, a.currentStep());
        assertNotNull(a.dueOn());
    }

    @Inject
    cn.keyaccount.customer.TransformerService transformers;

    @Inject
    PowerOnChanges powerOn;
    @Inject
    cn.keyaccount.customer.CustomerService customerService;
    @Inject
    cn.keyaccount.assignment.AssignmentService assignmentService;

    @Test
    void power_on_of_a_new_connection_creates_the_customer_record_with_its_manager_and_transformer_once() {
        Viewer manager = fixtures.viewer("manager");
        long applicant = fixtures.managersCustomer();
        BigDecimal before = fixtures.capacityOf(applicant);
        ApplicationDetails a = applications.create(manager, new ApplicationDraft(applicant,
                ApplicationKind.NEW_CONNECTION, new BigDecimal("800"), null, null, null, "新厂区路 9 号", null, null,
                null, "二期新装"));
        while (a.currentStep() != null) {
            a = fixtures.complete(manager, a);
        }
        assertEquals(ApplicationStatus.COMPLETED, a.status());
        assertEquals(0, before.compareTo(fixtures.capacityOf(applicant)), "the applicant's own account is unchanged");
        String accountNo = String.format("9%09d", a.id());
        Long created = customerService.idsByAccountNo(fixtures.viewer("admin"), List.of(accountNo)).get(accountNo);
        assertNotNull(created, "a customer record with the new account number");
        cn.keyaccount.customer.CustomerDetails c = customerService.get(manager, created);
        assertEquals("新厂区路 9 号", c.address());
        assertEquals(0, new BigDecimal("800").compareTo(c.contractCapacityKva()));
        assertEquals(manager.userId(), c.managerId(), "the applying manager is its manager");
        assertEquals(customerService.get(manager, applicant).industryCode(), c.industryCode());
        assertEquals(1, assignmentService.history(manager, created).size(), "assigned through the history");
        assertEquals(1, transformers.list(manager, created).size());
        assertEquals(0, new BigDecimal("800").compareTo(transformers.list(manager, created).getFirst().ratedKva()));
        long audited = em.createQuery("select count(e) from AuditEvent e where e.customerId = :c and "
                + "e.action in ('CUSTOMER_CREATED', 'ASSIGNMENT_CHANGED')", Long.class).setParameter("c", created)
                .getSingleResult();
        assertEquals(2, audited, "the creation and the assignment are audited");
        assertTrue(a.masterDataNote().startsWith("application.change.new-customer\t" + accountNo),
                a.masterDataNote());
        long id = a.id();
        String again = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                powerOn.apply(manager, em.find(Application.class, id)));
        assertTrue(again.startsWith("application.change.new-customer\t" + accountNo), again);
        assertEquals(1L, em.createQuery("select count(c) from Customer c where c.accountNo = :n", Long.class)
                .setParameter("n", accountNo).getSingleResult(), "applied twice, created once");
    }

    @Test
    void a_reduction_naming_a_transformer_reduces_that_transformer_in_its_history_and_the_restoration_undoes_it() {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        cn.keyaccount.customer.TransformerDetails t = transformers.list(manager, customer).stream()
                .max(java.util.Comparator.comparing(cn.keyaccount.customer.TransformerDetails::ratedKva)).orElseThrow();
        BigDecimal contract = fixtures.capacityOf(customer);
        BigDecimal taken = t.ratedKva().divide(BigDecimal.TWO, 0, java.math.RoundingMode.DOWN);
        LocalDate from = LocalDate.of(2040 + (int) (System.nanoTime() % 50), 3, 1);
        ApplicationDetails a = applications.create(manager, new ApplicationDraft(customer,
                ApplicationKind.CAPACITY_REDUCTION, contract.subtract(taken), null, null, t.id(), "测试路 1 号", null,
                from, from.plusMonths(6).minusDays(1), null));
        while (a.currentStep() != null) {
            a = fixtures.complete(manager, a);
        }
        cn.keyaccount.customer.TransformerHistory.CapacityChange reduced = transformers.history(manager, customer,
                t.id()).capacityChanges().getLast();
        assertEquals(cn.keyaccount.customer.CapacityChangeKind.REDUCTION, reduced.kind());
        assertEquals(0, t.ratedKva().compareTo(reduced.kvaBefore()));
        assertEquals(0, t.ratedKva().subtract(taken).compareTo(reduced.kvaAfter()));
        assertEquals(from, reduced.effective());
        assertEquals(0, contract.subtract(taken).compareTo(fixtures.capacityOf(customer)));
        assertTrue(a.masterDataNote().contains("application.change.transformer-capacity"), a.masterDataNote());

        ApplicationDetails back = applications.create(manager, new ApplicationDraft(customer,
                ApplicationKind.REDUCTION_RESTORE, null, null, null, t.id(), "测试路 1 号", null,
                from.plusMonths(6), null, null));
        while (back.currentStep() != null) {
            back = fixtures.complete(manager, back);
        }
        cn.keyaccount.customer.TransformerHistory.CapacityChange restored = transformers.history(manager, customer,
                t.id()).capacityChanges().getLast();
        assertEquals(cn.keyaccount.customer.CapacityChangeKind.RESTORATION, restored.kind());
        assertEquals(0, t.ratedKva().compareTo(restored.kvaAfter()));
        assertEquals(0, contract.compareTo(fixtures.capacityOf(customer)), "the contract capacity is back");
    }

    @Test
    void a_step_is_not_completed_while_its_tasks_are_open_and_the_refusal_names_them() {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        ApplicationDetails a = applications.create(manager, fixtures.draft(customer,
                ApplicationKind.CAPACITY_INCREASE, fixtures.capacityOf(customer).add(BigDecimal.TEN)));
        a = applications.completeStep(manager, a.id(), ApplicationStep.ACCEPTANCE, a.version());
        TaskDetails survey = taskService.list(manager, a.id()).stream()
                .filter(t -> t.kind() == TaskKind.SITE_SURVEY).findFirst().orElseThrow();
        taskService.recordResult(manager, a.id(), survey.id(), "现场具备接入条件", survey.version());
        long id = a.id();
        long seen = a.version();
        BusinessException open = assertThrows(BusinessException.class,
                () -> applications.completeStep(manager, id, ApplicationStep.SCHEME_REPLY, seen));
        assertEquals("error.application-tasks-open", open.key());
        String zh = cn.keyaccount.base.Messages.get(cn.keyaccount.base.Messages.CHINESE, open.key(), open.args());
        String en = cn.keyaccount.base.Messages.get(cn.keyaccount.base.Messages.ENGLISH, open.key(), open.args());
        assertTrue(zh.contains("供电方案编制") && !zh.contains("现场勘察"), zh);
        assertTrue(en.contains("Supply scheme drafting") && en.contains(a.number()), en);
        assertEquals(ApplicationStep.SCHEME_REPLY, applications.get(manager, id).currentStep());
        a = fixtures.complete(manager, applications.get(manager, id));
        assertEquals(ApplicationStep.EXTERNAL_WORKS, a.currentStep(), "with every result recorded it completes");
    }

    @Test
    void a_completed_suspension_takes_the_named_transformer_out_of_service_for_its_period() {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        long transformer = transformers.list(manager, customer).getFirst().id();
        LocalDate from = LocalDate.of(2040 + (int) (System.nanoTime() % 50), 5, 1);
        ApplicationDetails a = applications.create(manager, new ApplicationDraft(customer, ApplicationKind.SUSPENSION,
                null, null, null, transformer, "测试路 1 号", null, from, from.plusMonths(3).minusDays(1), null));
        while (a.currentStep() != null) {
            a = fixtures.complete(manager, a);
        }
        assertEquals(ApplicationStatus.COMPLETED, a.status());
        LocalDate start = from;
        assertTrue(transformers.history(manager, customer, transformer).suspensions().stream()
                        .anyMatch(x -> x.from().equals(start) && start.plusMonths(3).minusDays(1).equals(x.to())),
                "the transformer's history holds the suspension");
        assertTrue(a.masterDataNote().startsWith("application.change.suspended\t" + from), a.masterDataNote());
    }

    @Test
    void power_on_of_an_increase_sets_the_customers_capacity_and_closes_the_application_for_good() {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        BigDecimal wanted = fixtures.capacityOf(customer).add(new BigDecimal("315"));
        ApplicationDetails a = applications.create(manager, fixtures.draft(customer,
                ApplicationKind.CAPACITY_INCREASE, wanted));
        while (a.currentStep() != null) {
            a = fixtures.complete(manager, a);
        }
        assertEquals(ApplicationStatus.COMPLETED, a.status());
        assertFalse(a.runnable());
        assertEquals(0, wanted.compareTo(fixtures.capacityOf(customer)));
        assertTrue(a.masterDataNote().startsWith("application.change.capacity\t"), a.masterDataNote());
        long audited = em.createQuery("select count(e) from AuditEvent e where e.customerId = :c and "
                + "e.action = 'CUSTOMER_UPDATED'", Long.class).setParameter("c", customer).getSingleResult();
        assertTrue(audited > 0, "the capacity change is in the customer's audit trail");
        long id = a.id();
        long seen = a.version();
        BusinessException closed = assertThrows(BusinessException.class,
                () -> applications.stopClock(manager, id, StopReason.CUSTOMER_REQUEST, "", seen));
        assertEquals("error.application-closed", closed.key());
        assertThrows(BusinessException.class, () -> applications.cancel(manager, id, "撤销", seen));
    }

    @Test
    void another_managers_application_is_absent_and_a_customer_may_not_run_steps() {
        Viewer admin = fixtures.viewer("admin");
        ApplicationDetails other = fixtures.billingChange(admin, fixtures.otherCustomer());
        BusinessException absent = assertThrows(BusinessException.class,
                () -> applications.get(fixtures.viewer("manager"), other.id()));
        assertEquals(BusinessException.Kind.NOT_FOUND, absent.kind());
        assertEquals(0, applications.list(fixtures.viewer("manager"), new ApplicationService.ApplicationFilter(
                null, null, other.customerId(), null, false, false), 0, 10).size());
    }

    @Test
    void an_increase_to_less_than_the_current_capacity_is_refused_at_its_field() {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        BusinessException e = assertThrows(BusinessException.class, () -> applications.create(manager,
                fixtures.draft(customer, ApplicationKind.CAPACITY_INCREASE, new BigDecimal("1"))));
        assertEquals("capacityKva", e.fieldErrors().getFirst().field());
        assertEquals("error.application-capacity-not-more", e.fieldErrors().getFirst().key());
    }

    @Test
    void a_step_starts_with_its_tasks_whose_owner_records_the_result_once_from_the_inbox() {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        ApplicationDetails created = applications.create(manager, fixtures.draft(customer,
                ApplicationKind.CAPACITY_INCREASE, fixtures.capacityOf(customer).add(BigDecimal.ONE)));
        ApplicationDetails a = applications.completeStep(manager, created.id(), ApplicationStep.ACCEPTANCE,
                created.version());
        assertEquals(List.of(TaskKind.SITE_SURVEY, TaskKind.SCHEME_DRAFTING),
                a.tasks().stream().map(TaskDetails::kind).toList());
        TaskDetails survey = a.tasks().getFirst();
        assertEquals(a.dueOn(), survey.dueOn(), "due with the step");
        Viewer supervisor = fixtures.viewer("supervisor");
        TaskDetails handed = taskService.assign(supervisor, a.id(), survey.id(), supervisor.userId(),
                LocalDate.now().plusDays(3), survey.version());
        assertTrue(taskService.inbox(supervisor, 200).stream().anyMatch(t -> t.taskId() == survey.id()));
        TaskDetails done = taskService.recordResult(supervisor, a.id(), survey.id(), "现场具备接入条件",
                handed.version());
        assertEquals("supervisor", done.doneBy());
        assertNotNull(done.doneAt());
        assertFalse(taskService.inbox(supervisor, 200).stream().anyMatch(t -> t.taskId() == survey.id()));
        long id = a.id();
        BusinessException twice = assertThrows(BusinessException.class,
                () -> taskService.recordResult(supervisor, id, survey.id(), "再次", done.version()));
        assertEquals("error.application-task-done", twice.key());
        BusinessException notOwner = assertThrows(BusinessException.class, () -> taskService.recordResult(
                fixtures.viewer("customer"), id, a.tasks().get(1).id(), "客户登记", a.tasks().get(1).version()));
        assertTrue(notOwner.kind() == BusinessException.Kind.FORBIDDEN
                || notOwner.kind() == BusinessException.Kind.NOT_FOUND);
    }

    @Test
    void the_customer_timeline_has_an_entry_per_application_linking_to_it() {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        ApplicationDetails a = fixtures.billingChange(manager, customer);
        List<cn.keyaccount.customer.TimelineEntry> entries = timeline.entries(new cn.keyaccount.customer
                .TimelineQuery(customer, null, null, null, 0, java.util.Locale.SIMPLIFIED_CHINESE, 50));
        assertTrue(entries.stream().anyMatch(e -> e.title().contains(a.number())
                && ("applications/" + a.id()).equals(e.link())), entries.toString());
    }

    @Test
    void an_overdue_application_warns_the_supervisors_and_a_step_falling_due_its_handler_once() {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        today(2026, 3, 2);
        ApplicationDetails late = fixtures.billingChange(manager, customer);
        today(2026, 3, 17);
        applications.recomputeOpen();
        ApplicationDetails fresh = fixtures.billingChange(manager, customer);
        LocalDate today = LocalDate.of(2026, 3, 17);
        reminders.remind(today);
        reminders.remind(today);
        assertEquals(1L, notices("application-overdue", late.number()), "once, to the supervisors");
        assertEquals(1L, notices("application-step-due", fresh.number()), "once, to the handler");
    }

    private long notices(String template, String number) {
        return ((Number) em.createNativeQuery("select count(*) from notice where template = :t and title like :n")
                .setParameter("t", template).setParameter("n", "%" + number).getSingleResult()).longValue();
    }

    @Test
    void the_list_puts_overdue_applications_first() {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        today(2026, 1, 5);
        ApplicationDetails late = fixtures.billingChange(manager, customer);
        time.reset();
        applications.recomputeOpen();
        fixtures.billingChange(manager, customer);
        List<ApplicationRow> rows = applications.list(manager, new ApplicationService.ApplicationFilter(null, null,
                customer, null, true, false), 0, 50);
        assertTrue(rows.getFirst().overdue(), "overdue first");
        assertTrue(rows.stream().anyMatch(r -> r.id() == late.id() && r.overdue()));
    }
}
