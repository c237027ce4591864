package cn.keyaccount.outage;

import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The outage's side of the notice engine: builds the warnings, reminders, revisions and cancellations (purpose
 * OUTAGE, templates {@code outage-*} in scheduler/templates), schedules them and remembers each notice, so that a
 * change can withdraw what has not gone out and tell everyone who was told before.
 */
@ApplicationScoped
class OutageWarnings {

    static final String PURPOSE = "OUTAGE";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Notices that told customers something about the outage (the manager alerts are not to customers). */
    private static final Set<WarningKind> TO_CUSTOMERS = EnumSet.of(WarningKind.WARNING, WarningKind.REMINDER,
            WarningKind.REVISION);

    private final NoticeService notices;
    private final OutageWarningRepository warnings;
    private final AffectedCustomers affected;
    private final ZoneId zone;
    private final EntityManager em;

    OutageWarnings(NoticeService notices, OutageWarningRepository warnings, AffectedCustomers affected,
                   OutageSettings settings, EntityManager em) {
        this.em = em;
        this.notices = notices;
        this.warnings = warnings;
        this.affected = affected;
        this.zone = settings.zone();
    }

    /**
     * The notices go out in the name of the person acting, filed under the outage's unit (so that its supervisors
     * follow them in the notice centre), and reach every customer on the cut lines even where a line crosses into a
     * neighbouring unit: the outage decides the audience, not the sender's own portfolio.
     */
    static Viewer sender(Viewer actor, Outage o) {
        return new Viewer(actor.userId(), actor.username(), actor.displayName(), Role.ADMIN, o.getUnitId(),
                o.getUnitPath());
    }

    /** Schedules the first warnings of these customers as planned, one notice per sending time, and records them. */
    void firstWarnings(Viewer actor, Outage o, List<AffectedCustomers.Found> customers, OutageNoticePlanner planner,
                       OffsetDateTime now, String lines) {
        Map<OffsetDateTime, Map<WarningClass, List<AffectedCustomers.Found>>> byTime = new TreeMap<>();
        for (AffectedCustomers.Found f : customers) {
            OutageNoticePlanner.FirstWarning w = planner.firstWarning(o.getKind(), o.getStartsAt(), f.importance(),
                    now);
            byTime.computeIfAbsent(w.at(), k -> new TreeMap<>()).computeIfAbsent(w.warningClass(),
                    k -> new ArrayList<>()).add(f);
        }
        byTime.forEach((at, byClass) -> {
            List<AffectedCustomers.Found> group = byClass.values().stream().flatMap(List::stream).toList();
            String template = o.getKind() == OutageKind.FAULT ? "outage-fault" : "outage-warning";
            OffsetDateTime expires = o.getKind() == OutageKind.FAULT ? later(o.getEndsAt(), at.plusHours(1))
                    : o.getStartsAt();
            long noticeId = schedule(actor, o, WarningKind.WARNING, template, "停电预告", group, at, expires,
                    o.getKind() == OutageKind.FAULT, parameters(o, lines));
            byClass.forEach((cls, list) -> affected.recordFirstWarning(o.getId(),
                    list.stream().map(AffectedCustomers.Found::customerId).toList(), cls, noticeId, at));
        });
    }

    /** The reminder before the outage day to all these customers, when the rules give one. */
    void reminder(Viewer actor, Outage o, List<AffectedCustomers.Found> customers, OutageNoticePlanner planner,
                  OffsetDateTime now, String lines) {
        if (customers.isEmpty()) {
            return;
        }
        OffsetDateTime firstAt = planner.firstWarning(o.getKind(), o.getStartsAt(), null, now).at();
        planner.reminder(o.getKind(), o.getStartsAt(), firstAt, now).ifPresent(at -> schedule(actor, o,
                WarningKind.REMINDER, "outage-reminder", "停电提醒", customers, at, o.getStartsAt(), false,
                parameters(o, lines)));
    }

    /** Tells customers warned before that the outage moved (new time and lines), at once. */
    void revision(Viewer actor, Outage o, List<AffectedCustomers.Found> customers, OffsetDateTime oldStart,
                  OffsetDateTime oldEnd, String lines) {
        if (customers.isEmpty()) {
            return;
        }
        Map<String, String> p = parameters(o, lines);
        p.put("oldStart", TIME.format(oldStart.atZoneSameInstant(zone)));
        p.put("oldEnd", TIME.format(oldEnd.atZoneSameInstant(zone)));
        schedule(actor, o, WarningKind.REVISION, "outage-revised", "停电变更", customers, null, null, false, p);
    }

    /** Tells customers warned before that the outage no longer concerns them (cancelled, or their line left out). */
    void cancellation(Viewer actor, Outage o, Collection<Long> customerIds, OffsetDateTime oldStart,
                      OffsetDateTime oldEnd, String why, String lines) {
        if (customerIds.isEmpty()) {
            return;
        }
        Map<String, String> p = parameters(o, lines);
        p.put("oldStart", TIME.format(oldStart.atZoneSameInstant(zone)));
        p.put("oldEnd", TIME.format(oldEnd.atZoneSameInstant(zone)));
        p.put("why", why);
        List<AffectedCustomers.Found> audience = customerIds.stream()
                .map(id -> new AffectedCustomers.Found(id, null, Effect.OUT, "")).toList();
        schedule(actor, o, WarningKind.CANCELLATION, "outage-cancelled", "停电取消", audience, null, null, false, p);
    }

    /**
     * Tells the account manager of each of these customers, at once, which of their customers the outage concerns
     * (one staff notice per manager: SMS, e-mail and staff inbox), so that they can call them. {@code what} says
     * whether it is announced, moved or cancelled.
     */
    void alertManagers(Viewer actor, Outage o, Collection<Long> customerIds, String what, String lines) {
        if (customerIds.isEmpty()) {
            return;
        }
        Map<Long, List<String>> byManager = new TreeMap<>();
        List<Long> ids = List.copyOf(customerIds);
        for (int from = 0; from < ids.size(); from += 10_000) {
            em.createQuery("select c.manager.id, c.name from Customer c where c.id in :ids and c.manager is not null "
                            + "order by c.name", Object[].class)
                    .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 10_000))).getResultList()
                    .forEach(r -> byManager.computeIfAbsent((Long) r[0], k -> new ArrayList<>()).add((String) r[1]));
        }
        Map<String, String> p = parameters(o, lines);
        p.put("what", what);
        byManager.forEach((manager, names) -> {
            Map<String, String> values = new HashMap<>(p);
            values.put("count", String.valueOf(names.size()));
            values.put("customers", String.join("、", names.subList(0, Math.min(5, names.size())))
                    + (names.size() > 5 ? " 等" : ""));
            NoticeRequest request = NoticeRequest.toStaff(PURPOSE, "outage-managers", "停电客户提醒（" + what + "）："
                    + o.getTitle(), List.of(manager), null, values);
            long noticeId = notices.schedule(sender(actor, o), request).id();
            warnings.persist(new OutageWarning(o.getId(), WarningKind.MANAGERS, noticeId, OffsetDateTime.now(),
                    names.size(), actor.username()));
        });
    }

    /** The customers any warning, reminder or revision of the outage has reached (or is reaching right now). */
    Set<Long> told(Outage o) {
        return notices.customersReached(noticeIds(o, TO_CUSTOMERS, false));
    }

    /** Takes back every warning and reminder of the outage still waiting for its time. */
    void withdrawPending(Outage o) {
        for (OutageWarning w : warnings.list("outageId = ?1 and withdrawn = false and kind in ?2", o.getId(),
                EnumSet.of(WarningKind.WARNING, WarningKind.REMINDER))) {
            if (notices.withdraw(List.of(w.getNoticeId())) > 0) {
                w.withdraw();
            }
        }
    }

    List<Long> noticeIds(Outage o, Set<WarningKind> kinds, boolean withoutWithdrawn) {
        return warnings.list("outageId = ?1 and kind in ?2" + (withoutWithdrawn ? " and withdrawn = false" : ""),
                o.getId(), kinds).stream().map(OutageWarning::getNoticeId).toList();
    }

    private long schedule(Viewer actor, Outage o, WarningKind kind, String template, String label,
                          List<AffectedCustomers.Found> customers, OffsetDateTime at, OffsetDateTime expires,
                          boolean urgent, Map<String, String> parameters) {
        Map<Long, Map<String, String>> perCustomer = new HashMap<>();
        for (AffectedCustomers.Found f : customers) {
            if (f.effect() == Effect.ONE_SOURCE_OUT) {
                perCustomer.put(f.customerId(), Map.of("effect", "一路电源停电，另一路电源继续供电，请核查重要负荷的切换",
                        "linesOut", f.linesOut()));
            } else if (!f.linesOut().isEmpty()) {
                perCustomer.put(f.customerId(), Map.of("linesOut", f.linesOut()));
            }
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(customers.stream()
                .map(AffectedCustomers.Found::customerId).toList()));
        NoticeRequest request = new NoticeRequest(PURPOSE, template, "zh", label + "：" + o.getTitle(), ids, List.of(),
                null, null, parameters, perCustomer, at, urgent, expires);
        long noticeId = notices.schedule(sender(actor, o), request).id();
        warnings.persist(new OutageWarning(o.getId(), kind, noticeId, at == null ? OffsetDateTime.now() : at,
                ids.size(), actor.username()));
        // the notice engine loaded every customer and contact of the audience as entities; left in the persistence
        // context, each later query of the transaction would dirty-check them all (seconds for 5,000 customers)
        em.flush();
        em.clear();
        return noticeId;
    }

    private Map<String, String> parameters(Outage o, String lines) {
        Map<String, String> p = new HashMap<>();
        p.put("title", o.getTitle());
        p.put("kind", switch (o.getKind()) {
            case PLANNED -> "计划检修";
            case TEMPORARY -> "临时检修";
            case FAULT -> "故障";
        });
        p.put("start", TIME.format(o.getStartsAt().atZoneSameInstant(zone)));
        p.put("end", TIME.format(o.getEndsAt().atZoneSameInstant(zone)));
        p.put("restoration", o.getRestorationAt() == null ? "待定"
                : TIME.format(o.getRestorationAt().atZoneSameInstant(zone)));
        p.put("lines", lines);
        p.put("linesOut", lines);
        p.put("area", o.getArea().isBlank() ? "—" : o.getArea());
        p.put("reason", o.getReason());
        p.put("effect", "全部停电");
        return p;
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
