package cn.keyaccount.supplyplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.network.LineDetails;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.UserTransaction;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SupplyPlanServiceTest {

    @Inject
    SupplyPlanService plans;
    @Inject
    PlanTaskService tasks;
    @Inject
    FleetService fleet;
    @Inject
    PlanFixtures fixtures;
    @Inject
    EntityManager em;
    @Inject
    UserTransaction tx;

    private Viewer manager() {
        return fixtures.viewer("manager");
    }

    private Viewer supervisor() {
        return fixtures.viewer("supervisor");
    }

    private PlanDetails submitted(OffsetDateTime start) {
        PlanDetails p = fixtures.draft(manager(), fixtures.managersCustomer(), start);
        return plans.transition(manager(), p.id(), PlanAction.SUBMIT, "请审批");
    }

    @Test
    void a_plan_from_a_template_carries_risks_duties_lines_and_tasks_due_before_the_start() {
        OffsetDateTime start = PlanFixtures.freshWeek();
        PlanDetails p = fixtures.draft(manager(), fixtures.managersCustomer(), start);

        assertEquals(PlanStatus.DRAFT, p.status());
        assertTrue(p.editable());
        assertFalse(p.risks().isEmpty());
        assertTrue(p.duties().stream().anyMatch(d -> d.party() == Party.CUSTOMER));
        assertFalse(p.lines().isEmpty(), "the customer's lines are the plan's supply");
        assertFalse(p.supplySources().contains("{线路}"));
        assertTrue(p.supplySources().contains(p.lines().getFirst().code()));
        LocalDate startDay = start.toLocalDate();
        assertTrue(p.tasks().stream().anyMatch(t -> t.dueOn().equals(startDay.minusDays(21))), p.tasks().toString());
        assertEquals(java.util.Set.of(PlanAction.SUBMIT), p.actions());
    }

    @Test
    void each_step_is_taken_only_by_its_role_and_recorded_with_who_and_why() {
        Viewer manager = manager();
        Viewer supervisor = supervisor();
        PlanDetails p = fixtures.draft(manager, fixtures.managersCustomer(), PlanFixtures.freshWeek());
        long id = p.id();

        BusinessException schedulerSubmits = assertThrows(BusinessException.class,
                () -> plans.transition(fixtures.viewer("scheduler"), id, PlanAction.SUBMIT, ""));
        assertEquals(BusinessException.Kind.FORBIDDEN, schedulerSubmits.kind());
        assertEquals(BusinessException.Kind.CONFLICT, assertThrows(BusinessException.class,
                () -> plans.transition(supervisor, id, PlanAction.APPROVE, "")).kind(), "a draft is not approved");

        plans.transition(manager, id, PlanAction.SUBMIT, "请审批");
        assertEquals(BusinessException.Kind.FORBIDDEN, assertThrows(BusinessException.class,
                () -> plans.transition(manager, id, PlanAction.APPROVE, "")).kind(), "a manager does not approve");
        assertEquals(BusinessException.Kind.VALIDATION, assertThrows(BusinessException.class,
                () -> plans.transition(supervisor, id, PlanAction.REJECT, " ")).kind(), "a rejection needs a reason");
        assertEquals(PlanStatus.DRAFT, plans.transition(supervisor, id, PlanAction.REJECT, "补充风险点").status());
        plans.transition(manager, id, PlanAction.SUBMIT, "已补充");
        assertEquals(PlanStatus.APPROVED, plans.transition(supervisor, id, PlanAction.APPROVE, "同意").status());
        assertEquals(PlanStatus.ACTIVE, plans.transition(manager, id, PlanAction.ACTIVATE, "").status());
        PlanDetails closed = plans.transition(manager, id, PlanAction.CLOSE, "结束");

        assertEquals(PlanStatus.CLOSED, closed.status());
        List<String> steps = closed.transitions().stream().map(t -> t.action() + ":" + t.actor()).toList();
        assertEquals(List.of("CREATE:manager", "SUBMIT:manager", "REJECT:supervisor", "SUBMIT:manager",
                "APPROVE:supervisor", "ACTIVATE:manager", "CLOSE:manager"), steps);
        assertEquals("补充风险点", closed.transitions().get(2).comment());
        assertTrue(closed.actions().isEmpty());
    }

    @Test
    void the_author_cannot_approve_their_own_plan_and_a_supervisor_of_another_station_cannot_see_it() {
        Viewer supervisor = supervisor();
        long customer = fixtures.managersCustomer();
        PlanDetails own = fixtures.draft(supervisor, customer, PlanFixtures.freshWeek());
        plans.transition(supervisor, own.id(), PlanAction.SUBMIT, "");
        assertEquals(BusinessException.Kind.FORBIDDEN, assertThrows(BusinessException.class,
                () -> plans.transition(supervisor, own.id(), PlanAction.APPROVE, "")).kind());
        assertEquals(PlanStatus.APPROVED, plans.transition(fixtures.viewer("admin"), own.id(), PlanAction.APPROVE, "")
                .status());
    }

    @Test
    void an_approved_plan_changes_only_through_a_revision_that_supersedes_it_when_approved() {
        PlanDetails p = submitted(PlanFixtures.freshWeek());
        TruckDetails truck = fixtures.truck();
        fleet.book(manager(), p.id(), new BookingRequest(truck.id(), null, null, ""));
        PlanDetails approved = plans.transition(supervisor(), p.id(), PlanAction.APPROVE, "");

        PlanDraft changed = new PlanDraft(approved.customerId(), "改名", approved.eventType(), approved.eventName(),
                approved.level(), approved.startsAt(), approved.endsAt(), approved.supplySources(),
                approved.lines().stream().map(LineDetails::id).toList(), approved.loads(), approved.risks(),
                approved.resources(), approved.duties(), approved.version());
        assertEquals(BusinessException.Kind.CONFLICT, assertThrows(BusinessException.class,
                () -> plans.update(manager(), p.id(), changed)).kind());

        PlanDetails revision = plans.revise(manager(), p.id());
        assertEquals(2, revision.revision());
        assertEquals(p.id(), revision.previousId());
        assertEquals(PlanStatus.DRAFT, revision.status());
        assertEquals(approved.tasks().size(), revision.tasks().size());
        assertEquals(List.of(truck.id()), revision.bookings().stream().map(BookingDetails::truckId).toList(),
                "the booking follows the plan to its revision");
        assertEquals(BusinessException.Kind.CONFLICT, assertThrows(BusinessException.class,
                () -> plans.revise(manager(), p.id())).kind(), "one revision at a time");
        assertEquals(PlanStatus.APPROVED, plans.get(manager(), p.id()).status(), "in force until replaced");

        PlanDraft edit = new PlanDraft(revision.customerId(), revision.title() + "（修订）", revision.eventType(),
                revision.eventName(), revision.level(), revision.startsAt(), revision.endsAt(),
                revision.supplySources(), revision.lines().stream().map(LineDetails::id).toList(), revision.loads(),
                List.of(new RiskPoint("新增风险", "新增措施")), revision.resources(), revision.duties(),
                revision.version());
        plans.update(manager(), revision.id(), edit);
        plans.transition(manager(), revision.id(), PlanAction.SUBMIT, "");
        plans.transition(supervisor(), revision.id(), PlanAction.APPROVE, "");

        assertEquals(PlanStatus.SUPERSEDED, plans.get(manager(), p.id()).status());
        PlanDetails current = plans.get(manager(), revision.id());
        assertEquals(PlanStatus.APPROVED, current.status());
        assertEquals(List.of(new RiskPoint("新增风险", "新增措施")), current.risks());
        assertEquals(approved.title(), plans.get(manager(), p.id()).title(), "the old revision is kept as it was");
    }

    @Test
    void a_truck_may_be_booked_end_to_start_but_an_overlap_is_refused_naming_the_plan_holding_it() {
        TruckDetails truck = fixtures.truck();
        OffsetDateTime start = PlanFixtures.freshWeek();
        PlanDetails first = fixtures.draft(manager(), fixtures.managersCustomer(), start);
        PlanDetails second = fixtures.draft(manager(), fixtures.managersCustomer(), start);
        OffsetDateTime ten = start.withHour(10);
        OffsetDateTime six = start.withHour(18);
        fleet.book(manager(), first.id(), new BookingRequest(truck.id(), ten, six, ""));

        BookingDetails touching = fleet.book(manager(), second.id(), new BookingRequest(truck.id(), six,
                six.plusHours(2), ""));
        assertEquals(six, touching.startsAt().withOffsetSameInstant(six.getOffset()));
        fleet.book(manager(), second.id(), new BookingRequest(truck.id(), ten.minusHours(2), ten, ""));

        BusinessException overlap = assertThrows(BusinessException.class, () -> fleet.book(manager(), second.id(),
                new BookingRequest(truck.id(), six.minusMinutes(1), six.plusHours(1), "")));
        assertEquals(BusinessException.Kind.CONFLICT, overlap.kind());
        assertEquals("error.booking-overlap", overlap.key());
        String message = Messages.get(Messages.CHINESE, overlap.key(), overlap.args());
        assertTrue(message.contains(first.title()), message);
        assertTrue(message.contains(truck.plate()), message);
        assertEquals(BusinessException.Kind.CONFLICT, assertThrows(BusinessException.class, () -> fleet.book(
                manager(), second.id(), new BookingRequest(truck.id(), ten.plusHours(1), six.minusHours(1), "")))
                .kind(), "inside another booking");
    }

    @Test
    void the_database_itself_refuses_overlapping_bookings_of_one_truck_and_allows_touching_ones() throws Exception {
        TruckDetails truck = fixtures.truck();
        PlanDetails p = fixtures.draft(manager(), fixtures.managersCustomer(), PlanFixtures.freshWeek());
        String insert = "insert into truck_booking (truck_id, plan_id, starts_at, ends_at, booked_by) values "
                + "(" + truck.id() + ", " + p.id() + ", cast(?1 as timestamptz), cast(?2 as timestamptz), 'test')";
        inTransaction(() -> em.createNativeQuery(insert).setParameter(1, "2099-05-01 10:00+08")
                .setParameter(2, "2099-05-01 18:00+08").executeUpdate());
        inTransaction(() -> em.createNativeQuery(insert).setParameter(1, "2099-05-01 18:00+08")
                .setParameter(2, "2099-05-01 20:00+08").executeUpdate());

        Exception refused = assertThrows(Exception.class, () -> inTransaction(() -> em.createNativeQuery(insert)
                .setParameter(1, "2099-05-01 17:00+08").setParameter(2, "2099-05-01 19:00+08").executeUpdate()));
        assertTrue(FleetService.isOverlapViolation(refused), refused.toString());
    }

    private void inTransaction(Runnable work) throws Exception {
        tx.begin();
        try {
            work.run();
            tx.commit();
        } catch (Exception e) {
            tx.rollback();
            throw e;
        }
    }

    @Test
    void outage_planning_sees_plans_in_force_on_its_lines_in_overlapping_periods_only() {
        OffsetDateTime start = PlanFixtures.freshWeek();
        PlanDetails p = submitted(start);
        long line = p.lines().getFirst().id();
        OffsetDateTime end = p.endsAt();
        assertTrue(plans.activeOn(List.of(line), start.minusDays(1), end).isEmpty(), "submitted is not yet in force");

        plans.transition(supervisor(), p.id(), PlanAction.APPROVE, "");
        List<ActivePlanPeriod> found = plans.activeOn(List.of(line, -1L), start.plusHours(1), start.plusHours(2));
        assertEquals(1, found.stream().filter(a -> a.planId() == p.id()).count());
        ActivePlanPeriod hit = found.stream().filter(a -> a.planId() == p.id()).findFirst().orElseThrow();
        assertEquals(List.of(line), hit.lineIds());
        assertEquals(PlanStatus.APPROVED, hit.status());
        assertTrue(plans.activeOn(List.of(line), end, end.plusHours(4)).stream().noneMatch(a -> a.planId() == p.id()),
                "an outage starting when the plan ends does not conflict");
        assertTrue(plans.activeOn(List.of(-1L), start, end).isEmpty());
    }

    @Test
    void open_tasks_falling_due_are_listed_for_reminders_until_ticked_off() {
        PlanDetails p = submitted(PlanFixtures.freshWeek());
        TaskDetails first = p.tasks().getFirst();
        assertTrue(tasks.dueTasks(first.dueOn()).stream().anyMatch(d -> d.taskId() == first.id()));
        assertTrue(tasks.dueFor(manager(), first.dueOn(), 10_000).stream().anyMatch(d -> d.taskId() == first.id()));

        TaskDetails done = tasks.setDone(manager(), p.id(), first.id(), true);
        assertNotNull(done.doneAt());
        assertEquals("manager", done.doneBy());
        assertTrue(tasks.dueTasks(first.dueOn()).stream().noneMatch(d -> d.taskId() == first.id()));
    }

    @Test
    void a_customer_user_sees_plans_approved_or_later_but_not_drafts_and_a_stranger_sees_none() {
        Viewer customer = fixtures.viewer("customer");
        List<Long> own = em.createQuery("select c.id from Customer c join c.portalUsers u where u.username = "
                + "'customer' order by c.id", Long.class).getResultList();
        long customerId = own.getFirst();
        String managerName = em.createQuery("select c.manager.username from Customer c where c.id = :id",
                String.class).setParameter("id", customerId).getSingleResult();
        Viewer manager = fixtures.viewer(managerName);
        PlanDetails p = fixtures.draft(manager, customerId, PlanFixtures.freshWeek());
        assertEquals(BusinessException.Kind.NOT_FOUND, assertThrows(BusinessException.class,
                () -> plans.get(customer, p.id())).kind());
        plans.transition(manager, p.id(), PlanAction.SUBMIT, "");
        plans.transition(supervisor(), p.id(), PlanAction.APPROVE, "");

        PlanDetails seen = plans.get(customer, p.id());
        assertFalse(seen.writable());
        assertTrue(plans.inForceForCustomer(customer).stream().anyMatch(x -> x.id() == p.id()));
        Viewer stationSupervisor = fixtures.viewer("supervisor.cg");
        long other = fixtures.otherCustomer();
        PlanDetails foreign = fixtures.draft(fixtures.viewer("admin"), other, PlanFixtures.freshWeek());
        assertEquals(BusinessException.Kind.NOT_FOUND, assertThrows(BusinessException.class,
                () -> plans.get(manager(), foreign.id())).kind());
        assertNotNull(stationSupervisor);
    }

    @Test
    @Transactional
    void copying_last_years_plan_moves_its_tasks_by_the_same_number_of_days() {
        OffsetDateTime start = PlanFixtures.freshWeek();
        PlanDetails old = fixtures.draft(manager(), fixtures.managersCustomer(), start);
        PlanDetails copy = plans.copy(manager(), old.id(), "明年考试", start.plusDays(364), start.plusDays(366));

        assertEquals(old.customerId(), copy.customerId());
        assertEquals(old.risks(), copy.risks());
        assertEquals("明年考试", copy.eventName());
        assertEquals(old.tasks().size(), copy.tasks().size());
        assertEquals(old.tasks().getFirst().dueOn().plusDays(364), copy.tasks().getFirst().dueOn());
        assertTrue(copy.tasks().stream().noneMatch(TaskDetails::done));
    }
}
