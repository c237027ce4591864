package cn.keyaccount.demo;

import cn.keyaccount.billing.BillingService;
import cn.keyaccount.billing.ImportReport;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.supplyplan.PlanTaskReminders;
import cn.keyaccount.visit.VisitReminders;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Bills and notices for the demo company, after its visits exist: the demo customer's accounts get the last two
 * months' bills (the older paid, the newer overdue on the first account, so an arrears reminder goes out), other
 * accounts of the demo manager's portfolio a month's bills; the staff reminders of today's and tomorrow's visits and
 * of supply-plan tasks falling due are raised as the daily jobs would. Everything goes through the billing service and
 * the notice engine; only the sending is taken as done (the demo has no SMS centre or mail server): SMS delivered,
 * e-mails accepted and in-app messages delivered, a little after they were scheduled, marked as demo history.
 */
@ApplicationScoped
class DemoNotices {

    private static final Logger LOG = Logger.getLogger(DemoNotices.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
    private static final String HEADER = "户号,账期,尖峰电量,峰电量,平电量,谷电量,基本电费,力调电费,电费合计,缴费截止日\n";

    private final BillingService billing;
    private final CustomerService customers;
    private final UserService users;
    private final VisitReminders visitReminders;
    private final PlanTaskReminders taskReminders;
    private final AgroalDataSource dataSource;
    private final DemoDatabase demo;

    DemoNotices(BillingService billing, CustomerService customers, UserService users, VisitReminders visitReminders,
                PlanTaskReminders taskReminders, AgroalDataSource dataSource, DemoDatabase demo) {
        this.demo = demo;
        this.billing = billing;
        this.customers = customers;
        this.users = users;
        this.visitReminders = visitReminders;
        this.taskReminders = taskReminders;
        this.dataSource = dataSource;
    }

    /** Runs after the demo visits (a later priority than {@link DemoVisits}), on the demo only. */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 700) StartupEvent event,
                 @ConfigProperty(name = "keyaccount.demo.enabled") boolean enabled) {
        if (enabled) {
            demo.step(this::needsNotices, () -> generate(LocalDate.now(java.time.ZoneId.of("Asia/Shanghai"))));
        }
    }

    private boolean needsNotices() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select not exists(select 1 from bill) "
                     + "and exists(select 1 from app_user where username = 'customer')")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    void generate(LocalDate today) {
        long before = demo.maxId("notice_message");
        Viewer scheduler = users.viewer("scheduler");
        List<CustomerDetails> own = customers.ownAccounts(users.viewer("customer"));
        LocalDate older = today.minusMonths(2);
        LocalDate newer = today.minusMonths(1);
        StringBuilder bills = new StringBuilder(HEADER);
        StringBuilder payments = new StringBuilder("户号,账期,实收金额,缴费日期\n");
        for (int i = 0; i < own.size(); i++) {
            String account = own.get(i).accountNo();
            int kwh = 18_000 + 3_700 * i;
            String total1 = amount(kwh, 1.00);
            String total2 = amount(kwh, 1.08);
            bills.append(row(account, MONTH.format(older), kwh, total1, newer.withDayOfMonth(15)));
            bills.append(row(account, MONTH.format(newer), kwh * 108 / 100, total2,
                    i == 0 ? today.minusDays(12) : today.plusDays(10)));
            payments.append(account).append(',').append(MONTH.format(older)).append(',').append(total1).append(',')
                    .append(newer.withDayOfMonth(12)).append('\n');
        }
        ImportReport billed = billing.importBills(scheduler, "demo-bills.csv",
                bills.toString().getBytes(StandardCharsets.UTF_8));
        ImportReport paid = billing.importPayments(scheduler, "demo-payments.csv",
                payments.toString().getBytes(StandardCharsets.UTF_8));
        int arrears = billing.escalateArrears(today);
        int visits = visitReminders.remindManagers(today.minusDays(1)) + visitReminders.remindManagers(today);
        int tasks = taskReminders.remindOwners(today);
        int settled = settleAsDemoHistory(before);
        LOG.infof("Demo notices: %d bills (%s), %d payments, %d arrears reminders, %d visit and %d plan-task "
                        + "reminders; %d messages marked as sent", billed.imported(), billed.ok() ? "ok"
                        : billed.problems(), paid.imported(), arrears, visits, tasks, settled);
    }

    private static String row(String account, String period, int kwh, String total, LocalDate due) {
        return account + "," + period + "," + kwh / 10 + "," + kwh * 3 / 10 + "," + kwh * 4 / 10 + ","
                + (kwh - kwh / 10 - kwh * 3 / 10 - kwh * 4 / 10) + ",3150.00,-42.30," + total + "," + due + "\n";
    }

    private static String amount(int kwh, double factor) {
        return String.format("%.2f", kwh * 0.68 * factor + 3150.00 - 42.30);
    }

    /**
     * The demo's own notices (the messages written after {@code before}, by this step) as sent: SMS delivered with a
     * receipt, e-mail accepted, in-app delivered. Any other message keeps its state.
     */
    int settleAsDemoHistory(long before) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                update notice_message set attempts = 1,
                       state = case channel when 'EMAIL' then 'SENT' else 'DELIVERED' end,
                       sent_at = least(next_attempt_at, now()),
                       receipt_at = case channel when 'SMS' then least(next_attempt_at, now()) + interval '15 seconds'
                                    end,
                       provider_message_id = case channel when 'SMS' then 'demo-' || id
                                                          when 'EMAIL' then 'mail-' || id end,
                       version = version + 1
                 where id > ? and state = 'SCHEDULED' and next_attempt_at <= now() + interval '1 day'""")) {
            c.setAutoCommit(true);
            ps.setLong(1, before);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Demo notices failed", e);
        }
    }
}
