package cn.keyaccount.portrait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.calendar.WorkCalendar;
import cn.keyaccount.base.calendar.WorkCalendarSource;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.Tier;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.energy.IntervalSeries;
import cn.keyaccount.energy.IntervalStore;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;

@QuarkusTest
class PortraitServiceTest {

    @Inject
    PortraitComputation computation;
    @Inject
    PortraitService portraits;
    @Inject
    EnergyService energy;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;
    @Inject
    EntityManager em;
    @Inject
    Clock clock;
    @Inject
    IntervalStore intervals;
    @Inject
    WorkCalendarSource calendars;
    @Inject
    PortraitConfig config;

    /** Every row of the portrait tables but ids and the time of computation, in a fixed order. */
    @SuppressWarnings("unchecked")
    private List<String> snapshot() {
        return em.createNativeQuery("select concat_ws('|', 'c', pc.customer_id, pc.usable_days, s.number, s.kind, "
                + "s.ordinal, s.members, pc.distance, pc.season_levels::text, pc.rest_level) from portrait_customer pc "
                + "left join portrait_segment s on s.id = pc.segment_id union all "
                + "select concat_ws('|', 's', customer_id, season, day_type, days, points::text) from portrait_shape "
                + "union all select concat_ws('|', 'i', industry_code, day_type, customers, points::text) "
                + "from portrait_industry_shape union all select concat_ws('|', 'r', period_from, customers, "
                + "segmented, chosen_k, silhouettes) from portrait_run order by 1").getResultList();
    }

    private long customerWithReadings(Viewer viewer) {
        return ((Number) em.createNativeQuery("select min(m.customer_id) from meter m join meter_day d "
                + "on d.meter_id = m.id where d.day >= current_date - 60").getSingleResult()).longValue();
    }

    @Test
    void every_customer_with_a_year_of_readings_gets_a_named_segment_and_recomputing_changes_nothing() {
        PortraitComputation.RunSummary run = computation.recomputeAll();
        assertTrue(run.segmented() >= 10, "demo customers with readings: " + run);
        assertTrue(run.segments() >= 2 && run.segments() <= 8, run.toString());
        assertEquals(run.segments(), run.silhouettes().entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey());
        List<String> first = snapshot();
        computation.recomputeAll();
        assertEquals(first, snapshot());

        // every demo customer with readings in the last four weeks has a portrait with a segment
        @SuppressWarnings("unchecked")
        List<Number> withData = em.createNativeQuery("select distinct m.customer_id from meter m join meter_day d "
                + "on d.meter_id = m.id where d.day >= cast(:since as date) group by m.customer_id, m.id "
                + "having count(*) >= 300").setParameter("since", LocalDate.now(clock).minusYears(1))
                .getResultList();
        assertTrue(withData.size() >= 10);
        Viewer admin = users.viewer("admin");
        for (Number id : withData) {
            PortraitDetails p = portraits.portrait(admin, id.longValue());
            assertEquals(PortraitDetails.Status.SEGMENTED, p.status(), "customer " + id);
            assertNotNull(p.segment().nameZh());
            assertNotNull(p.shape(Season.YEAR, DayType.WORKDAY));
            float sum = 0;
            for (float v : p.shape(Season.YEAR, DayType.WORKDAY).points()) {
                sum += v;
            }
            assertEquals(96, sum, 0.01, "normalised to mean 1");
            assertTrue(p.figures().size() >= 6, "figures of customer " + id);
            for (PortraitDetails.TagDetails t : p.tags()) {
                assertTrue(t.reasonZh().matches(".*\\d.*"), "a reason in numbers: " + t.reasonZh());
                assertFalse(t.reasonEn().contains("{"), t.reasonEn());
            }
        }
        // the demo's customers of the same industry and voltage are ranked against each other
        assertTrue(withData.stream().anyMatch(id -> portraits.portrait(admin, id.longValue()).figures().stream()
                .anyMatch(f -> f.percentile() != null)));
    }

    @Test
    void every_demo_customer_is_measured_as_before_the_one_pass_rewrite_with_the_same_tags_figures_and_segments() {
        PortraitComputation.Period period = computation.currentPeriod();
        @SuppressWarnings("unchecked")
        List<Long> ids = ((List<Number>) em.createNativeQuery("select distinct customer_id from meter order by 1")
                .getResultList()).stream().map(Number::longValue).toList();
        List<CustomerMeasure> measured;
        computation.stageTimes().reset();
        try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
            measured = computation.measure(ids, period, pool);
        }
        String now = computation.stageTimes().toString();
        long legacyCpu = 0;
        assertTrue(measured.size() >= 10, "demo customers with readings: " + measured.size());
        java.util.Map<Long, CustomerDetails> details = new java.util.HashMap<>();
        customers.detailsOf(Viewer.system(), ids).forEach(c -> details.put(c.id(), c));
        WorkCalendar calendar = calendars.current();
        TagRules rules = new TagRules(config.tagSettings());
        List<double[]> before = new java.util.ArrayList<>();
        List<double[]> after = new java.util.ArrayList<>();
        for (CustomerMeasure m : measured) {
            CustomerDetails c = details.get(m.customerId());
            // the code before the rewrite (LegacyMeasure) over the same year of readings
            IntervalSeries series = intervals.customerSeries(c.id(), period.from(), period.to());
            long cpu = StageTimes.cpu();
            TypicalShapes.Result old = LegacyMeasure.shapes(series, calendar::isWorkday, config.shapes());
            CustomerFigures oldFigures = LegacyMeasure.figures(series, old, c.operatingCapacityKva().doubleValue(),
                    c.annualKwh().doubleValue(), c.growthRate().doubleValue());
            legacyCpu += StageTimes.cpu() - cpu;
            String who = "customer " + c.id();
            MeasureUnchangedTest.assertSameShapes(old, m.shapes(), who);
            assertEquals(oldFigures.figures(), m.figures(), who);
            assertEquals(rules.tags(oldFigures, c.tier() == Tier.A, c.powerFactorStandard().doubleValue()),
                    m.tags().stream().filter(t -> t.labelKey().startsWith("portrait.tag.")).toList(), who);
            if (old.enough(config.shapes())) {
                before.add(LoadFeatures.of(old));
                after.add(LoadFeatures.of(m.shapes()));
            }
        }
        System.out.printf("PORTRAIT MEASURE on the demo's readings (cold JIT): now %s; before the rewrite: shapes, "
                + "figures %.2f ms CPU per customer%n", now, legacyCpu / 1e6 / measured.size());
        SegmentClustering clustering = new SegmentClustering(config.clusteringSettings());
        SegmentClustering.Outcome a = clustering.cluster(before);
        SegmentClustering.Outcome b = clustering.cluster(after);
        assertEquals(a.k(), b.k());
        assertEquals(a.silhouettes(), b.silhouettes());
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.assignment(), b.assignment());
        org.junit.jupiter.api.Assertions.assertArrayEquals(a.distances(), b.distances(), 0.0);
    }

    @Test
    void a_customer_with_three_weeks_of_readings_gets_no_segment_and_says_how_many_days_it_has() {
        Viewer admin = users.viewer("admin");
        long customer = ((Number) em.createNativeQuery("select min(c.id) from customer c where not exists "
                + "(select 1 from meter m where m.customer_id = c.id)").getSingleResult()).longValue();
        LocalDate last = LocalDate.now(clock).minusDays(1);
        StringBuilder csv = new StringBuilder("meter,time,kwh,kvarh\n");
        String meter = "PT" + ProcessHandle.current().pid() % 10000 + System.nanoTime() % 100000;
        LocalDateTime t = last.minusDays(20).atStartOfDay();
        DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
        for (int k = 1; k <= 21 * 96; k++) {
            csv.append(meter).append(',').append(t.plusMinutes(15L * k).format(f)).append(",2,0.5\n");
        }
        assertTrue(energy.importReadings(admin, customer, "three-weeks.csv",
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8))).accepted());
        computation.recomputeAll();
        PortraitDetails p = portraits.portrait(admin, customer);
        assertEquals(PortraitDetails.Status.TOO_LITTLE_DATA, p.status());
        assertEquals(21, p.usableDays());
        assertEquals(28, p.minDays());
        assertNull(p.segment());
        assertTrue(p.shapes().isEmpty());
    }

    @Test
    void a_customer_user_sees_the_name_of_their_segment_but_no_centre_and_no_other_customer() {
        computation.recomputeAll();
        Viewer customer = users.viewer("customer");
        long own = customers.ownAccounts(customer).getFirst().id();
        PortraitDetails p = portraits.portrait(customer, own);
        assertEquals(PortraitDetails.Status.SEGMENTED, p.status());
        assertNotNull(p.segment().nameZh());
        assertNull(p.segment().workday());
        assertNull(p.segment().members());
        long other = customerWithReadings(users.viewer("admin"));
        if (other == own) {
            other = ((Number) em.createNativeQuery("select max(m.customer_id) from meter m").getSingleResult())
                    .longValue();
        }
        long hidden = other;
        assertEquals(BusinessException.Kind.NOT_FOUND,
                assertThrows(BusinessException.class, () -> portraits.portrait(customer, hidden)).kind());
    }

    @Test
    void the_segments_are_for_supervisors_and_list_only_members_in_their_scope() {
        computation.recomputeAll();
        assertEquals(BusinessException.Kind.FORBIDDEN, assertThrows(BusinessException.class,
                () -> portraits.segments(users.viewer("manager"))).kind());
        SegmentsOverview all = portraits.segments(users.viewer("admin"));
        Viewer station = users.viewer("supervisor.cg");
        SegmentsOverview scoped = portraits.segments(station);
        int total = all.segments().stream().mapToInt(SegmentSummary::members).sum();
        int inScope = scoped.segments().stream().mapToInt(SegmentSummary::membersInScope).sum();
        assertEquals(all.segmented(), total);
        assertTrue(inScope < total, "the station supervisor sees part of the company: " + inScope + " of " + total);
        for (SegmentSummary s : scoped.segments()) {
            PortraitService.MemberPage page = portraits.members(station, s.id(), 0, 500);
            assertEquals(s.membersInScope().longValue(), page.total());
            for (SegmentMemberRow m : page.rows()) {
                portraits.portrait(station, m.customerId()); // visible, else NOT_FOUND
            }
        }
    }

    @Test
    void a_segments_members_come_a_page_at_a_time_closest_first_and_the_pages_make_the_whole() {
        computation.recomputeAll();
        Viewer admin = users.viewer("admin");
        SegmentSummary largest = portraits.segments(admin).segments().stream()
                .max(java.util.Comparator.comparingInt(SegmentSummary::members)).orElseThrow();
        PortraitService.MemberPage whole = portraits.members(admin, largest.id(), 0, 500);
        assertEquals(largest.members().longValue(), whole.total());
        java.util.List<SegmentMemberRow> paged = new java.util.ArrayList<>();
        for (int offset = 0; offset < whole.total(); offset += 2) {
            PortraitService.MemberPage page = portraits.members(admin, largest.id(), offset, 2);
            assertEquals(whole.total(), page.total());
            assertTrue(page.rows().size() <= 2);
            paged.addAll(page.rows());
        }
        assertEquals(whole.rows(), paged);
        for (int i = 1; i < paged.size(); i++) {
            assertTrue(paged.get(i - 1).distance() <= paged.get(i).distance(), "closest to the centre first");
        }
        assertTrue(portraits.members(admin, largest.id(), 10_000, 20).rows().isEmpty(), "past the end: nothing");
    }

    @Test
    void a_tag_that_appears_reaches_the_managers_inbox_once_and_shows_as_a_change_since_the_last_computation() {
        computation.recomputeAll();
        Viewer admin = users.viewer("admin");
        long id = ((Number) em.createNativeQuery("select min(pc.customer_id) from portrait_customer pc join customer c "
                + "on c.id = pc.customer_id where c.tier <> 'A' and c.manager_id is not null").getSingleResult())
                .longValue();
        String tier = (String) em.createNativeQuery("select cast(tier as varchar) from customer where id = :id")
                .setParameter("id", id).getSingleResult();
        String key = "portrait-tag:" + id + ":KEY_ACCOUNT:added:%";
        try {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update customer set tier = 'A' "
                    + "where id = :id").setParameter("id", id).executeUpdate());
            computation.recomputeAll();
            PortraitDetails p = portraits.portrait(admin, id);
            assertTrue(p.changes().stream().anyMatch(c -> c.added() && c.tag().code().equals("KEY_ACCOUNT")),
                    p.changes().toString());
            assertTrue(p.tags().stream().anyMatch(t -> t.code().equals("KEY_ACCOUNT")));
            computation.recomputeAll();
            assertTrue(portraits.portrait(admin, id).changes().isEmpty(), "nothing changed since");
            assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from notice n where n.dedupe_key like :k "
                    + "and n.purpose = 'PORTRAIT'").setParameter("k", key).getSingleResult()).longValue());
            assertEquals(1L, ((Number) em.createNativeQuery("select count(*) from notice_message m join notice n on "
                    + "n.id = m.notice_id join customer c on c.manager_id = m.user_id and c.id = :id "
                    + "where n.dedupe_key like :k").setParameter("id", id).setParameter("k", key).getSingleResult())
                    .longValue(), "one message, to the customer's manager");
        } finally {
            QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("update customer set tier = cast(:t as "
                    + "char(1)) where id = :id").setParameter("t", tier).setParameter("id", id).executeUpdate());
        }
        computation.recomputeAll();
        assertTrue(portraits.portrait(admin, id).changes().stream()
                .anyMatch(c -> !c.added() && c.tag().code().equals("KEY_ACCOUNT")));
    }
}
