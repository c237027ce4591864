package cn.keyaccount.notice;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.ContactDetails;
import cn.keyaccount.customer.CustomerName;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.customer.ContactService;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.UserSummary;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
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
 * {@link NoticeDispatcher} sends them when due. {@link #compose} is the notice centre's way in, with the templates'
 * preview. The reads are {@link NoticeQueries}' and {@link NoticeInbox}'s, retries and withdrawals
 * {@link NoticeDecisions}'.
 */
@ApplicationScoped
public class NoticeService {

    private final NoticeRepository notices;
    private final NoticeOutbox outbox;
    private final NoticeQueries queries;
    private final NoticeTemplates templates;
    private final NoticeConfig config;
    private final CustomerService customers;
    private final ContactService contacts;
    private final UserService users;
    private final AuditService audit;
    private final EntityManager em;
    private final Clock clock;

    NoticeService(NoticeRepository notices, NoticeOutbox outbox, NoticeQueries queries, NoticeTemplates templates, NoticeConfig config,
                  CustomerService customers, ContactService contacts, UserService users, AuditService audit,
                  EntityManager em, Clock clock) {
        this.notices = notices;
        this.outbox = outbox;
        this.queries = queries;
        this.templates = templates;
        this.config = config;
        this.customers = customers;
        this.contacts = contacts;
        this.users = users;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
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
                return queries.summaries(earlier).getFirst();
            }
        }
        List<UserSummary> staff = new ArrayList<>();
        for (Long id : new LinkedHashSet<>(r.userIds())) {
            staff.add(users.get(viewer, id));
        }
        List<ContactDetails> named = contacts.recipientsByIds(r.contactIds());
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
        OffsetDateTime planned = r.plannedAt() == null ? OffsetDateTime.now(clock) : r.plannedAt();
        OffsetDateTime expires = r.expiresAt() == null ? planned.plus(config.defaultExpiry()) : r.expiresAt();
        Notice notice = new Notice(r.purpose().name(), r.template(), r.language(), r.title().trim(), planned, expires,
                r.urgent(), viewer.username(), viewer.unitPath());
        notice.setDedupeKey(r.dedupeKey());
        notices.persistAndFlush(notice);

        Map<Long, List<ContactDetails>> audience = new LinkedHashMap<>();
        for (ContactDetails c : contacts.recipientsOf(r.customerIds())) {
            audience.computeIfAbsent(c.customerId(), k -> new ArrayList<>()).add(c);
        }
        if (r.contactRole() != null && !r.contactRole().isBlank()) {
            audience.replaceAll((id, list) -> {
                List<ContactDetails> matching = list.stream().filter(c -> c.role().contains(r.contactRole())).toList();
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

    private void fanOut(FanOut out, CustomerName customer, List<ContactDetails> people) {
        NoticeRequest r = out.request;
        Map<String, String> values = new HashMap<>(r.parameters());
        values.putAll(r.customerParameters().getOrDefault(customer.id(), Map.of()));
        values.put("customerName", customer.name());
        values.put("accountNo", customer.accountNo());
        Set<Long> seen = new HashSet<>();
        for (ContactDetails c : people) {
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
        boolean portalRefused = !people.isEmpty() && people.stream().noneMatch(ContactDetails::acceptsPortal);
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
        if (r.purpose() == null) {
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
        OffsetDateTime planned = r.plannedAt() == null ? OffsetDateTime.now(clock) : r.plannedAt();
        if (r.expiresAt() != null && !r.expiresAt().isAfter(planned)) {
            errors.add(new BusinessException.FieldError("expiresAt", "error.notice-expiry-before-plan"));
        }
        if (!errors.isEmpty()) {
            throw BusinessException.invalidFields(errors);
        }
    }

    static void requireSender(Viewer viewer) {
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
}
