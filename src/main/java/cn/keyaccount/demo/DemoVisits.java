package cn.keyaccount.demo;

import cn.keyaccount.security.Viewer;
import cn.keyaccount.visit.PlanResult;
import cn.keyaccount.visit.VisitDates;
import cn.keyaccount.visit.VisitPlanningService;
import cn.keyaccount.base.calendar.WorkCalendarSource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Visits for the demo company, after the customers exist: the last two months planned and mostly recorded (some
 * late, some missed, a few cancelled, follow-up tasks open and closed), then the rolling plan from today. The demo
 * customer has asked to move one of the manager's upcoming visits, so both sides of the portal show something.
 */
@ApplicationScoped
class DemoVisits {

    private static final Logger LOG = Logger.getLogger(DemoVisits.class);
    static final int HISTORY_DAYS = 60;
    private static final List<String> FINDINGS = List.of(
            "配电室巡视正常，1号变压器油位偏低，已提醒电工补油",
            "无功补偿装置部分电容器退出运行，功率因数降至0.88",
            "客户计划扩产，预计新增负荷800kW，需提前办理增容",
            "应急发电机未定期试运行，已建议每月试机并记录",
            "高压开关柜防小动物措施不到位，已现场指出",
            "客户反映电费账单分时段电量看不懂，已现场讲解");
    private static final List<String> DEMANDS = List.of(
            "希望检修停电提前一周通知", "咨询需量电价改按实际最大需量计费", "申请第二路电源", "希望提供能效诊断服务", "");
    private static final List<String> TASKS = List.of(
            "出具功率因数整改建议", "联系业扩班办理增容预审", "发送检修计划到客户邮箱", "安排能效诊断现场测试");

    private final VisitPlanningService planning;
    private final WorkCalendarSource calendars;
    private final AgroalDataSource dataSource;
    private final DemoDatabase demo;

    DemoVisits(VisitPlanningService planning, WorkCalendarSource calendars, AgroalDataSource dataSource,
               DemoDatabase demo) {
        this.planning = planning;
        this.calendars = calendars;
        this.dataSource = dataSource;
        this.demo = demo;
    }

    /** Runs after the demo company is written (a later priority than {@link DemoDataSeeder}), on the demo only. */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 600) StartupEvent event,
                 @ConfigProperty(name = "keyaccount.demo.enabled") boolean enabled, java.time.Clock clock) {
        if (enabled) {
            demo.step(this::needsVisits, () -> generate(VisitDates.today(clock)));
        }
    }

    private boolean needsVisits() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select not exists(select 1 from visit) "
                     + "and exists(select 1 from app_user where username = 'manager')")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void generate(LocalDate today) {
        long before = demo.maxId("visit");
        List<Long> managers = planning.plannable(Viewer.system()).stream().map(m -> m.id()).toList();
        planning.plan(Viewer.system(), managers, today.minusDays(HISTORY_DAYS));
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            recordHistory(c, today, before);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Demo visits failed", e);
        }
        PlanResult ahead = planning.plan(Viewer.system(), managers, today);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            LocalDate meeting = today.plusDays(3);
            while (!calendars.current().isWorkday(meeting)) {
                meeting = meeting.plusDays(1);
            }
            customerRequest(c, today, meeting);
            c.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Demo visits failed", e);
        }
        LOG.infof("Demo visits: history of %d days recorded, %d visits planned ahead in %d ms", HISTORY_DAYS,
                ahead.created(), ahead.millis());
    }

    /**
     * Past visits the demo just planned (ids after {@code before}), by a fixed pattern of their ids: most done on time,
     * some late, a few cancelled, the rest missed.
     */
    private static void recordHistory(Connection c, LocalDate today, long before) throws SQLException {
        Date day = Date.valueOf(today);
        try (PreparedStatement done = c.prepareStatement("update visit set status = 'DONE', origin = 'MANUAL', "
                + "done_date = least(planned_date + case when id % 100 >= 80 then 3 else 0 end, ?::date - 1), "
                + "participants = '客户经理、' || case when id % 3 = 0 then '用电检查员' else '营销部专责' end, "
                + "contacts_met = '电气负责人', findings = (array[?,?,?,?,?,?])[id % 6 + 1], "
                + "demands = nullif((array[?,?,?,?,?])[id % 5 + 1], ''), satisfaction = 3 + (id % 3), "
                + "recorded_by = 'manager', recorded_at = now() where planned_date < ? and id % 100 < 88 and id > ?");
             PreparedStatement cancelled = c.prepareStatement("update visit set status = 'CANCELLED', "
                     + "origin = 'MANUAL', cancel_reason = '客户停产检修，改期另行安排' "
                     + "where planned_date < ? and id % 100 between 88 and 92 and id > ?");
             PreparedStatement tasks = c.prepareStatement("insert into visit_task (visit_id, description, owner, "
                     + "due_date, closed_at, closed_by) select id, (array[?,?,?,?])[id % 4 + 1], "
                     + "case when id % 2 = 0 then '营销部专责' else '客户电工' end, done_date + 14, "
                     + "case when id % 10 = 0 then now() end, case when id % 10 = 0 then 'manager' end "
                     + "from visit where status = 'DONE' and id % 5 = 0 and id > ?")) {
            done.setDate(1, day);
            int p = 2;
            for (String f : FINDINGS) {
                done.setString(p++, f);
            }
            for (String d : DEMANDS) {
                done.setString(p++, d);
            }
            done.setDate(p, day);
            done.setLong(p + 1, before);
            done.executeUpdate();
            cancelled.setDate(1, day);
            cancelled.setLong(2, before);
            cancelled.executeUpdate();
            for (int i = 0; i < TASKS.size(); i++) {
                tasks.setString(i + 1, TASKS.get(i));
            }
            tasks.setLong(TASKS.size() + 1, before);
            tasks.executeUpdate();
        }
    }

    /**
     * Each of the demo customer's accounts gets an energy-efficiency consultation soon (a visit added by hand), and
     * the customer asks to move the first upcoming visit.
     */
    private static void customerRequest(Connection c, LocalDate today, LocalDate meeting) throws SQLException {
        try (PreparedStatement add = c.prepareStatement("insert into visit (customer_id, manager_id, visit_type, "
                + "planned_date, planned_time, status, origin) select cu.id, cu.manager_id, 'ENERGY_EFFICIENCY', ?, "
                + "'14:30', 'PLANNED', 'MANUAL' from customer cu join user_customer uc on uc.customer_id = cu.id "
                + "join app_user u on u.id = uc.user_id where u.username = 'customer' and cu.manager_id is not null");
             PreparedStatement ask = c.prepareStatement("update visit set customer_response = 'RESCHEDULE_REQUESTED', "
                     + "origin = 'MANUAL', customer_note = '那天上午厂里安排了设备检修，能否改到下午或第二天？', "
                     + "customer_proposed_date = planned_date + 1 where id = (select v.id from visit v "
                     + "join user_customer uc on uc.customer_id = v.customer_id join app_user u on u.id = uc.user_id "
                     + "where u.username = 'customer' and v.planned_date > ? and v.status = 'PLANNED' "
                     + "order by v.planned_date, v.id limit 1)")) {
            add.setDate(1, Date.valueOf(meeting));
            add.executeUpdate();
            ask.setDate(1, Date.valueOf(today));
            ask.executeUpdate();
        }
    }
}
