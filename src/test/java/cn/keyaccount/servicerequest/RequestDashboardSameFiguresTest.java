package cn.keyaccount.servicerequest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dashboard's figures are the same, figure for figure, as the straightforward statements it replaced
 * ({@link RequestDashboardBefore}: every request joined to its customer, units and handler, grouping sets and
 * percentiles over the rows), on the same data: 6,000 requests of every type, area and state (open, reopened, closed;
 * with and without a handler; handled in another unit than the customer's; overdue and in time) over two years, with
 * return visits, seen by the administrator, the county's and a district's supervisor and two managers, over the two
 * years and over a stretch that cuts months in half.
 */
@QuarkusTest
class RequestDashboardSameFiguresTest {

    private static final String MARK = "same-figures";

    @Inject
    RequestDashboard dashboard;
    @Inject
    RequestDashboardBefore before;
    @Inject
    UserService users;
    @Inject
    EntityManager em;
    @Inject
    TestClock time;

    @AfterEach
    void cleanUp() {
        time.reset();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from service_request where created_by = :mark").setParameter("mark", MARK).executeUpdate());
    }

    @Test
    void the_dashboard_shows_the_same_figures_as_the_joins_and_percentiles_over_every_row() {
        QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("""
                    with c as (select id, manager_id, unit_id, row_number() over (order by id) - 1 as k from customer),
                         n as (select count(*) as n from customer),
                         u as (select array_agg(id order by id) as ids from org_unit),
                         m as (select array_agg(id order by id) as ids from app_user where role = 'ACCOUNT_MANAGER'),
                         g as (select g, (array['REPAIR','QUESTION','SERVICE','COMPLAINT','PRAISE'])[1 + g % 5] as type,
                                 timestamptz '2029-01-01 00:00+08' + (g % 730) * interval '1 day'
                                   + (g * 7 % 1440) * interval '1 minute' as opened
                               from generate_series(1, 6000) g)
                    insert into service_request (customer_id, request_type, service_kind, source, status, area, subject,
                      owner_id, owner_unit_id, opened_at, closed_at, closed_by, answer, created_by, levels_version,
                      respond_due_at, resolve_due_at, responded_at)
                    select c.id, g.type, case when g.type = 'SERVICE' then 'METER_CHECK' end, 'PHONE',
                      case when g.g % 10 = 0 then 'OPEN' when g.g % 10 = 1 then 'REOPENED' else 'CLOSED' end,
                      (array['URBAN','RURAL','REMOTE'])[1 + g.g % 3], 'same figures ' || g.g,
                      case when g.g % 7 = 0 then null when g.g % 7 = 1 then m.ids[1 + g.g % array_length(m.ids, 1)]
                        else c.manager_id end,
                      case when g.g % 11 = 0 then u.ids[1 + g.g % array_length(u.ids, 1)] else c.unit_id end,
                      g.opened,
                      case when g.g % 10 > 1 then g.opened + (case when g.type = 'REPAIR'
                        then (60 + g.g * 17 % 300) * interval '1 minute' else (g.g % 9) * interval '1 day' end) end,
                      case when g.g % 10 > 1 then 'test' end, case when g.g % 10 > 1 then '已办结' end,
                      :mark, 'test',
                      case when g.type in ('REPAIR', 'COMPLAINT') then g.opened + (case when g.type = 'REPAIR'
                        then interval '45 minutes' else interval '1 day' end) end,
                      case when g.type <> 'PRAISE' then g.opened + (case when g.type = 'REPAIR'
                        then interval '225 minutes' else interval '7 days' end) end,
                      case when g.type in ('REPAIR', 'COMPLAINT') and g.g % 13 <> 0
                        then g.opened + (10 + g.g * 13 % 90) * interval '1 minute' end
                    from g join c on c.k = g.g % (select n from n) cross join u cross join m""")
                    .setParameter("mark", MARK).executeUpdate();
            em.createNativeQuery("""
                    insert into service_request_return_visit (request_id, satisfaction, comment, at, by_name,
                      by_customer, closed_at)
                    select id, 1 + id % 5, null, closed_at + interval '1 day', 'test', false, closed_at
                    from service_request where created_by = :mark and status = 'CLOSED' and id % 3 = 0""")
                    .setParameter("mark", MARK).executeUpdate();
        });
        // two years on: the open ones of the last weeks are partly in time, partly overdue
        time.set(ZonedDateTime.of(2030, 12, 20, 10, 30, 0, 0, time.zone()));
        for (String who : List.of("admin", "supervisor", "supervisor.cg", "manager", "mgr02")) {
            Viewer v = users.viewer(who);
            for (LocalDate[] period : List.of(new LocalDate[] {LocalDate.of(2029, 1, 1), LocalDate.of(2030, 12, 31)},
                    new LocalDate[] {LocalDate.of(2029, 3, 15), LocalDate.of(2029, 5, 10)})) {
                DashboardDetails now = dashboard.summarise(v, period[0], period[1]);
                DashboardDetails then = before.summarise(v, period[0], period[1]);
                assertFalse(then.compliance().isEmpty(), who + ": the data reach this viewer");
                assertEquals(then.open(), now.open(), who + " " + period[0] + ": open requests");
                assertEquals(then.compliance(), now.compliance(), who + " " + period[0] + ": compliance");
                assertEquals(then.repairs(), now.repairs(), who + " " + period[0] + ": repair times");
                assertEquals(then.satisfaction(), now.satisfaction(), who + " " + period[0] + ": satisfaction");
                assertEquals(then, now);
            }
        }
    }
}
