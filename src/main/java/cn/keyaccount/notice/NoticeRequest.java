package cn.keyaccount.notice;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a feature asks the notice engine to send ({@link NoticeService#schedule}).
 *
 * @param purpose            why, in one word: BILLING, ARREARS, BALANCE, OUTAGE, VISIT, REPORT, GENERAL
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
public record NoticeRequest(String purpose, String template, String language, String title, List<Long> customerIds,
                            List<Long> contactIds, String contactRole, Set<Channel> channels,
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

    /** A notice without values per staff user. */
    public NoticeRequest(String purpose, String template, String language, String title, List<Long> customerIds,
                         List<Long> contactIds, String contactRole, Set<Channel> channels,
                         Map<String, String> parameters, Map<Long, Map<String, String>> customerParameters,
                         OffsetDateTime plannedAt, boolean urgent, OffsetDateTime expiresAt, List<Long> userIds,
                         Long aboutCustomerId, String dedupeKey) {
        this(purpose, template, language, title, customerIds, contactIds, contactRole, channels, parameters,
                customerParameters, plannedAt, urgent, expiresAt, userIds, aboutCustomerId, dedupeKey, null);
    }

    /** A notice to customers' contacts (and no staff), as before staff recipients existed. */
    public NoticeRequest(String purpose, String template, String language, String title, List<Long> customerIds,
                         List<Long> contactIds, String contactRole, Set<Channel> channels,
                         Map<String, String> parameters, Map<Long, Map<String, String>> customerParameters,
                         OffsetDateTime plannedAt, boolean urgent, OffsetDateTime expiresAt) {
        this(purpose, template, language, title, customerIds, contactIds, contactRole, channels, parameters,
                customerParameters, plannedAt, urgent, expiresAt, List.of(), null, null);
    }

    /** A notice to customers' contacts on every channel, now, with the default expiry. */
    public static NoticeRequest toCustomers(String purpose, String template, String title, List<Long> customerIds,
                                            Map<String, String> parameters) {
        return new NoticeRequest(purpose, template, "zh", title, customerIds, List.of(), null, null, parameters,
                null, null, false, null);
    }

    /**
     * A notice to staff users on every channel (SMS, e-mail, staff inbox), now, with the default expiry; about a
     * customer when {@code aboutCustomerId} is given (it then shows in that customer's notice history).
     */
    public static NoticeRequest toStaff(String purpose, String template, String title, List<Long> userIds,
                                        Long aboutCustomerId, Map<String, String> parameters) {
        return new NoticeRequest(purpose, template, "zh", title, List.of(), List.of(), null, null, parameters, null,
                null, false, null, userIds, aboutCustomerId, null);
    }

    /**
     * The expiry of a reminder raised late (a job run after the event began): an hour from now rather than a time
     * already past, which the engine would refuse.
     */
    public static OffsetDateTime noSoonerThanAnHourFromNow(OffsetDateTime expires) {
        OffsetDateTime soonest = OffsetDateTime.now().plusHours(1);
        return expires.isAfter(soonest) ? expires : soonest;
    }

    public NoticeRequest plannedAt(OffsetDateTime at, OffsetDateTime expires) {
        return new NoticeRequest(purpose, template, language, title, customerIds, contactIds, contactRole, channels,
                parameters, customerParameters, at, urgent, expires, userIds,
                aboutCustomerId, dedupeKey, userParameters);
    }

    public NoticeRequest withChannels(Set<Channel> only) {
        return new NoticeRequest(purpose, template, language, title, customerIds, contactIds, contactRole, only,
                parameters, customerParameters, plannedAt, urgent, expiresAt, userIds,
                aboutCustomerId, dedupeKey, userParameters);
    }

    public NoticeRequest asUrgent() {
        return new NoticeRequest(purpose, template, language, title, customerIds, contactIds, contactRole, channels,
                parameters, customerParameters, plannedAt, true, expiresAt, userIds,
                aboutCustomerId, dedupeKey, userParameters);
    }

    public NoticeRequest forRole(String role, Map<Long, Map<String, String>> perCustomer) {
        return new NoticeRequest(purpose, template, language, title, customerIds, contactIds, role, channels,
                parameters, perCustomer, plannedAt, urgent, expiresAt, userIds,
                aboutCustomerId, dedupeKey, userParameters);
    }

    /** The same notice also to these staff users (e.g. the managers of the customers told). */
    public NoticeRequest withUsers(List<Long> staff) {
        return new NoticeRequest(purpose, template, language, title, customerIds, contactIds, contactRole, channels,
                parameters, customerParameters, plannedAt, urgent, expiresAt, staff,
                aboutCustomerId, dedupeKey, userParameters);
    }

    /** Staff messages of this notice are about this customer. */
    public NoticeRequest about(Long customerId) {
        return new NoticeRequest(purpose, template, language, title, customerIds, contactIds, contactRole, channels,
                parameters, customerParameters, plannedAt, urgent, expiresAt, userIds,
                customerId, dedupeKey, userParameters);
    }

    /** Each staff user's own values (by user id), over the notice's parameters. */
    public NoticeRequest withUserParameters(Map<Long, Map<String, String>> perUser) {
        return new NoticeRequest(purpose, template, language, title, customerIds, contactIds, contactRole, channels,
                parameters, customerParameters, plannedAt, urgent, expiresAt, userIds, aboutCustomerId, dedupeKey,
                perUser);
    }

    /** Scheduled once per key: a repeated request with the same key returns the notice scheduled first. */
    public NoticeRequest once(String key) {
        return new NoticeRequest(purpose, template, language, title, customerIds, contactIds, contactRole, channels,
                parameters, customerParameters, plannedAt, urgent, expiresAt, userIds,
                aboutCustomerId, key, userParameters);
    }
}
