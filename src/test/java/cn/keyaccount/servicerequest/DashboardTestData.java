package cn.keyaccount.servicerequest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Dashboard test data written by SQL: 6,000 requests of every type, area and state (open, reopened, closed; with and
 * without a handler; handled in another unit than the customer's; overdue and in time) received over 2029–2030, with
 * return visits on a third of the closed ones. Marked, and deleted again by {@link #delete}.
 */
public final class DashboardTestData {

    public static final String MARK = "dashboard-test-data";
    public static final LocalDate FROM = LocalDate.of(2029, 1, 1);
    public static final LocalDate TO = LocalDate.of(2030, 12, 31);
    /** When to look (the company's local time): the open ones of the last weeks partly in time, partly overdue. */
    public static final LocalDateTime NOW = LocalDateTime.of(2030, 12, 20, 10, 30);

    private DashboardTestData() {
    }

    public static void insert(EntityManager em) {
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
                      (array['URBAN','RURAL','REMOTE'])[1 + g.g % 3], 'dashboard test ' || g.g,
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
    }

    public static void delete(EntityManager em) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "delete from service_request where created_by = :mark").setParameter("mark", MARK).executeUpdate());
    }
}
