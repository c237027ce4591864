package cn.keyaccount.notice;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a feature asks the notice engine to send ({@link NoticeService#schedule}). Build one with
 * {@link #toCustomers}, {@link #toStaff} or {@link #builder} and name what differs from the defaults, e.g.
 * {@code NoticeRequest.toStaff(NoticePurpose.VISIT, "visit-reminder", title, List.of(managerId)).about(customerId)
 * .parameters(values).once(key).build()}; the record's own constructor is what the REST body is read into.
 *
 * @param purpose            why ({@link NoticePurpose}); stored by its name
 * @param template           a template key of {@code scheduler/templates}, e.g. {@code bill-issued}
 * @param language           {@code zh} (default) or {@code en}
 * @param title              what schedulers see in the notice centre
 * @param customerIds        customers whose contacts receive it (filtered by {@code contactRole} when given)
 * @param contactIds         single contacts, in addition
 * @param contactRole        e.g. 电费 for billing notices: only contacts whose role contains it, when a customer has
 *                           such contacts, else all of the customer's contacts
 * @param channels           SMS, EMAIL, PORTAL (the in-app inbox: the portal's for customers, the staff inbox for
 *                           staff users); empty means all three
 * @param parameters         placeholder values for every recipient
 * @param customerParameters placeholder values per customer id (e.g. each customer's own bill), over
 *                           {@code parameters}
 * @param plannedAt          when it goes out; null means now
 * @param urgent             faults: SMS quiet hours do not apply
 * @param expiresAt          after this nothing is sent any more; null means planned time + the default expiry
 * @param userIds            staff users (app_user ids: managers, supervisors, schedulers) who receive it on their
 *                           mobile, e-mail and staff inbox
 * @param aboutCustomerId    the customer a staff message is about (placeholders {customerName}, {accountNo}; the
 *                           message shows in that customer's notice history); null when about none
 * @param dedupeKey          the cause, for callers that may ask twice (a job run again): a second request with the
 *                           same key schedules nothing and returns the first notice; null for none
 * @param userParameters     placeholder values per staff user id (e.g. each manager's own customers), over
 *                           {@code parameters}: one notice to many staff users, each with their own text
 */
public record NoticeRequest(NoticePurpose purpose, String template, String language, String title,
                            List<Long> customerIds, List<Long> contactIds, String contactRole, Set<Channel> channels,
                            Map<String, String> parameters, Map<Long, Map<String, String>> customerParameters,
                            OffsetDateTime plannedAt, boolean urgent, OffsetDateTime expiresAt, List<Long> userIds,
                            Long aboutCustomerId, String dedupeKey, Map<Long, Map<String, String>> userParameters) {

    public NoticeRequest {
        customerIds = customerIds == null ? List.of() : List.copyOf(customerIds);
        contactIds = contactIds == null ? List.of() : List.copyOf(contactIds);
        channels = channels == null || channels.isEmpty() ? Set.of(Channel.values()) : Set.copyOf(channels);
        parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        customerParameters = customerParameters == null ? Map.of() : Map.copyOf(customerParameters);
        language = language == null || language.isBlank() ? "zh" : language;
        userIds = userIds == null ? List.of() : List.copyOf(userIds);
        userParameters = userParameters == null ? Map.of() : Map.copyOf(userParameters);
    }

    /** A notice of this purpose and template: in Chinese, on every channel, now, with the default expiry. */
    public static Builder builder(NoticePurpose purpose, String template) {
        return new Builder(purpose, template);
    }

    /** A notice to customers' contacts on every channel, now, with the default expiry. */
    public static Builder toCustomers(NoticePurpose purpose, String template, String title, List<Long> customerIds) {
        return builder(purpose, template).title(title).customers(customerIds);
    }

    /**
     * A notice to staff users on every channel (SMS, e-mail, staff inbox), now, with the default expiry; about a
     * customer when {@link Builder#about} names one (it then shows in that customer's notice history).
     */
    public static Builder toStaff(NoticePurpose purpose, String template, String title, List<Long> userIds) {
        return builder(purpose, template).title(title).users(userIds);
    }

    /**
     * The expiry of a reminder raised late (a job run after the event began): an hour after {@code now} rather than a
     * time already past, which the engine would refuse.
     */
    public static OffsetDateTime noSoonerThanAnHourAfter(OffsetDateTime now, OffsetDateTime expires) {
        OffsetDateTime soonest = now.plusHours(1);
        return expires.isAfter(soonest) ? expires : soonest;
    }

    /** A builder holding this request's values, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder(purpose, template);
        b.language = language;
        b.title = title;
        b.customerIds = customerIds;
        b.contactIds = contactIds;
        b.contactRole = contactRole;
        b.channels = channels;
        b.parameters = parameters;
        b.customerParameters = customerParameters;
        b.plannedAt = plannedAt;
        b.urgent = urgent;
        b.expiresAt = expiresAt;
        b.userIds = userIds;
        b.aboutCustomerId = aboutCustomerId;
        b.dedupeKey = dedupeKey;
        b.userParameters = userParameters;
        return b;
    }

    /** Names what a notice changes from the defaults; each method documents its field on {@link NoticeRequest}. */
    public static final class Builder {

        private final NoticePurpose purpose;
        private final String template;
        private String language = "zh";
        private String title;
        private List<Long> customerIds = List.of();
        private List<Long> contactIds = List.of();
        private String contactRole;
        private Set<Channel> channels;
        private Map<String, String> parameters = Map.of();
        private Map<Long, Map<String, String>> customerParameters = Map.of();
        private OffsetDateTime plannedAt;
        private boolean urgent;
        private OffsetDateTime expiresAt;
        private List<Long> userIds = List.of();
        private Long aboutCustomerId;
        private String dedupeKey;
        private Map<Long, Map<String, String>> userParameters = Map.of();

        private Builder(NoticePurpose purpose, String template) {
            this.purpose = purpose;
            this.template = template;
        }

        public Builder language(String language) {
            this.language = language;
            return this;
        }

        public Builder title(String title) {
            this.title = title;
            return this;
        }

        public Builder customers(List<Long> customerIds) {
            this.customerIds = customerIds;
            return this;
        }

        public Builder contacts(List<Long> contactIds) {
            this.contactIds = contactIds;
            return this;
        }

        /** Only contacts whose role contains this (e.g. 电费), where a customer has such contacts. */
        public Builder contactRole(String role) {
            this.contactRole = role;
            return this;
        }

        /** Only these channels (empty or null: all three). */
        public Builder channels(Set<Channel> channels) {
            this.channels = channels;
            return this;
        }

        public Builder parameters(Map<String, String> parameters) {
            this.parameters = parameters;
            return this;
        }

        /** Each customer's own values (by customer id), over the notice's parameters. */
        public Builder customerParameters(Map<Long, Map<String, String>> perCustomer) {
            this.customerParameters = perCustomer;
            return this;
        }

        /** When it goes out; null means now. */
        public Builder plannedAt(OffsetDateTime at) {
            this.plannedAt = at;
            return this;
        }

        /** After this nothing is sent any more; null means planned time + the default expiry. */
        public Builder expiresAt(OffsetDateTime expires) {
            this.expiresAt = expires;
            return this;
        }

        /** Faults: SMS quiet hours do not apply. */
        public Builder urgent(boolean urgent) {
            this.urgent = urgent;
            return this;
        }

        /** Staff users who receive it on their mobile, e-mail and staff inbox. */
        public Builder users(List<Long> userIds) {
            this.userIds = userIds;
            return this;
        }

        /** Staff messages of this notice are about this customer (null: about none). */
        public Builder about(Long customerId) {
            this.aboutCustomerId = customerId;
            return this;
        }

        /** Each staff user's own values (by user id), over the notice's parameters. */
        public Builder userParameters(Map<Long, Map<String, String>> perUser) {
            this.userParameters = perUser;
            return this;
        }

        /** Scheduled once per key: a repeated request with the same key returns the notice scheduled first. */
        public Builder once(String key) {
            this.dedupeKey = key;
            return this;
        }

        public NoticeRequest build() {
            return new NoticeRequest(purpose, template, language, title, customerIds, contactIds, contactRole,
                    channels, parameters, customerParameters, plannedAt, urgent, expiresAt, userIds, aboutCustomerId,
                    dedupeKey, userParameters);
        }
    }
}
