package cn.keyaccount.outage;

import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.notice.NoticeTemplates;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The outage's side of the notice engine: builds the warnings, reminders, revisions and cancellations (purpose
 * OUTAGE, templates {@code outage-*} in scheduler/templates), schedules them and remembers each notice, so that a
 * change can withdraw what has not gone out and tell everyone who was told before. The words it puts into the
 * templates (the effect on the customer, the kind of outage, the titles) come from the {@code outage} bundle in the
 * notices' language ({@code keyaccount.outage.language}).
 */
@ApplicationScoped
class OutageWarnings {

    static final String PURPOSE = "OUTAGE";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Notices that told customers something about the outage (the manager alerts are not to customers). */
    private static final Set<WarningKind> TO_CUSTOMERS = EnumSet.of(WarningKind.WARNING, WarningKind.REMINDER,
            WarningKind.REVISION);
    /** Customers a manager's message names; the rest are counted. */
    private static final int NAMED = 5;

    private final NoticeService notices;
    private final OutageWarningRepository warnings;
    private final AffectedCustomers affected;
    private final ZoneId zone;
    private final String language;
    private final Locale locale;
    private final CustomerQueries customerQueries;

    private final Clock clock;

    OutageWarnings(Clock clock, NoticeService notices, OutageWarningRepository warnings, AffectedCustomers affected,
                   OutageSettings settings, CustomerQueries customerQueries) {
        this.clock = clock;
        this.customerQueries = customerQueries;
        this.notices = notices;
        this.warnings = warnings;
        this.affected = affected;
        this.zone = settings.zone();
        this.language = NoticeTemplates.LANGUAGES.contains(settings.language()) ? settings.language() : "zh";
        this.locale = "en".equals(language) ? Messages.ENGLISH : Messages.CHINESE;
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

    /**
     * Schedules the first warnings of these customers as planned, one notice per sending time; returns each
     * customer's first warning (class, notice, time) for the caller to record with the affected customers.
     */
    Map<Long, AffectedCustomers.FirstWarningRecord> firstWarnings(Viewer actor, Outage o,
                                                                  List<AffectedCustomers.Found> customers,
                                                                  OutageNoticePlanner planner, OffsetDateTime now,
                                                                  String lines) {
        Map<OffsetDateTime, Map<WarningClass, List<AffectedCustomers.Found>>> byTime = new TreeMap<>();
        for (AffectedCustomers.Found f : customers) {
            OutageNoticePlanner.FirstWarning w = planner.firstWarning(o.getKind(), o.getStartsAt(), f.importance(),
                    now);
            byTime.computeIfAbsent(w.at(), k -> new TreeMap<>()).computeIfAbsent(w.warningClass(),
                    k -> new ArrayList<>()).add(f);
        }
        Map<Long, AffectedCustomers.FirstWarningRecord> first = new HashMap<>();
        byTime.forEach((at, byClass) -> {
            List<AffectedCustomers.Found> group = byClass.values().stream().flatMap(List::stream).toList();
            String template = o.getKind() == OutageKind.FAULT ? "outage-fault" : "outage-warning";
            OffsetDateTime expires = o.getKind() == OutageKind.FAULT ? later(o.getEndsAt(), at.plusHours(1))
                    : o.getStartsAt();
            long noticeId = schedule(actor, o, WarningKind.WARNING, template, group, at, expires,
                    o.getKind() == OutageKind.FAULT, parameters(o, lines), null);
            byClass.forEach((cls, list) -> list.forEach(f -> first.put(f.customerId(),
                    new AffectedCustomers.FirstWarningRecord(cls, noticeId, at))));
        });
        return first;
    }

    /**
     * When the reminder before the outage day is owed, when the rules give one: what saving an outage records. Its
     * messages are written later, shortly before that time ({@link #reminder}), so that saving an outage on a busy
     * substation writes only the first warning.
     */
    OffsetDateTime reminderDue(Outage o, OutageNoticePlanner planner, OffsetDateTime now) {
        OffsetDateTime firstAt = planner.firstWarning(o.getKind(), o.getStartsAt(), null, now).at();
        return planner.reminder(o.getKind(), o.getStartsAt(), firstAt, now).orElse(null);
    }

    /**
     * The reminder to every customer the outage affects now, going out at {@code at}; {@code key} makes a second
     * call for the same reminder schedule nothing. Returns how many customers it is for.
     */
    int reminder(Viewer actor, Outage o, OffsetDateTime at, String lines, String key) {
        List<AffectedCustomers.Found> customers = affected.stored(o.getId());
        if (!customers.isEmpty()) {
            schedule(actor, o, WarningKind.REMINDER, "outage-reminder", customers, at, o.getStartsAt(), false,
                    parameters(o, lines), key);
        }
        return customers.size();
    }

    /**
     * Tells customers warned before that the outage moved (new time and lines), at once; for a fault urgently, like
     * the fault notice itself (the customer is without supply now: no SMS night hours).
     */
    void revision(Viewer actor, Outage o, List<AffectedCustomers.Found> customers, OffsetDateTime oldStart,
                  OffsetDateTime oldEnd, String lines) {
        if (customers.isEmpty()) {
            return;
        }
        Map<String, String> p = parameters(o, lines);
        p.put("oldStart", TIME.format(oldStart.atZoneSameInstant(zone)));
        p.put("oldEnd", TIME.format(oldEnd.atZoneSameInstant(zone)));
        schedule(actor, o, WarningKind.REVISION, "outage-revised", customers, null, null,
                o.getKind() == OutageKind.FAULT, p, null);
    }

    /**
     * Tells customers warned before that the outage no longer concerns them: cancelled ({@code why} the scheduler's
     * reason), or their line left out ({@code why} null: the bundle's words for it). Urgent for a fault.
     */
    void cancellation(Viewer actor, Outage o, Collection<Long> customerIds, OffsetDateTime oldStart,
                      OffsetDateTime oldEnd, String why, String lines) {
        if (customerIds.isEmpty()) {
            return;
        }
        Map<String, String> p = parameters(o, lines);
        p.put("oldStart", TIME.format(oldStart.atZoneSameInstant(zone)));
        p.put("oldEnd", TIME.format(oldEnd.atZoneSameInstant(zone)));
        p.put("why", why != null ? why : text("outage.notice.why.lines-changed"));
        List<AffectedCustomers.Found> audience = customerIds.stream()
                .map(id -> new AffectedCustomers.Found(id, null, Effect.OUT, "")).toList();
        schedule(actor, o, WarningKind.CANCELLATION, "outage-cancelled", audience, null, null,
                o.getKind() == OutageKind.FAULT, p, null);
    }

    /**
     * Tells the account manager of each of these customers, at once, which of their customers the outage concerns,
     * so that they can call them: one staff notice to all the managers (SMS, e-mail and staff inbox), each message
     * with the manager's own count and customers. {@code what} says whether it is announced
     * ({@link WarningKind#WARNING}), moved ({@code REVISION}) or cancelled ({@code CANCELLATION}).
     */
    void alertManagers(Viewer actor, Outage o, Collection<Long> customerIds, WarningKind what, String lines) {
        if (customerIds.isEmpty()) {
            return;
        }
        Map<Long, List<String>> byManager = customerQueries.namesByManager(customerIds);
        if (byManager.isEmpty()) {
            return;
        }
        String whatText = text("outage.notice.what." + what);
        Map<String, String> p = parameters(o, lines);
        p.put("what", whatText);
        Map<Long, Map<String, String>> perManager = new HashMap<>();
        String separator = text("outage.notice.separator");
        byManager.forEach((manager, names) -> {
            String named = String.join(separator, names.subList(0, Math.min(NAMED, names.size())));
            perManager.put(manager, Map.of("count", String.valueOf(names.size()),
                    "customers", names.size() > NAMED ? text("outage.notice.customers-more", named) : named));
        });
        NoticeRequest request = new NoticeRequest(PURPOSE, "outage-managers", language,
                text("outage.notice.title.MANAGERS", o.getTitle(), whatText), List.of(), List.of(), null, null, p,
                null, null, false, null, List.copyOf(byManager.keySet()), null, null, perManager);
        long noticeId = notices.schedule(sender(actor, o), request).id();
        warnings.persist(new OutageWarning(o.getId(), WarningKind.MANAGERS, noticeId, OffsetDateTime.now(clock),
                byManager.values().stream().mapToInt(List::size).sum(), actor.username()));
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

    private long schedule(Viewer actor, Outage o, WarningKind kind, String template,
                          List<AffectedCustomers.Found> customers, OffsetDateTime at, OffsetDateTime expires,
                          boolean urgent, Map<String, String> parameters, String key) {
        Map<Long, Map<String, String>> perCustomer = new HashMap<>();
        String oneSourceOut = text("outage.notice.effect." + Effect.ONE_SOURCE_OUT);
        for (AffectedCustomers.Found f : customers) {
            if (f.effect() == Effect.ONE_SOURCE_OUT) {
                perCustomer.put(f.customerId(), Map.of("effect", oneSourceOut, "linesOut", f.linesOut()));
            } else if (!f.linesOut().isEmpty()) {
                perCustomer.put(f.customerId(), Map.of("linesOut", f.linesOut()));
            }
        }
        List<Long> ids = new ArrayList<>(new LinkedHashSet<>(customers.stream()
                .map(AffectedCustomers.Found::customerId).toList()));
        NoticeRequest request = new NoticeRequest(PURPOSE, template, language,
                text("outage.notice.title." + kind, o.getTitle()), ids, List.of(), null, null, parameters,
                perCustomer, at, urgent, expires, List.of(), null, key);
        long noticeId = notices.schedule(sender(actor, o), request).id();
        warnings.persist(new OutageWarning(o.getId(), kind, noticeId, at == null ? OffsetDateTime.now(clock) : at,
                ids.size(), actor.username()));
        return noticeId;
    }

    private Map<String, String> parameters(Outage o, String lines) {
        Map<String, String> p = new HashMap<>();
        p.put("title", o.getTitle());
        p.put("kind", text("outage.notice.kind." + o.getKind()));
        p.put("start", TIME.format(o.getStartsAt().atZoneSameInstant(zone)));
        p.put("end", TIME.format(o.getEndsAt().atZoneSameInstant(zone)));
        p.put("restoration", o.getRestorationAt() == null ? text("outage.notice.restoration-unknown")
                : TIME.format(o.getRestorationAt().atZoneSameInstant(zone)));
        p.put("lines", lines);
        p.put("linesOut", lines);
        p.put("area", o.getArea().isBlank() ? "—" : o.getArea());
        p.put("reason", o.getReason());
        p.put("effect", text("outage.notice.effect." + Effect.OUT));
        return p;
    }

    /**
     * The lines an outage cuts, in the notices' words: each whole substation ("城东变全站"), then single line codes
     * separated by spaces.
     */
    String linesLabel(List<String> substations, List<String> lineCodes) {
        List<String> parts = new ArrayList<>();
        substations.forEach(s -> parts.add(text("outage.notice.lines.substation", s)));
        if (!lineCodes.isEmpty()) {
            parts.add(String.join(" ", lineCodes));
        }
        return String.join(text("outage.notice.separator"), parts);
    }

    /** A word or phrase of the notices, in their language. */
    private String text(String key, Object... args) {
        return Messages.get(locale, key, args);
    }

    private static OffsetDateTime later(OffsetDateTime a, OffsetDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
