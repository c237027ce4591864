package cn.keyaccount.notice;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.ContactView;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerName;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.ContactService;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.UserSummary;
import cn.keyaccount.security.Viewer;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The one way the application sends anything to customers and staff. {@link #schedule} turns a {@link NoticeRequest}
 * into a notice and fans it out, in the same transaction, into one message per recipient (customer contact, customer
 * inbox, staff user) and channel (consent honoured, SMS quiet hours applied, no duplicates); the
 * {@link NoticeDispatcher} sends them when due. The rest are the scoped reads of the notice centre, the customer
 * page, the portal inbox and the staff inbox.
 */
@ApplicationScoped
public class NoticeService {

    private static final String VIEW = "select new cn.keyaccount.notice.MessageView(m.id, m.noticeId, n.title, "
            + "n.purpose, coalesce(m.customerId, 0L), m.recipientName, m.channel, m.address, m.subject, m.body, m.segments, "
            + "m.state, m.attempts, m.nextAttemptAt, m.sentAt, m.providerMessageId, m.receiptAt, m.readAt, m.error, "
            + "m.userId) "
            + "from NoticeMessage m, Notice n where n.id = m.noticeId";

    private final NoticeRepository notices;
    private final NoticeOutbox outbox;
    private final NoticeTemplates templates;
    private final NoticeConfig config;
    private final CustomerService customers;
    private final ContactService contacts;
    private final UserService users;
    private final AuditService audit;
    private final EntityManager em;

    NoticeService(NoticeRepository notices, NoticeOutbox outbox, NoticeTemplates templates, NoticeConfig config,
                  CustomerService customers, ContactService contacts, UserService users, AuditService audit,
                  EntityManager em) {
        this.notices = notices;
        this.outbox = outbox;
        this.templates = templates;
        this.config = config;
        this.customers = customers;
        this.contacts = contacts;
        this.users = users;
        this.audit = audit;
        this.em = em;
    }

    /**
     * Schedules a notice a person composed (the notice centre, {@code POST /api/notices}): besides what
     * {@link #schedule} checks, its SMS, filled with its values for a sample recipient as the composer's preview
     * shows it, must fit {@link SmsText#MAX_SEGMENTS} parts, each value at most {@value #MAX_VALUE_LENGTH} characters,
     * and the audience at most {@value #MAX_AUDIENCE} of each kind. A notice a feature schedules is never refused for
     * its length: its SMS is cut to the cap where the template is filled (the e-mail and portal keep the whole text).
     */
    /** Recipients of one kind a composed notice may name (each is one bound parameter of a lookup). */
    static final int MAX_AUDIENCE = 10_000;
    /** Characters of one value of a composed notice: a text for the e-mail may be longer than an SMS. */
    static final int MAX_VALUE_LENGTH = 4_000;

    @Transactional
    public NoticeSummary compose(Viewer viewer, NoticeRequest r) {
        requireSender(viewer);
        Validation v = new Validation()
                .maxSize(r.customerIds(), MAX_AUDIENCE, "customerIds")
                .maxSize(r.contactIds(), MAX_AUDIENCE, "contactIds")
                .maxSize(r.userIds(), MAX_AUDIENCE, "userIds");
        r.parameters().forEach((name, value) -> v.maxLength(value, MAX_VALUE_LENGTH, "parameters." + name));
        if (r.channels().contains(Channel.SMS) && templates.exists(r.template())
                && NoticeTemplates.LANGUAGES.contains(r.language())) {
            int length = templates.render(r.template(), r.language(), sampleRecipient(r.parameters()))
                    .smsLengthAsFilled();
            v.require(length <= SmsText.MAX_LENGTH, longestSmsValue(r), "error.sms-too-long",
                    String.valueOf(length), String.valueOf(SmsText.segments(length)),
                    String.valueOf(SmsText.MAX_LENGTH), String.valueOf(SmsText.MAX_SEGMENTS));
        }
        v.throwIfInvalid();
        return schedule(viewer, r);
    }

    /** The field to blame for a long SMS: the longest value the SMS uses, else the template. */
    private String longestSmsValue(NoticeRequest r) {
        return templates.parameters(r.template()).stream().filter(r.parameters()::containsKey)
                .max(java.util.Comparator.comparingInt(name -> r.parameters().get(name).length()))
                .map(name -> "parameters." + name).orElse("template");
    }

    /**
     * Schedules a notice: validates it, checks that the viewer may see every customer and staff user named (else
     * 404), and writes the notice with all its messages at once. Contacts who opted out of a channel, and anyone
     * lacking a channel's address, get no message on it (counted as skipped); disabled users get none at all. A
     * request whose {@code dedupeKey} was scheduled before returns that notice and sends nothing more. Other features
     * call this with their own viewer or {@link Viewer#system()}.
     */
    @Transactional
    public NoticeSummary schedule(Viewer viewer, NoticeRequest r) {
        requireSender(viewer);
        validate(r);
        if (r.dedupeKey() != null) {
            List<Notice> earlier = notices.list("dedupeKey", r.dedupeKey());
            if (!earlier.isEmpty()) {
                return summaries(earlier).getFirst();
            }
        }
        List<UserSummary> staff = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(r.userIds())) {
            staff.add(users.get(viewer, id));
        }
        List<ContactView> named = contacts.recipientsByIds(r.contactIds());
        if (named.size() != Set.copyOf(r.contactIds()).size()) {
            throw BusinessException.notFound("error.contact-not-found", r.contactIds());
        }
        Set<Long> customerIds = new LinkedHashSet<>(r.customerIds());
        named.forEach(c -> customerIds.add(c.customerId()));
        Set<Long> visible = new LinkedHashSet<>(customerIds);
        if (r.aboutCustomerId() != null) {
            visible.add(r.aboutCustomerId());
        }
        Map<Long, CustomerName> byId = new HashMap<>();
        for (CustomerName c : customers.namesOf(viewer, visible)) {
            byId.put(c.id(), c);
        }
        for (Long id : visible) {
            if (!byId.containsKey(id)) {
                throw BusinessException.notFound("error.customer-not-found", id);
            }
        }
        OffsetDateTime planned = r.plannedAt() == null ? OffsetDateTime.now() : r.plannedAt();
        OffsetDateTime expires = r.expiresAt() == null ? planned.plus(config.defaultExpiry()) : r.expiresAt();
        Notice notice = new Notice(r.purpose().trim(), r.template(), r.language(), r.title().trim(), planned, expires,
                r.urgent(), viewer.username(), viewer.unitPath());
        notice.setDedupeKey(r.dedupeKey());
        notices.persistAndFlush(notice);

        Map<Long, List<ContactView>> audience = new LinkedHashMap<>();
        for (ContactView c : contacts.recipientsOf(r.customerIds())) {
            audience.computeIfAbsent(c.customerId(), k -> new ArrayList<>()).add(c);
        }
        if (r.contactRole() != null && !r.contactRole().isBlank()) {
            audience.replaceAll((id, list) -> {
                List<ContactView> matching = list.stream().filter(c -> c.role().contains(r.contactRole())).toList();
                return matching.isEmpty() ? list : matching;
            });
        }
        named.forEach(c -> audience.computeIfAbsent(c.customerId(), k -> new ArrayList<>()).add(c));
        CustomerName about = r.aboutCustomerId() != null ? byId.get(r.aboutCustomerId())
                : customerIds.size() == 1 ? byId.get(customerIds.iterator().next()) : null;
        FanOut out = new FanOut(notice, r, templates.renderer(r.template(), r.language()));
        // the messages are made while the COPY stores them: nothing in here may use the database
        int written = outbox.insert(notice.getId(), sink -> {
            out.sink = sink;
            audience.forEach((customerId, people) -> fanOut(out, byId.get(customerId), people));
            r.customerIds().stream().filter(id -> !audience.containsKey(id))
                    .forEach(id -> fanOut(out, byId.get(id), List.of()));
            staff.forEach(u -> fanOutToStaff(out, about, u));
        });
        notice.setSkipped(out.skipped);
        audit.record(viewer.username(), "NOTICE_SCHEDULED", "NOTICE", notice.getId(),
                about == null ? null : about.id(), viewer.unitPath(),
                notice.getTitle() + " → " + written, null, null);
        // a new notice: every message written is waiting, so the counts need no query
        return new NoticeSummary(notice.getId(), notice.getPurpose(), notice.getTemplate(), notice.getTitle(),
                notice.getPlannedAt(), notice.getExpiresAt(), notice.isUrgent(), notice.getCreatedBy(),
                notice.getCreatedAt(), notice.getSkipped(), written, written, 0, 0, 0, 0, 0, 0);
    }

    /**
     * The messages of one notice as they are built, handed to the outbox's COPY ({@code sink}) one by one: one per
     * recipient and channel (a recipient named twice gets one; the unique index would also refuse the second), the
     * count of those skipped, and the template's renderer, which fills each distinct text once.
     */
    private static final class FanOut {
        final Notice notice;
        final NoticeRequest request;
        final NoticeTemplates.Renderer texts;
        final Instant planned;
        final Instant expires;
        final Set<NoticeOutbox.Key> keys = new HashSet<>();
        Consumer<NoticeOutbox.NewMessage> sink;
        int skipped;

        FanOut(Notice notice, NoticeRequest request, NoticeTemplates.Renderer texts) {
            this.notice = notice;
            this.request = request;
            this.texts = texts;
            this.planned = notice.getPlannedAt().toInstant();
            this.expires = notice.getExpiresAt().toInstant();
        }

        boolean wants(Channel channel) {
            return request.channels().contains(channel);
        }

        void add(NoticeOutbox.NewMessage m) {
            if (keys.add(m.key())) {
                sink.accept(m);
            }
        }
    }

    private void fanOut(FanOut out, CustomerName customer, List<ContactView> people) {
        NoticeRequest r = out.request;
        Map<String, String> values = new HashMap<>(r.parameters());
        values.putAll(r.customerParameters().getOrDefault(customer.id(), Map.of()));
        values.put("customerName", customer.name());
        values.put("accountNo", customer.accountNo());
        Set<Long> seen = new HashSet<>();
        for (ContactView c : people) {
            if (!seen.add(c.id())) {
                continue;
            }
            values.put("contactName", c.name());
            NoticeTemplates.Rendered text = out.texts.render(values);
            if (out.wants(Channel.SMS)) {
                if (c.acceptsSms() && c.mobile() != null) {
                    Instant at = QuietHours.forSms(out.planned, r.urgent(), config, c.quietFrom(), c.quietTo());
                    out.add(new NoticeOutbox.NewMessage(customer.id(), c.id(), c.name(), Channel.SMS, c.mobile(),
                            null, text.sms(), text.smsSegments(), at, out.expires, r.urgent(), c.quietFrom(),
                            c.quietTo()));
                } else {
                    out.skipped++;
                }
            }
            if (out.wants(Channel.EMAIL)) {
                if (c.acceptsEmail() && c.email() != null) {
                    out.add(new NoticeOutbox.NewMessage(customer.id(), c.id(), c.name(), Channel.EMAIL, c.email(),
                            text.subject(), text.email(), 1, out.planned, out.expires, r.urgent(), null, null));
                } else {
                    out.skipped++;
                }
            }
        }
        // the portal inbox belongs to the account: one message per customer, unless every contact opted out of it
        boolean portalRefused = !people.isEmpty() && people.stream().noneMatch(ContactView::acceptsPortal);
        if (out.wants(Channel.PORTAL) && !portalRefused) {
            values.put("contactName", customer.name());
            NoticeTemplates.Rendered text = out.texts.render(values);
            out.add(new NoticeOutbox.NewMessage(customer.id(), null, customer.name(), Channel.PORTAL, null,
                    text.subject(), text.email(), 1, out.planned, out.expires, r.urgent(), null, null));
        } else if (out.wants(Channel.PORTAL)) {
            out.skipped++;
        }
    }

    /**
     * A staff user's messages: SMS to their mobile (night quiet hours apply unless urgent), e-mail, and their staff
     * inbox (PORTAL channel with the user id). Staff have no consent flags: the job is theirs. Their own values
     * ({@link NoticeRequest#userParameters}) come over the notice's and the customer's.
     */
    private void fanOutToStaff(FanOut out, CustomerName about, UserSummary user) {
        NoticeRequest r = out.request;
        if (!user.enabled()) {
            out.skipped += r.channels().size();
            return;
        }
        Map<String, String> values = new HashMap<>(r.parameters());
        if (about != null) {
            values.putAll(r.customerParameters().getOrDefault(about.id(), Map.of()));
            values.put("customerName", about.name());
            values.put("accountNo", about.accountNo());
        }
        values.putAll(r.userParameters().getOrDefault(user.id(), Map.of()));
        values.put("contactName", user.displayName());
        NoticeTemplates.Rendered text = out.texts.render(values);
        Long customerId = about == null ? null : about.id();
        if (out.wants(Channel.SMS)) {
            if (user.mobile() != null && !user.mobile().isBlank()) {
                out.add(new NoticeOutbox.NewMessage(customerId, null, user.displayName(), Channel.SMS, user.mobile(),
                        null, text.sms(), text.smsSegments(), QuietHours.forSms(out.planned, r.urgent(), config,
                        null, null), out.expires, r.urgent(), null, null, user.id()));
            } else {
                out.skipped++;
            }
        }
        if (out.wants(Channel.EMAIL)) {
            if (user.email() != null && !user.email().isBlank()) {
                out.add(new NoticeOutbox.NewMessage(customerId, null, user.displayName(), Channel.EMAIL, user.email(),
                        text.subject(), text.email(), 1, out.planned, out.expires, r.urgent(), null, null,
                        user.id()));
            } else {
                out.skipped++;
            }
        }
        if (out.wants(Channel.PORTAL)) {
            out.add(new NoticeOutbox.NewMessage(customerId, null, user.displayName(), Channel.PORTAL, null,
                    text.subject(), text.email(), 1, out.planned, out.expires, r.urgent(), null, null, user.id()));
        }
    }

    private void validate(NoticeRequest r) {
        List<BusinessException.FieldError> errors = new ArrayList<>();
        if (r.purpose() == null || r.purpose().isBlank() || r.purpose().length() > 32) {
            errors.add(new BusinessException.FieldError("purpose", "error.required"));
        }
        if (!templates.exists(r.template())) {
            errors.add(new BusinessException.FieldError("template", "error.notice-template-unknown", r.template()));
        }
        if (!NoticeTemplates.LANGUAGES.contains(r.language())) {
            errors.add(new BusinessException.FieldError("language", "error.notice-language", r.language()));
        }
        if (r.title() == null || r.title().isBlank() || r.title().length() > 200) {
            errors.add(new BusinessException.FieldError("title", "error.required"));
        }
        if (r.dedupeKey() != null && r.dedupeKey().length() > 120) {
            errors.add(new BusinessException.FieldError("dedupeKey", "error.required"));
        }
        if (r.customerIds().isEmpty() && r.contactIds().isEmpty() && r.userIds().isEmpty()) {
            errors.add(new BusinessException.FieldError("customerIds", "error.notice-no-audience"));
        }
        OffsetDateTime planned = r.plannedAt() == null ? OffsetDateTime.now() : r.plannedAt();
        if (r.expiresAt() != null && !r.expiresAt().isAfter(planned)) {
            errors.add(new BusinessException.FieldError("expiresAt", "error.notice-expiry-before-plan"));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalidFields(errors);
        }
    }

    private static void requireSender(Viewer viewer) {
        if (viewer.isCustomer()) {
            throw BusinessException.forbidden("error.notice-forbidden");
        }
    }

    /** The template filled with the given values (or the placeholder names where none is given), for previews. */
    public TemplatePreview preview(String template, String language, Map<String, String> values) {
        String lang = language == null || language.isBlank() ? "zh" : language;
        NoticeTemplates.Rendered r = templates.render(template, lang, sampleRecipient(values));
        return new TemplatePreview(template, templates.name(template, lang), r.subject(), r.sms(),
                r.smsLengthAsFilled(), SmsText.segments(r.smsLengthAsFilled()), SmsText.MAX_SEGMENTS, r.email(),
                templates.parameters(template));
    }

    /** The values with a sample recipient where none is given, as the composer's preview shows them. */
    private static Map<String, String> sampleRecipient(Map<String, String> values) {
        Map<String, String> v = new HashMap<>(values == null ? Map.of() : values);
        v.putIfAbsent("customerName", "某某电子科技有限公司");
        v.putIfAbsent("accountNo", "3301000001");
        v.putIfAbsent("contactName", "张工");
        return v;
    }

    public List<String> templateKeys() {
        return templates.keys();
    }

    public String templateName(String key, String language) {
        return templates.name(key, language);
    }

    public List<String> templateParameters(String key) {
        return templates.parameters(key);
    }

    // ---- notices as the notice centre shows them ----

    private record Scope(String where, Parameters params) {
    }

    private static Scope scope(Viewer v) {
        return switch (v.role()) {
            case ADMIN -> new Scope("1 = 1", new Parameters());
            case SUPERVISOR, SCHEDULER -> new Scope("n.unitPath like :path", Parameters.with("path", v.unitPath() + "%"));
            case ACCOUNT_MANAGER -> new Scope("n.createdBy = :me", Parameters.with("me", v.username()));
            case CUSTOMER -> throw BusinessException.forbidden("error.notice-forbidden");
        };
    }

    /** The notices the viewer may follow, newest first. */
    public List<NoticeSummary> list(Viewer viewer, int offset, int limit) {
        Scope s = scope(viewer);
        var q = em.createQuery("select n from Notice n where " + s.where() + " order by n.createdAt desc, n.id desc",
                Notice.class);
        s.params().map().forEach(q::setParameter);
        return summaries(q.setFirstResult(offset).setMaxResults(limit).getResultList());
    }

    public long count(Viewer viewer) {
        Scope s = scope(viewer);
        var q = em.createQuery("select count(n) from Notice n where " + s.where(), Long.class);
        s.params().map().forEach(q::setParameter);
        return q.getSingleResult();
    }

    public NoticeSummary get(Viewer viewer, long noticeId) {
        return summaries(List.of(visible(viewer, noticeId))).getFirst();
    }

    private Notice visible(Viewer viewer, long noticeId) {
        Scope s = scope(viewer);
        var q = em.createQuery("select n from Notice n where n.id = :id and " + s.where(), Notice.class)
                .setParameter("id", noticeId);
        s.params().map().forEach(q::setParameter);
        return q.getResultStream().findFirst()
                .orElseThrow(() -> BusinessException.notFound("error.notice-not-found", noticeId));
    }

    private List<NoticeSummary> summaries(List<Notice> page) {
        if (page.isEmpty()) {
            return List.of();
        }
        Map<Long, Map<MessageState, Long>> counts = new HashMap<>();
        em.createQuery("select m.noticeId, m.state, count(m) from NoticeMessage m where m.noticeId in :ids "
                        + "group by m.noticeId, m.state", Object[].class)
                .setParameter("ids", page.stream().map(Notice::getId).toList()).getResultList()
                .forEach(row -> counts.computeIfAbsent((Long) row[0], k -> new EnumMap<>(MessageState.class))
                        .put((MessageState) row[1], (Long) row[2]));
        return page.stream().map(n -> {
            Map<MessageState, Long> c = counts.getOrDefault(n.getId(), Map.of());
            long total = c.values().stream().mapToLong(Long::longValue).sum();
            return new NoticeSummary(n.getId(), n.getPurpose(), n.getTemplate(), n.getTitle(), n.getPlannedAt(),
                    n.getExpiresAt(), n.isUrgent(), n.getCreatedBy(), n.getCreatedAt(), n.getSkipped(), total,
                    c.getOrDefault(MessageState.SCHEDULED, 0L), c.getOrDefault(MessageState.SENDING, 0L),
                    c.getOrDefault(MessageState.SENT, 0L), c.getOrDefault(MessageState.DELIVERED, 0L),
                    c.getOrDefault(MessageState.FAILED, 0L), c.getOrDefault(MessageState.EXPIRED, 0L),
                    c.getOrDefault(MessageState.UNCERTAIN, 0L));
        }).toList();
    }

    /** A notice's messages, one page, in the order they were fanned out; mobiles masked. */
    public List<MessageView> messages(Viewer viewer, long noticeId, MessageState state, int offset, int limit) {
        visible(viewer, noticeId);
        var q = em.createQuery(VIEW + " and m.noticeId = :notice" + (state == null ? "" : " and m.state = :state")
                + " order by m.id", MessageView.class).setParameter("notice", noticeId);
        if (state != null) {
            q.setParameter("state", state);
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(NoticeService::masked)
                .toList();
    }

    /** One message of a notice as it is now; mobile masked. */
    public MessageView message(Viewer viewer, long noticeId, long messageId) {
        visible(viewer, noticeId);
        return em.createQuery(VIEW + " and m.noticeId = :notice and m.id = :id", MessageView.class)
                .setParameter("notice", noticeId).setParameter("id", messageId).getResultStream().findFirst()
                .map(NoticeService::masked)
                .orElseThrow(() -> BusinessException.notFound("error.notice-message-not-found", messageId));
    }

    private void requireMessage(long noticeId, long messageId) {
        if (em.createQuery("select count(m) from NoticeMessage m where m.noticeId = :notice and m.id = :id",
                Long.class).setParameter("notice", noticeId).setParameter("id", messageId).getSingleResult() == 0) {
            throw BusinessException.notFound("error.notice-message-not-found", messageId);
        }
    }

    public long countMessages(Viewer viewer, long noticeId, MessageState state) {
        visible(viewer, noticeId);
        var q = em.createQuery("select count(m) from NoticeMessage m where m.noticeId = :notice"
                + (state == null ? "" : " and m.state = :state"), Long.class).setParameter("notice", noticeId);
        if (state != null) {
            q.setParameter("state", state);
        }
        return q.getSingleResult();
    }

    // ---- for features that keep track of their own notices (outages): by notice id, the caller scopes ----

    /** Summaries of the given notices, in no particular order; the calling feature decides who may see them. */
    public List<NoticeSummary> summariesOf(java.util.Collection<Long> noticeIds) {
        if (noticeIds.isEmpty()) {
            return List.of();
        }
        return summaries(em.createQuery("select n from Notice n where n.id in :ids", Notice.class)
                .setParameter("ids", noticeIds).getResultList());
    }

    /** The messages of the given notices (of one customer when given), one page in message order; mobiles masked. */
    public List<MessageView> messagesOf(java.util.Collection<Long> noticeIds, Long customerId, int offset, int limit) {
        if (noticeIds.isEmpty()) {
            return List.of();
        }
        var q = em.createQuery(VIEW + " and m.noticeId in :notices" + (customerId == null ? ""
                : " and m.customerId = :customer") + " order by m.id", MessageView.class)
                .setParameter("notices", noticeIds);
        if (customerId != null) {
            q.setParameter("customer", customerId);
        }
        return q.setFirstResult(offset).setMaxResults(limit).getResultList().stream().map(NoticeService::masked)
                .toList();
    }

    public long countMessagesOf(java.util.Collection<Long> noticeIds, Long customerId) {
        if (noticeIds.isEmpty()) {
            return 0;
        }
        var q = em.createQuery("select count(m) from NoticeMessage m where m.noticeId in :notices"
                + (customerId == null ? "" : " and m.customerId = :customer"), Long.class)
                .setParameter("notices", noticeIds);
        if (customerId != null) {
            q.setParameter("customer", customerId);
        }
        return q.getSingleResult();
    }

    /** The customers that a message of these notices has reached or is reaching (sending, sent, delivered). */
    public Set<Long> customersReached(java.util.Collection<Long> noticeIds) {
        if (noticeIds.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery("select distinct m.customerId from NoticeMessage m where m.noticeId in "
                        + ":notices and m.state in :reached", Long.class).setParameter("notices", noticeIds)
                .setParameter("reached", Set.of(MessageState.SENDING, MessageState.SENT, MessageState.DELIVERED))
                .getResultList());
    }

    /**
     * Withdraws the messages of these notices that still wait for their time (SCHEDULED → EXPIRED, "withdrawn"), for
     * a caller whose notice no longer holds (an outage moved or cancelled) and that sends a revision instead.
     */
    @Transactional
    public int withdraw(java.util.Collection<Long> noticeIds) {
        if (noticeIds.isEmpty()) {
            return 0;
        }
        return em.createQuery("update NoticeMessage m set m.state = :expired, m.error = 'withdrawn', "
                        + "m.version = m.version + 1 where m.noticeId in :notices and m.state = :scheduled")
                .setParameter("expired", MessageState.EXPIRED).setParameter("scheduled", MessageState.SCHEDULED)
                .setParameter("notices", noticeIds).executeUpdate();
    }

    /** Puts the notice's failed messages back in the queue with fresh attempts (unless they expired meanwhile). */
    @Transactional
    public int retryFailed(Viewer viewer, long noticeId) {
        Notice n = visible(viewer, noticeId);
        requireSender(viewer);
        int count = outbox.retryFailed(noticeId, null);
        audit.record(viewer.username(), "NOTICE_RETRIED", "NOTICE", n.getId(), null, n.getUnitPath(),
                n.getTitle() + " ×" + count, null, null);
        return count;
    }

    /**
     * Puts one failed message back in the queue with fresh attempts: 404 when the notice has no such message, 409
     * unless it failed and has not expired.
     */
    @Transactional
    public void retryMessage(Viewer viewer, long noticeId, long messageId) {
        Notice n = visible(viewer, noticeId);
        requireSender(viewer);
        requireMessage(noticeId, messageId);
        if (outbox.retryFailed(noticeId, messageId) == 0) {
            throw BusinessException.conflict("error.notice-message-not-failed", messageId);
        }
        audit.record(viewer.username(), "NOTICE_RETRIED", "NOTICE", n.getId(), null, n.getUnitPath(),
                n.getTitle() + " #" + messageId, null, null);
    }

    /**
     * Decides an UNCERTAIN message (its node died after asking the provider, no receipt came): {@code resend} puts it
     * back in the queue, knowing the recipient may get it twice; otherwise it counts as sent. 404 when the notice has
     * no such message, 409 unless it is uncertain (a receipt or another scheduler may have settled it meanwhile).
     */
    @Transactional
    public void resolveUncertain(Viewer viewer, long noticeId, long messageId, boolean resend) {
        Notice n = visible(viewer, noticeId);
        requireSender(viewer);
        requireMessage(noticeId, messageId);
        if (!outbox.resolveUncertain(noticeId, messageId, resend, viewer.username())) {
            throw BusinessException.conflict("error.notice-message-not-uncertain", messageId);
        }
        audit.record(viewer.username(), resend ? "NOTICE_UNCERTAIN_RESENT" : "NOTICE_UNCERTAIN_COUNTED_SENT",
                "NOTICE", n.getId(), null, n.getUnitPath(), n.getTitle() + " #" + messageId, null, null);
    }

    // ---- per customer: the customer page's history and the portal inbox ----

    /** Every message sent to one customer, newest first (404 when the viewer may not see the customer). */
    public List<MessageView> history(Viewer viewer, long customerId, int offset, int limit) {
        customers.get(viewer, customerId);
        return em.createQuery(VIEW + " and m.customerId = :customer" + customersOwn(viewer) + " order by m.id desc",
                        MessageView.class)
                .setParameter("customer", customerId).setFirstResult(offset).setMaxResults(limit).getResultList()
                .stream().map(NoticeService::masked).toList();
    }

    public long countHistory(Viewer viewer, long customerId) {
        customers.get(viewer, customerId);
        return em.createQuery("select count(m) from NoticeMessage m where m.customerId = :customer"
                        + customersOwn(viewer), Long.class)
                .setParameter("customer", customerId).getSingleResult();
    }

    /** Customer users see the messages to their contacts and inbox, not those to staff about them. */
    private static String customersOwn(Viewer viewer) {
        return viewer.isCustomer() ? " and m.userId is null" : "";
    }

    /** The portal inbox of a customer user: what reached their accounts' inbox, newest first. */
    public List<MessageView> inbox(Viewer viewer, int offset, int limit) {
        List<Long> own = ownAccounts(viewer);
        if (own.isEmpty()) {
            return List.of();
        }
        return em.createQuery(VIEW + " and m.customerId in :own and m.userId is null and m.channel = :portal "
                        + "and m.state = :delivered order by m.sentAt desc, m.id desc", MessageView.class)
                .setParameter("own", own).setParameter("portal", Channel.PORTAL)
                .setParameter("delivered", MessageState.DELIVERED)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countInbox(Viewer viewer) {
        List<Long> own = ownAccounts(viewer);
        if (own.isEmpty()) {
            return 0;
        }
        return em.createQuery("select count(m) from NoticeMessage m where m.customerId in :own and m.userId is null "
                        + "and m.channel = :portal and m.state = :delivered", Long.class)
                .setParameter("own", own).setParameter("portal", Channel.PORTAL)
                .setParameter("delivered", MessageState.DELIVERED).getSingleResult();
    }

    /** Marks an inbox message read (the portal's for a customer user, else the staff inbox): proof it was seen. */
    @Transactional
    public void markRead(Viewer viewer, long messageId) {
        if (!viewer.isCustomer()) {
            em.createQuery("update NoticeMessage m set m.readAt = :now "
                            + "where m.id = :id and m.userId = :me and m.channel = :portal and m.readAt is null")
                    .setParameter("now", OffsetDateTime.now()).setParameter("id", messageId)
                    .setParameter("me", viewer.userId()).setParameter("portal", Channel.PORTAL).executeUpdate();
            return;
        }
        List<Long> own = ownAccounts(viewer);
        em.createQuery("update NoticeMessage m set m.readAt = :now where m.id = :id and m.customerId in :own "
                        + "and m.userId is null and m.channel = :portal and m.readAt is null")
                .setParameter("now", OffsetDateTime.now()).setParameter("id", messageId).setParameter("own", own)
                .setParameter("portal", Channel.PORTAL).executeUpdate();
    }

    /** The staff inbox of the signed-in staff user: the in-app messages delivered to them, newest first. */
    public List<MessageView> staffInbox(Viewer viewer, int offset, int limit) {
        requireSender(viewer);
        return em.createQuery(VIEW + " and m.userId = :me and m.channel = :portal and m.state = :delivered "
                        + "order by m.sentAt desc, m.id desc", MessageView.class)
                .setParameter("me", viewer.userId()).setParameter("portal", Channel.PORTAL)
                .setParameter("delivered", MessageState.DELIVERED)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
    }

    public long countStaffInbox(Viewer viewer) {
        requireSender(viewer);
        return em.createQuery("select count(m) from NoticeMessage m where m.userId = :me and m.channel = :portal "
                        + "and m.state = :delivered", Long.class)
                .setParameter("me", viewer.userId()).setParameter("portal", Channel.PORTAL)
                .setParameter("delivered", MessageState.DELIVERED).getSingleResult();
    }

    /** Unread messages in the staff inbox, for the menu badge and the start page. */
    public long countUnreadStaffInbox(Viewer viewer) {
        requireSender(viewer);
        return em.createQuery("select count(m) from NoticeMessage m where m.userId = :me and m.channel = :portal "
                        + "and m.state = :delivered and m.readAt is null", Long.class)
                .setParameter("me", viewer.userId()).setParameter("portal", Channel.PORTAL)
                .setParameter("delivered", MessageState.DELIVERED).getSingleResult();
    }

    private List<Long> ownAccounts(Viewer viewer) {
        if (!viewer.isCustomer()) {
            throw BusinessException.forbidden("error.notice-forbidden");
        }
        return customers.ownAccounts(viewer).stream().map(CustomerDetails::id).toList();
    }

    private static MessageView masked(MessageView m) {
        if (m.channel() != Channel.SMS) {
            return m;
        }
        return new MessageView(m.id(), m.noticeId(), m.noticeTitle(), m.purpose(), m.customerId(), m.recipientName(),
                m.channel(), cn.keyaccount.customer.PersonalData.maskMobile(m.address()), m.subject(), m.body(),
                m.segments(), m.state(), m.attempts(), m.nextAttemptAt(), m.sentAt(), m.providerMessageId(),
                m.receiptAt(), m.readAt(), m.error(), m.userId());
    }
}
