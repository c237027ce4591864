package cn.keyaccount.outage;

import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.CustomerQueries;
import cn.keyaccount.notice.NoticeDecisions;
import cn.keyaccount.notice.NoticePurpose;
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
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The outage's side of the notice engine: builds the warnings, reminders, revisions and cancellations (purpose
 * OUTAGE, templates {@code outage-*} in scheduler/templates), schedules them and remembers each notice, so that a
 * change can withdraw what has not gone out and tell everyone who was told before. The words it puts into the
 * templates (the effect on the customer, the kind of outage, the titles) come from the {@code outage} bundle in the
 * notices' language ({@code keyaccount.outage.language}).
 * <p>
 * One entry per save of {@link OutageService} — {@link #registered}, {@link #changed}, {@link #cancelled},
 * {@link #released} — and {@link #reminder} for the reminder job; each is given the cut lines and the planner the save
 * looked up already.
 */
@ApplicationScoped
class OutageWarnings {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    /** Customers a manager's message names; the rest are counted. */
    private static final int NAMED = 5;

    private final NoticeService notices;
    private final NoticeDecisions decisions;
    private final OutageWarningRepository warnings;
    private final AffectedCustomers affected;
    private final ZoneId zone;
    private final String language;
    private final Locale locale;
    private final CustomerQueries customerQueries;

    private final Clock clock;

    OutageWarnings(Clock clock, NoticeService notices, NoticeDecisions decisions, OutageWarningRepository warnings,
                   AffectedCustomers affected, OutageSettings settings, CustomerQueries customerQueries) {
        this.clock = clock;
        this.customerQueries = customerQueries;
        this.notices = notices;
        this.decisions = decisions;
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

    /** How an outage stood before a change: its times, and the customers told about it by then. */
    record Before(OffsetDateTime startsAt, OffsetDateTime endsAt, Set<Long> told) {
    }

    /**
     * A registered outage: unless it is held, the first warnings of the customers it affects and their managers'
     * alert. Returns the first warnings by customer, for the affected rows written after it (none when held).
     */
    Map<Long, AffectedCustomers.FirstWarningRecord> registered(Viewer actor, Outage o,
                                                               List<AffectedCustomers.Found> found, CutLines cut,
                                                               OutageNoticePlanner planner, OffsetDateTime now) {
        return warn(actor, o, found, Set.of(), linesLabel(cut), planner, now);
    }

    /**
     * A changed outage: what has not gone out is withdrawn; customers told before get a revision at once (or a
     * cancellation when their lines are no longer cut) and their managers an alert; unless the outage is held now,
     * the customers not told yet get their first warning. Returns the new first warnings by customer.
     */
    Map<Long, AffectedCustomers.FirstWarningRecord> changed(Viewer actor, Outage o, Before before,
                                                            List<AffectedCustomers.Found> found, CutLines cut,
                                                            OutageNoticePlanner planner, OffsetDateTime now) {
        withdrawPending(o);
        String lines = linesLabel(cut);
        Set<Long> told = before.told();
        Set<Long> stillAffected = new HashSet<>(ids(found));
        revision(actor, o, found.stream().filter(f -> told.contains(f.customerId())).toList(), before.startsAt(),
                before.endsAt(), lines);
        List<Long> noLonger = told.stream().filter(c -> !stillAffected.contains(c)).sorted().toList();
        cancellation(actor, o, noLonger, before.startsAt(), before.endsAt(), null, lines);
        List<Long> revised = new ArrayList<>(noLonger);
        found.stream().map(AffectedCustomers.Found::customerId).filter(told::contains).forEach(revised::add);
        alertManagers(actor, o, revised, WarningKind.REVISION, lines);
        return warn(actor, o, found, told, lines, planner, now);
    }

    /** A cancelled outage: pending warnings withdrawn, a cancellation to everyone told and to their managers. */
    void cancelled(Viewer actor, Outage o, Set<Long> told, String reason, CutLines cut) {
        withdrawPending(o);
        String lines = linesLabel(cut);
        cancellation(actor, o, new TreeSet<>(told), o.getStartsAt(), o.getEndsAt(), reason, lines);
        alertManagers(actor, o, told, WarningKind.CANCELLATION, lines);
    }

    /**
     * A released outage: the first warnings of these customers (those not warned yet), classified by their actual
     * lead, and their managers' alert. Returns the first warnings by customer.
     */
    Map<Long, AffectedCustomers.FirstWarningRecord> released(Viewer actor, Outage o,
                                                             List<AffectedCustomers.Found> toWarn, CutLines cut,
                                                             OutageNoticePlanner planner, OffsetDateTime now) {
        String lines = linesLabel(cut);
        Map<Long, AffectedCustomers.FirstWarningRecord> first = firstWarnings(actor, o, toWarn, planner, now, lines);
        alertManagers(actor, o, ids(toWarn), WarningKind.WARNING, lines);
        return first;
    }

    /**
     * Schedules the first warnings of the customers not told yet and the managers' alert, unless the outage is held.
     * The reminder is not written here: the save recorded when it is due.
     */
    private Map<Long, AffectedCustomers.FirstWarningRecord> warn(Viewer actor, Outage o,
                                                                 List<AffectedCustomers.Found> found, Set<Long> told,
                                                                 String lines, OutageNoticePlanner planner,
                                                                 OffsetDateTime now) {
        if (o.getStatus() == OutageStatus.HELD) {
            return Map.of();
        }
        List<AffectedCustomers.Found> toWarn = found.stream().filter(f -> !told.contains(f.customerId())).toList();
        Map<Long, AffectedCustomers.FirstWarningRecord> first = firstWarnings(actor, o, toWarn, planner, now, lines);
        alertManagers(actor, o, ids(toWarn), WarningKind.WARNING, lines);
        return first;
    }

    private static List<Long> ids(List<AffectedCustomers.Found> found) {
        return found.stream().map(AffectedCustomers.Found::customerId).toList();
    }

    /**
     * Schedules the first warnings of these customers as planned, one notice per sending time; returns each
     * customer's first warning (class, notice, time) for the caller to record with the affected customers.
     */
    private Map<Long, AffectedCustomers.FirstWarningRecord> firstWarnings(Viewer actor, Outage o,
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
     * The reminder to every customer the outage affects now, going out at {@code at}; {@code key} makes a second
     * call for the same reminder schedule nothing. Returns how many customers it is for.
     */
    int reminder(Viewer actor, Outage o, OffsetDateTime at, CutLines cut, String key) {
        List<AffectedCustomers.Found> customers = affected.stored(o.getId());
        if (!customers.isEmpty()) {
            schedule(actor, o, WarningKind.REMINDER, "outage-reminder", customers, at, o.getStartsAt(), false,
                    parameters(o, linesLabel(cut)), key);
        }
        return customers.size();
    }

    /**
     * Tells customers warned before that the outage moved (new time and lines), at once; for a fault urgently, like
     * the fault notice itself (the customer is without supply now: no SMS night hours).
     */
    private void revision(Viewer actor, Outage o, List<AffectedCustomers.Found> customers, OffsetDateTime oldStart,
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
    private void cancellation(Viewer actor, Outage o, Collection<Long> customerIds, OffsetDateTime oldStart,
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
    private void alertManagers(Viewer actor, Outage o, Collection<Long> customerIds, WarningKind what, String lines) {
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
        NoticeRequest request = NoticeRequest.toStaff(NoticePurpose.OUTAGE, "outage-managers",
                        text("outage.notice.title.MANAGERS", o.getTitle(), whatText), List.copyOf(byManager.keySet()))
                .language(language).parameters(p).userParameters(perManager).build();
        long noticeId = notices.schedule(sender(actor, o), request).id();
        warnings.persist(new OutageWarning(o.getId(), WarningKind.MANAGERS, noticeId, OffsetDateTime.now(clock),
                byManager.values().stream().mapToInt(List::size).sum(), actor.username()));
    }

    /** Takes back every warning and reminder of the outage still waiting for its time. */
    private void withdrawPending(Outage o) {
        for (OutageWarning w : warnings.list("outageId = ?1 and withdrawn = false and kind in ?2", o.getId(),
                EnumSet.of(WarningKind.WARNING, WarningKind.REMINDER))) {
            if (decisions.withdraw(List.of(w.getNoticeId())) > 0) {
                w.withdraw();
            }
        }
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
        NoticeRequest request = NoticeRequest.toCustomers(NoticePurpose.OUTAGE, template,
                        text("outage.notice.title." + kind, o.getTitle()), ids)
                .language(language).parameters(parameters).customerParameters(perCustomer).plannedAt(at)
                .urgent(urgent).expiresAt(expires).once(key).build();
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
    private String linesLabel(CutLines cut) {
        List<String> parts = new ArrayList<>();
        cut.substationNames().forEach(s -> parts.add(text("outage.notice.lines.substation", s)));
        if (!cut.lineCodes().isEmpty()) {
            parts.add(String.join(" ", cut.lineCodes()));
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
