package cn.keyaccount.visit;

import cn.keyaccount.base.Messages;
import cn.keyaccount.notice.Channel;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.security.Viewer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * Reminders the day before each visit: the manager sees them in the app ({@link #forManager}), and the daily job
 * {@code visit-reminders} (09:30) sends each one through the notice engine (SMS, e-mail and the staff inbox), keyed
 * by visit and date, so that a job that runs twice sends once; the customer's contacts get an SMS announcing the
 * visit (template {@code visit-customer-reminder}), which they confirm by replying "1" ({@link VisitReplies}).
 */
@ApplicationScoped
public class VisitReminders {

    private static final Logger LOG = Logger.getLogger(VisitReminders.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;
    /** The cause of the customer's visit SMS: this prefix, the visit id and the date ({@link VisitReplies}). */
    static final String CUSTOMER_KEY = "visit-customer:";

    private static final String SELECT = "select new cn.keyaccount.visit.VisitReminder(v.id, m.id, m.username, "
            + "m.displayName, c.id, c.name, v.plannedDate, v.plannedTime, v.type) "
            + "from Visit v join v.manager m join v.customer c where v.plannedDate = :day and v.status in "
            + "(cn.keyaccount.visit.VisitStatus.PLANNED, cn.keyaccount.visit.VisitStatus.CONFIRMED)";

    private final EntityManager em;
    private final NoticeService notices;

    private final Clock clock;

    VisitReminders(Clock clock, EntityManager em, NoticeService notices) {
        this.clock = clock;
        this.em = em;
        this.notices = notices;
    }

    @Scheduled(identity = "visit-reminders", cron = "0 30 9 * * ?", timeZone = "${keyaccount.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void remindJob() {
        int n = remindManagers(VisitDates.today(clock));
        if (n > 0) {
            LOG.infof("Visit reminders scheduled: %d", n);
        }
    }

    /**
     * One reminder to the manager of each open visit on the day after {@code today}, expiring when the visit begins;
     * returns how many notices this call scheduled or found scheduled already.
     */
    public int remindManagers(LocalDate today) {
        List<VisitReminder> due = dueTomorrow(today);
        for (VisitReminder v : due) {
            LocalTime start = v.time() == null ? LocalTime.of(8, 0) : v.time();
            OffsetDateTime expires = v.date().atTime(start).atZone(clock.getZone()).toOffsetDateTime();
            Map<String, String> values = Map.of(
                    "visitDate", DAY.format(v.date()),
                    "visitTime", v.time() == null ? "全天" : v.time().toString(),
                    "visitType", Messages.get(Locale.SIMPLIFIED_CHINESE, "visit.type." + v.type().name()));
            notices.schedule(Viewer.system(), NoticeRequest.toStaff(NoticePurpose.VISIT, "visit-reminder",
                            "走访提醒：" + v.customerName() + " " + DAY.format(v.date()), List.of(v.managerId()))
                    .about(v.customerId()).parameters(values)
                    .expiresAt(NoticeRequest.noSoonerThanAnHourAfter(OffsetDateTime.now(clock), expires))
                    .once("visit-reminder:" + v.visitId() + ":" + v.date()).build());
            // the customer's contacts get an SMS they can answer with "1" (VisitReplies confirms the visit then)
            notices.schedule(Viewer.system(), NoticeRequest.toCustomers(NoticePurpose.VISIT, "visit-customer-reminder",
                            "走访预告：" + v.customerName() + " " + DAY.format(v.date()), List.of(v.customerId()))
                    .channels(Set.of(Channel.SMS)).parameters(values)
                    .expiresAt(NoticeRequest.noSoonerThanAnHourAfter(OffsetDateTime.now(clock), expires))
                    .once(CUSTOMER_KEY + v.visitId() + ":" + v.date()).build());
        }
        return due.size();
    }

    /** Every open visit on the day after {@code today}, for every manager. */
    List<VisitReminder> dueTomorrow(LocalDate today) {
        return em.createQuery(SELECT + " order by m.id, v.plannedTime nulls last, v.id", VisitReminder.class)
                .setParameter("day", today.plusDays(1)).getResultList();
    }

    /** The signed-in manager's visits tomorrow (Asia/Shanghai), for the in-app reminder list. */
    public List<VisitReminder> forManager(Viewer viewer) {
        return em.createQuery(SELECT + " and m.id = :manager order by v.plannedTime nulls last, v.id",
                        VisitReminder.class)
                .setParameter("day", VisitDates.today(clock).plusDays(1)).setParameter("manager", viewer.userId())
                .getResultList();
    }
}
