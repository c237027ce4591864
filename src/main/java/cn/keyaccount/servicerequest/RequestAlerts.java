package cn.keyaccount.servicerequest;

import cn.keyaccount.base.Messages;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.UserSummary;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a request tells staff through the notice engine ({@link NoticeService#schedule}, templates
 * {@code request-warning}, {@code request-overdue}, {@code request-complaint}): the owner when a service level is
 * about to run out, the supervisor when it has, and the supervisor at once when a complaint comes in. "The
 * supervisor" is every enabled supervisor of the nearest unit, from the owning unit up, that has one. Each message is
 * sent once per request and cause (the engine's dedupe key).
 */
@ApplicationScoped
class RequestAlerts {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("MM-dd HH:mm");

    private final NoticeService notices;
    private final UserService users;
    private final Clock clock;

    RequestAlerts(NoticeService notices, UserService users, Clock clock) {
        this.notices = notices;
        this.users = users;
        this.clock = clock;
    }

    void complaintReceived(ServiceRequest r) {
        send(r, "request-complaint", "新投诉 #" + r.getId() + "：" + r.getCustomer().getName(), supervisors(r),
                null, "request-complaint:" + r.getId());
    }

    /** The supervisor: a return visit was dissatisfied and the request waits for them again. */
    void dissatisfied(ServiceRequest r, int satisfaction, String comment) {
        send(r, "request-dissatisfied", "回访不满意 #" + r.getId() + "：" + r.getCustomer().getName(),
                supervisors(r), null, "request-dissatisfied:" + r.getId() + ":" + r.getReopenCount(),
                Map.of("satisfaction", Integer.toString(satisfaction), "comment", comment == null ? "" : comment));
    }

    /**
     * The customer's contacts: their request is received, with its number (urgent for a repair: no quiet hours).
     * A word of praise needs no receipt.
     */
    void received(ServiceRequest r) {
        if (r.getType() == RequestType.PRAISE) {
            return;
        }
        Map<String, String> values = values(r, null);
        values.remove("aboutName");
        notices.schedule(Viewer.system(), NoticeRequest.toCustomers(NoticePurpose.SERVICE_REQUEST,
                        "request-received", "工单 #" + r.getId() + " 已受理", List.of(r.getCustomer().getId()))
                .urgent(r.getType() == RequestType.REPAIR).parameters(values)
                .once("request-received:" + r.getId()).build());
    }

    /** The owner (or, waiting in a unit, its supervisors): the level runs out soon. */
    void warnOwner(ServiceRequest r, ServiceLevels.Stage stage) {
        List<Long> to = r.getOwner() != null ? List.of(r.getOwner().getId()) : supervisors(r);
        send(r, "request-warning", "工单 #" + r.getId() + " 即将超时", to, stage,
                "request-warning:" + r.getId() + ":" + stage);
    }

    /** The supervisor: the level has run out. */
    void tellSupervisor(ServiceRequest r, ServiceLevels.Stage stage) {
        send(r, "request-overdue", "工单 #" + r.getId() + " 已超时", supervisors(r), stage,
                "request-overdue:" + r.getId() + ":" + stage);
    }

    private void send(ServiceRequest r, String template, String title, List<Long> to, ServiceLevels.Stage stage,
                      String once) {
        send(r, template, title, to, stage, once, Map.of());
    }

    private void send(ServiceRequest r, String template, String title, List<Long> to, ServiceLevels.Stage stage,
                      String once, Map<String, String> extra) {
        if (to.isEmpty()) {
            return;
        }
        Map<String, String> values = values(r, stage);
        values.putAll(extra);
        notices.schedule(Viewer.system(), NoticeRequest.toStaff(NoticePurpose.SERVICE_REQUEST, template, title, to)
                .about(r.getCustomer().getId()).parameters(values).once(once).build());
    }

    private Map<String, String> values(ServiceRequest r, ServiceLevels.Stage stage) {
        Map<String, String> values = new HashMap<>();
        values.put("requestNo", Long.toString(r.getId()));
        values.put("requestType", Messages.get(Locale.SIMPLIFIED_CHINESE, "request.type." + r.getType()));
        values.put("subject", r.getSubject());
        values.put("ownerName", r.getOwner() == null ? r.getOwnerUnit().getName() : r.getOwner().getDisplayName());
        values.put("aboutName", r.getAboutUser() == null ? "—" : r.getAboutUser().getDisplayName());
        if (stage != null) {
            OffsetDateTime due = stage == ServiceLevels.Stage.RESPOND ? r.getRespondDueAt() : r.getResolveDueAt();
            values.put("stage", stageName(r.getType(), stage, Locale.SIMPLIFIED_CHINESE));
            values.put("dueAt", AT.format(due.atZoneSameInstant(clock.getZone())));
        }
        return values;
    }

    /** 到达现场 / 首次联系客户 / 恢复供电 / 答复, in the reader's language. */
    static String stageName(RequestType type, ServiceLevels.Stage stage, Locale locale) {
        String which = type == RequestType.REPAIR ? "REPAIR" : "OTHER";
        return Messages.get(locale, "request.stage." + which + "." + stage);
    }

    /** The enabled supervisors of the nearest unit, from the owning unit up, that has any. */
    List<Long> supervisors(ServiceRequest r) {
        String path = r.getOwnerUnit().getPath();
        List<UserSummary> all = users.list(Viewer.system(), Role.SUPERVISOR, null, 0, 1000).stream()
                .filter(UserSummary::enabled).filter(u -> path.startsWith(u.unitPath())).toList();
        int nearest = all.stream().mapToInt(u -> u.unitPath().length()).max().orElse(-1);
        return all.stream().filter(u -> u.unitPath().length() == nearest).map(UserSummary::id).toList();
    }
}
