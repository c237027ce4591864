package cn.keyaccount.supplyplan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.network.LineDetails;
import cn.keyaccount.security.Viewer;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A plan's supply lines are its customer's own: no other line, and no more than a customer can have. */
@QuarkusTest
class PlanLinesTest {

    @Inject
    SupplyPlanService plans;
    @Inject
    PlanFixtures fixtures;
    @Inject
    EntityManager em;

    private static PlanDraft withLines(PlanDetails p, List<Long> lineIds) {
        return new PlanDraft(p.customerId(), p.title(), p.eventType(), p.eventName(), p.level(), p.startsAt(),
                p.endsAt(), p.supplySources(), lineIds, p.loads(), p.risks(), p.resources(), p.duties(), p.version());
    }

    /** A line that does not feed the customer. */
    private long foreignLine(long customerId) {
        return em.createQuery("select l.id from SupplyLine l where l.id not in (select cl.id from Customer c "
                + "join c.lines cl where c.id = :c) order by l.id", Long.class).setParameter("c", customerId)
                .setMaxResults(1).getSingleResult();
    }

    @Test
    void a_draft_refuses_a_line_that_does_not_feed_its_customer_naming_the_line() {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        PlanDetails p = fixtures.draft(manager, customer, PlanFixtures.freshWeek());
        long foreign = foreignLine(customer);
        List<Long> lines = new ArrayList<>(p.lines().stream().map(LineDetails::id).toList());
        lines.add(foreign);

        BusinessException e = assertThrows(BusinessException.class,
                () -> plans.update(manager, p.id(), withLines(p, lines)));

        assertEquals(BusinessException.Kind.VALIDATION, e.kind());
        BusinessException.FieldError error = e.fieldErrors().getFirst();
        assertEquals("lineIds", error.field());
        assertTrue(Messages.get(Messages.ENGLISH, error.key(), error.args()).contains(String.valueOf(foreign)),
                Messages.get(Messages.ENGLISH, error.key(), error.args()));
        assertEquals(p.lines(), plans.get(manager, p.id()).lines(), "nothing was stored");
    }

    @Test
    void a_draft_keeps_a_subset_of_its_customers_own_lines() {
        Viewer manager = fixtures.viewer("manager");
        PlanDetails p = fixtures.draft(manager, fixtures.managersCustomer(), PlanFixtures.freshWeek());
        List<Long> first = List.of(p.lines().getFirst().id());

        assertEquals(first, plans.update(manager, p.id(), withLines(p, first)).lines().stream().map(LineDetails::id)
                .toList());
    }

    @Test
    void a_draft_with_100000_lines_is_refused_with_the_limit() {
        Viewer manager = fixtures.viewer("manager");
        PlanDetails p = fixtures.draft(manager, fixtures.managersCustomer(), PlanFixtures.freshWeek());

        BusinessException e = assertThrows(BusinessException.class, () -> plans.update(manager, p.id(),
                withLines(p, LongStream.rangeClosed(1, 100_000).boxed().toList())));

        assertEquals("lineIds", e.fieldErrors().getFirst().field());
    }
}
