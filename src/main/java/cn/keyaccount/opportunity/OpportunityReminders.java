package cn.keyaccount.opportunity;

import cn.keyaccount.base.Messages;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.security.Viewer;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * The owner's reminder of an opportunity's next step on its date: the daily job {@code opportunity-reminders}
 * (08:30, Quartz, clustered: one node fires it) sends each through the notice engine (template
 * {@code opportunity-step-due}: SMS, e-mail, the staff inbox), keyed by opportunity, date and step, so that a job run
 * twice, or on two nodes, sends once; a step moved to another day is reminded again on that day.
 */
@ApplicationScoped
public class OpportunityReminders {

    private static final Logger LOG = Logger.getLogger(OpportunityReminders.class);

    private final OpportunityQueries queries;
    private final NoticeService notices;
    private final Clock clock;

    OpportunityReminders(OpportunityQueries queries, NoticeService notices, Clock clock) {
        this.queries = queries;
        this.notices = notices;
        this.clock = clock;
    }

    @Scheduled(identity = "opportunity-reminders", cron = "0 30 8 * * ?", timeZone = "${keyaccount.zone}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void remindJob() {
        int n = remindOwners(LocalDate.now(clock));
        if (n > 0) {
            LOG.infof("Opportunity reminders scheduled: %d", n);
        }
    }

    /** One reminder to the owner of each open opportunity whose next step is on {@code day}; returns how many. */
    @Transactional
    public int remindOwners(LocalDate day) {
        List<Opportunity> due = queries.dueOn(day);
        for (Opportunity o : due) {
            String tag = Messages.get(Locale.SIMPLIFIED_CHINESE, o.getTagLabelKey());
            Map<String, String> values = Map.of("tagName", tag, "stepDate", day.toString(),
                    "nextStep", o.getNextStep() == null ? "—" : o.getNextStep(),
                    "stage", Messages.get(Locale.SIMPLIFIED_CHINESE, "opportunity.stage." + o.getStage().name()));
            notices.schedule(Viewer.system(), NoticeRequest.toStaff(NoticePurpose.OPPORTUNITY,
                            "opportunity-step-due", "商机下一步：" + o.getCustomer().getName() + " · " + tag,
                            List.of(o.getOwner().getId()))
                    .about(o.getCustomer().getId()).parameters(values)
                    .once("opportunity-step:" + o.getId() + ":" + day + ":" + Integer.toHexString(
                            String.valueOf(o.getNextStep()).hashCode())).build());
        }
        return due.size();
    }
}
