package cn.keyaccount.servicerequest.repair;

import cn.keyaccount.base.Messages;
import cn.keyaccount.notice.Channel;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.ServiceRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tells each step of a repair through the notice engine, urgently (SMS quiet hours do not hold it back, as for a
 * fault outage's warnings): the customer's contacts by SMS and portal inbox (template {@code repair-step}), the
 * customer's manager by SMS and staff inbox ({@code repair-step-manager}). Once per repair and step.
 */
@ApplicationScoped
class RepairNotices {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("MM-dd HH:mm");
    private static final Set<Channel> SMS_AND_INBOX = Set.of(Channel.SMS, Channel.PORTAL);

    private final NoticeService notices;
    private final Clock clock;

    RepairNotices(NoticeService notices, Clock clock) {
        this.notices = notices;
        this.clock = clock;
    }

    void step(Repair repair, RepairStep step, OffsetDateTime at) {
        ServiceRequest r = repair.getRequest();
        Map<String, String> values = new HashMap<>();
        values.put("requestNo", Long.toString(r.getId()));
        values.put("stepText", stepText(step, repair.getCause()));
        values.put("at", AT.format(at.atZoneSameInstant(clock.getZone())));
        values.put("crewName", repair.getCrew() == null ? "—" : repair.getCrew().getName());
        values.put("crewMobile", repair.getCrew() == null ? "—" : repair.getCrew().getMobile());
        String once = "repair:" + repair.getId() + ":" + step;
        String title = "故障报修 #" + r.getId() + " " + values.get("stepText");
        notices.schedule(Viewer.system(), NoticeRequest.toCustomers(NoticePurpose.SERVICE_REQUEST, "repair-step",
                        title, List.of(r.getCustomer().getId()))
                .channels(SMS_AND_INBOX).urgent(true).parameters(values).once(once).build());
        if (r.getCustomer().getManager() != null && r.getCustomer().getManager().isEnabled()) {
            notices.schedule(Viewer.system(), NoticeRequest.toStaff(NoticePurpose.SERVICE_REQUEST,
                            "repair-step-manager", title, List.of(r.getCustomer().getManager().getId()))
                    .about(r.getCustomer().getId()).channels(SMS_AND_INBOX).urgent(true).parameters(values)
                    .once(once + ":manager").build());
        }
    }

    /** 抢修人员已到达现场 and so on, in Chinese (the messages' language); the cause where one was found. */
    static String stepText(RepairStep step, String cause) {
        String text = Messages.get(Messages.CHINESE, "repair.notice." + step);
        return step == RepairStep.CAUSE_FOUND && cause != null ? text + "：" + cause : text;
    }
}
