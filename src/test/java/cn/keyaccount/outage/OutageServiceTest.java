package cn.keyaccount.outage;

import static cn.keyaccount.outage.OutageFixtures.SYSTEM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.Importance;
import cn.keyaccount.customer.SupplyMode;
import cn.keyaccount.network.NetworkService;
import cn.keyaccount.notice.Channel;
import cn.keyaccount.notice.MessageState;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.notice.NoticeQueries;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.supplyplan.CriticalLoad;
import cn.keyaccount.supplyplan.EventType;
import cn.keyaccount.supplyplan.PlanAction;
import cn.keyaccount.supplyplan.PlanDetails;
import cn.keyaccount.supplyplan.PlanDraft;
import cn.keyaccount.supplyplan.PlanLevel;
import cn.keyaccount.supplyplan.SupplyPlanService;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Outages on lines of their own: affected customers, the warning schedule, the approval gate, revisions, access. */
@QuarkusTest
class OutageServiceTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    OutageService outages;

    @Inject
    OutageQueries outageQueries;
    @Inject
    OutageCompliance compliance;
    @Inject
    CriticalPeriodService periods;
    @Inject
    SupplyPlanService plans;
    @Inject
    OutageFixtures fx;
    @Inject
    NoticeQueries noticeService;
    @Inject
    OutageReminders reminders;
    @Inject
    NetworkService network;

    private Viewer scheduler() {
        return fx.viewer("scheduler");
    }

    private Viewer supervisor() {
        return fx.viewer("supervisor");
    }

    private static OffsetDateTime daysAhead(double days) {
        return OffsetDateTime.now(ZONE).plusMinutes((long) (days * 24 * 60)).withSecond(0).withNano(0);
    }

    private Map<Long, AffectedRow> affected(long outageId) {
        return outageQueries.affected(SYSTEM, outageId, null, 0, 500).stream()
                .collect(Collectors.toMap(AffectedRow::customerId, r -> r));
    }

    private List<WarningDetails> notices(long outageId, WarningKind kind) {
        return outageQueries.get(SYSTEM, outageId).warnings().stream().filter(w -> w.kind() == kind).toList();
    }

    @Test
    void customers_on_the_cut_line_are_affected_and_a_dual_supply_customer_keeps_one_source_with_its_loads_shown() {
        long cut = fx.newLine();
        long other = fx.newLine();
        long single = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, cut);
        long dual = fx.customer(SupplyMode.DUAL, Importance.FIRST, cut, other);
        long bothCut = fx.customer(SupplyMode.DUAL, Importance.SECOND, cut, other);
        long elsewhere = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, other);
        PlanDetails plan = plans.createFromTemplate(fx.viewer("admin"), dual, EventType.STANDING, "常年保电",
                PlanLevel.FIRST, daysAhead(-30), daysAhead(300));
        PlanDraft withLoads = plan.toDraft();
        plans.update(fx.viewer("admin"), plan.id(), new PlanDraft(withLoads.customerId(), withLoads.title(),
                withLoads.eventType(), withLoads.eventName(), withLoads.level(), withLoads.startsAt(),
                withLoads.endsAt(), withLoads.supplySources(), withLoads.lineIds(),
                List.of(new CriticalLoad("洁净车间", new BigDecimal("800"), "不可中断")), withLoads.risks(),
                withLoads.resources(), withLoads.duties(), withLoads.version()));
        plans.transition(fx.viewer("admin"), plan.id(), PlanAction.SUBMIT, "");

        OutageDetails o = fx.register(scheduler(), OutageKind.PLANNED, daysAhead(20), cut, other);
        OutageDetails oneLine = fx.register(scheduler(), OutageKind.PLANNED, daysAhead(21), cut);

        assertEquals(4, o.affected(), "every customer on either line");
        Map<Long, AffectedRow> rows = affected(oneLine.id());
        assertEquals(3, rows.size());
        assertFalse(rows.containsKey(elsewhere));
        assertEquals(Effect.OUT, rows.get(single).effect());
        assertEquals(Effect.ONE_SOURCE_OUT, rows.get(dual).effect());
        assertEquals(List.of("洁净车间 800 kW"), rows.get(dual).criticalLoads());
        assertEquals(Effect.ONE_SOURCE_OUT, rows.get(bothCut).effect());
        assertEquals(2, oneLine.oneSourceOut());
        assertEquals(Effect.OUT, affected(o.id()).get(bothCut).effect(), "both sources cut: out");
        assertEquals(List.of(dual), outageQueries.affected(SYSTEM, oneLine.id(), Effect.ONE_SOURCE_OUT, 0, 10).stream()
                .map(AffectedRow::customerId).filter(id -> id == dual).toList());
    }

    @Test
    void a_planned_outage_three_weeks_ahead_is_warned_seven_days_before_inside_working_hours_and_reminded() {
        long line = fx.newLine();
        long customer = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        OffsetDateTime start = daysAhead(21).atZoneSameInstant(ZONE).withHour(9).withMinute(0).toOffsetDateTime();
        OutageDetails o = fx.register(scheduler(), OutageKind.PLANNED, start, line);

        assertEquals(OutageStatus.ANNOUNCED, o.status());
        AffectedRow row = affected(o.id()).get(customer);
        assertEquals(WarningClass.ON_TIME, row.warningClass());
        OffsetDateTime at = row.firstWarningAt();
        assertTrue(Duration.between(at, start).compareTo(Duration.ofDays(7)) >= 0, "at least 7 days ahead: " + at);
        assertTrue(Duration.between(at, start).compareTo(Duration.ofDays(11)) < 0, "not far earlier: " + at);
        var local = at.atZoneSameInstant(ZONE).toLocalTime();
        assertFalse(local.isBefore(java.time.LocalTime.of(8, 30)) || local.isAfter(java.time.LocalTime.of(17, 30)),
                "inside working hours: " + local);
        List<MessageDetails> messages = outageQueries.messages(SYSTEM, o.id(), customer, 0, 50);
        assertTrue(messages.stream().anyMatch(m -> m.channel() == Channel.EMAIL && m.state() == MessageState.SCHEDULED
                && m.nextAttemptAt().toInstant().equals(at.toInstant())), "the e-mail waits for its time");
        assertTrue(messages.stream().anyMatch(m -> m.channel() == Channel.SMS), "an SMS to the contact's mobile");
        assertEquals(1, notices(o.id(), WarningKind.REMINDER).size());
        assertEquals(start.minusDays(1).atZoneSameInstant(ZONE).toLocalDate().atTime(16, 0).atZone(ZONE)
                .toInstant(), notices(o.id(), WarningKind.REMINDER).getFirst().plannedAt().toInstant());
        assertTrue(notices(o.id(), WarningKind.REMINDER).getFirst().pending(), "written when due, not at saving");
        assertTrue(messages.stream().noneMatch(m -> m.noticeTitle().startsWith("停电提醒")));
    }

    @Test
    void the_reminder_is_written_once_shortly_before_it_is_due_and_goes_out_at_its_time() {
        long line = fx.newLine();
        long customer = fx.customer(SupplyMode.DUAL, Importance.FIRST, line, fx.newLine());
        OutageDetails o = fx.register(scheduler(), OutageKind.PLANNED, daysAhead(12), line);
        OffsetDateTime due = notices(o.id(), WarningKind.REMINDER).getFirst().plannedAt();

        reminders.writeDue(due.minus(Duration.ofMinutes(16)));
        assertTrue(notices(o.id(), WarningKind.REMINDER).getFirst().pending(), "not yet 16 minutes before");
        // two nodes running the job at the same moment, then a later run
        var nodeA = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> reminders.writeDue(due.minus(Duration.ofMinutes(14))));
        var nodeB = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> reminders.writeDue(due.minus(Duration.ofMinutes(14))));
        assertTrue(nodeA.join() + nodeB.join() >= 1, "15 minutes before: written");
        reminders.writeDue(due.minus(Duration.ofMinutes(13)));

        List<WarningDetails> reminder = notices(o.id(), WarningKind.REMINDER);
        assertEquals(1, reminder.size(), "written once");
        assertFalse(reminder.getFirst().pending());
        assertEquals(due.toInstant(), reminder.getFirst().plannedAt().toInstant());
        List<MessageDetails> sent = outageQueries.messages(SYSTEM, o.id(), customer, 0, 50).stream()
                .filter(m -> m.noticeTitle().startsWith("停电提醒")).toList();
        assertEquals(3, sent.size(), "SMS, e-mail and portal: " + sent);
        assertTrue(sent.stream().allMatch(m -> m.state() == MessageState.SCHEDULED
                && !m.nextAttemptAt().toInstant().isBefore(due.toInstant())), "not before its time");
        assertTrue(sent.stream().anyMatch(m -> m.body().contains("一路电源停电")), "a dual-supply customer's effect");
        OutageDetails held = fx.register(scheduler(), OutageKind.PLANNED, daysAhead(3), line);
        assertTrue(notices(held.id(), WarningKind.REMINDER).isEmpty(), "a held outage owes no reminder yet");
        outages.cancel(scheduler(), o.id(), "计划调整");
        assertTrue(outageQueries.messages(SYSTEM, o.id(), customer, 0, 50).stream()
                .filter(m -> m.noticeTitle().startsWith("停电提醒"))
                .allMatch(m -> m.state() == MessageState.EXPIRED && "withdrawn".equals(m.error())));
    }

    @Test
    void a_whole_substation_is_named_once_in_the_notices_and_the_customers_own_lines_by_code() {
        long substation = fx.newSubstation("测试" + System.nanoTime() % 1_000_000 + "变电站");
        long first = fx.newLine(substation);
        long second = fx.newLine(substation);
        long single = fx.newLine();
        long customer = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, second);
        OffsetDateTime start = daysAhead(21).atZoneSameInstant(ZONE).withHour(9).withMinute(0).toOffsetDateTime();
        OutageDraft d = fx.draft(OutageKind.PLANNED, start, single);
        OutageDetails o = outages.register(scheduler(), new OutageDraft(d.kind(), d.title(), d.reason(), d.area(), "",
                d.startsAt(), d.endsAt(), null, null, List.of(single, first), List.of(substation), null), null);

        String substationName = network.substationNames().get(substation);
        String secondCode = network.line(second).code();
        MessageDetails mail = outageQueries.messages(SYSTEM, o.id(), customer, 0, 50).stream()
                .filter(m -> m.channel() == Channel.EMAIL).findFirst().orElseThrow();
        assertTrue(mail.body().contains("对以下线路进行计划检修停电：" + substationName + "全站、"
                + network.line(single).code() + "。"), mail.body());
        assertFalse(mail.body().contains(network.line(first).code()), "a line of the whole substation is not repeated");
        assertTrue(mail.body().contains("受影响线路 " + secondCode), "the customer's own line by code: " + mail.body());
    }

    @Test
    void six_days_ahead_is_sent_at_once_flagged_below_the_regulation() {
        long line = fx.newLine();
        long customer = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        OutageDetails o = fx.register(scheduler(), OutageKind.PLANNED, daysAhead(6), line);

        assertEquals(OutageStatus.ANNOUNCED, o.status());
        AffectedRow row = affected(o.id()).get(customer);
        assertEquals(WarningClass.BELOW_REGULATION, row.warningClass());
        assertTrue(Duration.between(row.firstWarningAt(), OffsetDateTime.now()).abs().toMinutes() < 2, "at once");
    }

    @Test
    void a_late_planned_outage_waits_for_a_supervisor_who_must_give_a_reason() {
        long line = fx.newLine();
        long customer = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        OutageDetails o = fx.register(scheduler(), OutageKind.PLANNED, daysAhead(4), line);

        assertEquals(OutageStatus.HELD, o.status());
        assertTrue(o.heldLate());
        assertEquals(WarningClass.LATE, o.prospectiveClass());
        assertTrue(o.warnings().isEmpty(), "nothing is sent before the approval");
        assertNull(affected(o.id()).get(customer).warningClass());
        assertFalse(o.releasable(), "not for a scheduler");
        assertEquals(BusinessException.Kind.FORBIDDEN,
                assertThrows(BusinessException.class, () -> outages.release(scheduler(), o.id(), "急")).kind());
        assertEquals(BusinessException.Kind.VALIDATION,
                assertThrows(BusinessException.class, () -> outages.release(supervisor(), o.id(), " ")).kind());

        OutageDetails released = outages.release(supervisor(), o.id(), "抢修前置工作，已电话通知客户");
        assertEquals(OutageStatus.ANNOUNCED, released.status());
        assertEquals("supervisor", released.releasedBy());
        AffectedRow row = affected(o.id()).get(customer);
        assertEquals(WarningClass.LATE, row.warningClass());
        assertEquals(1, notices(o.id(), WarningKind.WARNING).size());
        assertEquals(BusinessException.Kind.CONFLICT,
                assertThrows(BusinessException.class, () -> outages.release(supervisor(), o.id(), "再次")).kind());
    }

    @Test
    void a_temporary_outage_is_warned_at_once_and_late_only_for_important_customers_under_24_hours() {
        long line = fx.newLine();
        long important = fx.customer(SupplyMode.SINGLE, Importance.FIRST, line);
        long ordinary = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        OutageDetails soon = fx.register(scheduler(), OutageKind.TEMPORARY, daysAhead(0.9), line);
        OutageDetails dayAhead = fx.register(scheduler(), OutageKind.TEMPORARY, daysAhead(1.2), line);

        assertEquals(OutageStatus.ANNOUNCED, soon.status(), "a temporary outage is not held");
        assertEquals(WarningClass.LATE, affected(soon.id()).get(important).warningClass());
        assertEquals(WarningClass.AT_ONCE, affected(soon.id()).get(ordinary).warningClass());
        assertEquals(WarningClass.ON_TIME, affected(dayAhead.id()).get(important).warningClass());
    }

    @Test
    void a_fault_is_sent_at_once_as_urgent_with_the_estimated_restoration() {
        long line = fx.newLine();
        long customer = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        OffsetDateTime now = OffsetDateTime.now(ZONE);
        OutageDraft d = fx.draft(OutageKind.FAULT, now.minusMinutes(10), line);
        OutageDraft fault = new OutageDraft(d.kind(), d.title(), "雷击", d.area(), "", d.startsAt(), d.endsAt(),
                now.plusHours(3).withSecond(0).withNano(0), null, d.lineIds(), List.of(), null);
        OutageDetails o = outages.register(scheduler(), fault, null);

        assertEquals(WarningClass.AT_ONCE, affected(o.id()).get(customer).warningClass());
        MessageDetails sms = outageQueries.messages(SYSTEM, o.id(), customer, 0, 10).stream()
                .filter(m -> m.channel() == Channel.SMS).findFirst().orElseThrow();
        assertTrue(sms.body().contains("雷击") && sms.body().contains(shanghai(fault.restorationAt())),
                sms.body());
        assertTrue(Duration.between(sms.nextAttemptAt(), OffsetDateTime.now()).abs().toMinutes() < 2,
                "urgent: not held back by the night hours");
        assertTrue(notices(o.id(), WarningKind.REMINDER).isEmpty());
    }

    private static String shanghai(OffsetDateTime t) {
        return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(t.atZoneSameInstant(ZONE));
    }

    @Test
    void moving_an_outage_withdraws_what_has_not_gone_out_and_sends_a_revision_to_everyone_warned_before() {
        long line = fx.newLine();
        long other = fx.newLine();
        long told = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        long dropped = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        long added = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, other);
        OutageDetails o = fx.register(scheduler(), OutageKind.PLANNED, daysAhead(6), line);
        fx.deliverAll(o.id());
        reminders.writeDue(notices(o.id(), WarningKind.REMINDER).getFirst().plannedAt());
        long version = outageQueries.get(SYSTEM, o.id()).version();
        assertTrue(version > o.version(), "writing the reminder changed the outage: an edit begun before is stale");
        // the second customer leaves the line: only the first is on it now, and a customer of the other line joins
        OutageDraft moved = new OutageDraft(OutageKind.PLANNED, o.title(), o.reason(), o.area(), "",
                daysAhead(16), daysAhead(16).plusHours(6), null, null, List.of(line, other), List.of(), version);
        fx.customer(SupplyMode.SINGLE, Importance.NORMAL, other);
        OutageDetails after = outages.update(scheduler(), o.id(), moved);

        assertEquals(1, notices(o.id(), WarningKind.REVISION).size());
        List<MessageDetails> toTold = outageQueries.messages(SYSTEM, o.id(), told, 0, 50);
        assertTrue(toTold.stream().anyMatch(m -> m.noticeTitle().startsWith("停电变更") && m.body().contains("变更")),
                "the revision names old and new times");
        List<WarningDetails> reminders = notices(o.id(), WarningKind.REMINDER);
        assertTrue(reminders.getFirst().withdrawn(), "the reminder written before is withdrawn");
        assertTrue(outageQueries.messages(SYSTEM, o.id(), told, 0, 50).stream()
                .filter(m -> m.noticeTitle().startsWith("停电提醒"))
                .allMatch(m -> m.state() == MessageState.EXPIRED && "withdrawn".equals(m.error())));
        assertTrue(reminders.getLast().pending(), "a new one is due the day before the new start");
        assertEquals(daysAhead(16).minusDays(1).atZoneSameInstant(ZONE).toLocalDate().atTime(16, 0).atZone(ZONE)
                .toInstant(), reminders.getLast().plannedAt().toInstant());
        Map<Long, AffectedRow> rows = affected(o.id());
        assertEquals(WarningClass.BELOW_REGULATION, rows.get(told).warningClass(), "the first warning stays on record");
        assertEquals(WarningClass.ON_TIME, rows.get(added).warningClass(), "a new customer is warned on schedule");
        assertTrue(rows.get(added).firstWarningAt().isAfter(OffsetDateTime.now().plusDays(2)));
        assertEquals(OutageStatus.ANNOUNCED, after.status());
        assertEquals(BusinessException.Kind.CONFLICT, assertThrows(BusinessException.class,
                () -> outages.update(scheduler(), o.id(), moved)).kind(), "a stale version is refused");
        assertTrue(dropped > 0);
    }

    @Test
    void cancelling_tells_those_warned_and_withdraws_the_rest() {
        long line = fx.newLine();
        long customer = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        OutageDetails warned = fx.register(scheduler(), OutageKind.PLANNED, daysAhead(6), line);
        fx.deliverAll(warned.id());
        OutageDetails future = fx.register(scheduler(), OutageKind.PLANNED, daysAhead(25), line);

        assertEquals(BusinessException.Kind.VALIDATION, assertThrows(BusinessException.class,
                () -> outages.cancel(scheduler(), warned.id(), "")).kind());
        outages.cancel(scheduler(), warned.id(), "天气原因");
        outages.cancel(scheduler(), future.id(), "计划调整");

        assertEquals(1, notices(warned.id(), WarningKind.CANCELLATION).size());
        assertTrue(outageQueries.messages(SYSTEM, warned.id(), customer, 0, 50).stream()
                .anyMatch(m -> m.noticeTitle().startsWith("停电取消") && m.body().contains("天气原因")));
        assertTrue(notices(future.id(), WarningKind.CANCELLATION).isEmpty(), "nobody was told: nobody to tell");
        assertTrue(outageQueries.messages(SYSTEM, future.id(), customer, 0, 50).stream()
                .allMatch(m -> m.state() == MessageState.EXPIRED), "the pending warning never goes out");
        assertEquals(OutageStatus.CANCELLED, outageQueries.get(SYSTEM, future.id()).status());
    }

    @Test
    void an_outage_over_a_supply_plan_or_a_critical_period_is_held_until_a_supervisor_resolves_it() {
        long line = fx.newLine();
        long planned = fx.customer(SupplyMode.SINGLE, Importance.FIRST, line);
        long declaredLine = fx.newLine();
        long declared = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, declaredLine);
        OffsetDateTime start = daysAhead(30);
        PlanDetails plan = plans.createFromTemplate(fx.viewer("admin"), planned, EventType.EXAM, "高考保电",
                PlanLevel.FIRST, start.minusDays(1), start.plusDays(1));
        plans.transition(fx.viewer("admin"), plan.id(), PlanAction.SUBMIT, "");
        plans.transition(supervisor(), plan.id(), PlanAction.APPROVE, "同意");
        OutageDetails onPlan = fx.register(scheduler(), OutageKind.PLANNED, start, line);
        periods.add(fx.viewer("supervisor"), declared, start.plusDays(60), start.plusDays(62), "年末赶工");
        OutageDetails onPeriod = fx.register(scheduler(), OutageKind.PLANNED, start.plusDays(61), declaredLine);
        OutageDetails clear = fx.register(scheduler(), OutageKind.PLANNED, start.plusDays(70), declaredLine);

        assertEquals(OutageStatus.HELD, onPlan.status());
        assertTrue(onPlan.heldConflict() && !onPlan.heldLate());
        assertEquals(ConflictKind.SUPPLY_PLAN, onPlan.conflicts().getFirst().kind());
        assertEquals(plan.id(), onPlan.conflicts().getFirst().referenceId());
        assertEquals(OutageStatus.HELD, onPeriod.status());
        assertEquals(ConflictKind.CRITICAL_PERIOD, onPeriod.conflicts().getFirst().kind());
        assertEquals(OutageStatus.ANNOUNCED, clear.status());
        assertTrue(onPeriod.warnings().isEmpty());

        OutageDetails resolved = outages.release(supervisor(), onPeriod.id(), "客户同意调整生产");
        assertEquals(OutageStatus.ANNOUNCED, resolved.status());
        assertTrue(resolved.warnings().stream().anyMatch(w -> w.kind() == WarningKind.REMINDER && w.pending()),
                "released: the reminder is due");
        assertEquals(WarningClass.ON_TIME, affected(onPeriod.id()).get(declared).warningClass());
    }

    @Test
    void managers_see_outages_of_their_customers_and_customer_users_only_their_own_accounts() {
        long line = fx.newLine();
        long mine = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        long theirs = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        long colleagues = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        fx.assign(mine, "manager");
        fx.assign(colleagues, "mgr02");
        String customerUser = fx.portalUser(mine);
        OutageDetails o = fx.register(scheduler(), OutageKind.PLANNED, daysAhead(12), line);
        long elsewhere = fx.register(scheduler(), OutageKind.PLANNED, daysAhead(12), fx.newLine()).id();
        Viewer manager = fx.viewer("manager");
        Viewer customer = fx.viewer(customerUser);

        assertEquals(List.of(mine), outageQueries.affected(manager, o.id(), null, 0, 50).stream()
                .map(AffectedRow::customerId).toList(), "the manager's own customer only");
        assertEquals(BusinessException.Kind.NOT_FOUND, assertThrows(BusinessException.class,
                () -> outageQueries.get(manager, elsewhere)).kind());
        assertEquals(BusinessException.Kind.NOT_FOUND, assertThrows(BusinessException.class,
                () -> outageQueries.messages(manager, o.id(), theirs, 0, 10)).kind());
        assertFalse(outageQueries.get(manager, o.id()).manageable());
        List<WarningDetails> alerts = notices(o.id(), WarningKind.MANAGERS);
        assertEquals(1, alerts.size(), "one alert to all the managers with customers on the line");
        assertEquals(2, alerts.getFirst().customers());
        Map<Long, List<MessageDetails>> toManagers = noticeService.messagesOf(List.of(alerts.getFirst().noticeId()),
                null, 0, 20).stream().collect(Collectors.groupingBy(MessageDetails::userId));
        long colleague = fx.viewer("mgr02").userId();
        assertEquals(java.util.Set.of(manager.userId(), colleague), toManagers.keySet());
        String mineName = affected(o.id()).get(mine).customerName();
        String colleaguesName = affected(o.id()).get(colleagues).customerName();
        assertTrue(toManagers.get(manager.userId()).stream().allMatch(m -> m.body().contains(mineName)
                && !m.body().contains(colleaguesName)), "each manager is told about their own customer: "
                + toManagers);
        assertTrue(toManagers.get(colleague).stream().allMatch(m -> m.body().contains(colleaguesName)
                && !m.body().contains(mineName)));
        assertEquals(BusinessException.Kind.FORBIDDEN, assertThrows(BusinessException.class,
                () -> outages.cancel(manager, o.id(), "x")).kind());
        assertTrue(outageQueries.upcomingForCustomer(customer).stream().anyMatch(c -> c.outageId() == o.id()
                && c.customerId() == mine));
        assertTrue(outageQueries.upcomingForCustomer(customer).stream().noneMatch(c -> c.customerId() == theirs));
        assertEquals(BusinessException.Kind.NOT_FOUND, assertThrows(BusinessException.class,
                () -> outageQueries.get(customer, elsewhere)).kind());
        assertEquals(BusinessException.Kind.NOT_FOUND, assertThrows(BusinessException.class,
                () -> outageQueries.get(fx.viewer("supervisor.cg"), elsewhere)).kind(), "another station's supervisor");
    }

    @Test
    void the_compliance_figures_count_each_customer_by_the_class_of_its_first_warning() {
        Viewer supervisor = supervisor();
        YearMonth month = YearMonth.from(daysAhead(6).atZoneSameInstant(ZONE));
        ComplianceSummary before = compliance.month(supervisor, month, null);
        long line = fx.newLine();
        fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        OutageDetails o = fx.register(scheduler(), OutageKind.PLANNED, daysAhead(6), line);
        fx.deliverAll(o.id());
        ComplianceSummary after = compliance.month(supervisor, YearMonth.from(o.startsAt().atZoneSameInstant(ZONE)),
                null);

        if (month.equals(YearMonth.from(o.startsAt().atZoneSameInstant(ZONE)))) {
            assertEquals(before.outages() + 1, after.outages());
            assertEquals(before.belowRegulation() + 2, after.belowRegulation());
        }
        ComplianceOutage row = after.rows().stream().filter(r -> r.outageId() == o.id()).findFirst().orElseThrow();
        assertEquals(2, row.affected());
        assertEquals(2, row.belowRegulation());
        assertTrue(row.delivered() >= 4, "e-mail and portal at least, for both: " + row);
        assertNotNull(row.receiptRate());
        assertEquals(BusinessException.Kind.FORBIDDEN, assertThrows(BusinessException.class,
                () -> compliance.month(fx.viewer("manager"), month, null)).kind());
    }

    @Test
    void the_outage_list_names_the_lines_of_each_outage_and_its_affected_list_the_customers() {
        long first = fx.newLine();
        long second = fx.newLine();
        long single = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, first);
        long dual = fx.customer(SupplyMode.DUAL, Importance.FIRST, first, second);
        OutageDetails o = fx.register(scheduler(), OutageKind.PLANNED, daysAhead(20), first, second);

        OutageRow row = outageQueries.list(scheduler(), OutageQueries.OutageFilter.all(), 0, 100_000).stream()
                .filter(r -> r.id() == o.id()).findFirst().orElseThrow();
        assertEquals(Stream.of(network.line(first).code(), network.line(second).code()).sorted()
                .collect(Collectors.joining(" ")), row.lines());
        assertEquals(2, row.affected());
        List<AffectedRow> affected = outageQueries.affected(scheduler(), o.id(), null, 0, 10);
        assertEquals(List.of(dual, single), affected.stream().map(AffectedRow::customerId).toList(),
                "both out, the first-class customer first");
        AffectedRow d = affected.getFirst();
        assertEquals(Importance.FIRST, d.importance());
        assertEquals(SupplyMode.DUAL, d.supplyMode());
        assertEquals(Effect.OUT, d.effect());
        assertNotNull(d.accountNo());
        assertNotNull(d.customerName());
        assertEquals(o.id(), d.outageId());
    }
}
