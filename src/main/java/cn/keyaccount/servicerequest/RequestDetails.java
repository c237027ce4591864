package cn.keyaccount.servicerequest;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;

/**
 * One request with its history (the customer sees only the steps meant for them), the complaint's subject person,
 * the visit it came from, and what the viewer may do: {@code editable} (hand off, comment, close, reopen) and
 * {@code closable} (not for the person a complaint is about); its deadlines and the service-level version they
 * were worked out under; its return visits (回访), whether the viewer may record one now ({@code returnVisitDue}:
 * closed, none for this closing yet) and its attached files. An answer the suite wrote (a repair closed by its crew or
 * with its fault outage) has an {@code answerKey} ({@link RequestAnswers}) and {@code answerArgument} (the text typed
 * with it: the cause, the fault's note); {@code answer} is then that answer in a language ({@link #inLanguage}:
 * Chinese unless asked for another), otherwise the answer as typed.
 */
public record RequestDetails(RequestRow request, ServiceArea area, String description, String answer, Long ownerId,
                             Long aboutUserId, String aboutName, Long visitId, int reopenCount, String createdBy,
                             String closedBy, List<RequestEventRow> events, boolean editable, boolean closable,
                             OffsetDateTime respondDueAt, OffsetDateTime resolveDueAt, OffsetDateTime respondedAt,
                             String levelsVersion, long version, List<ReturnVisitRow> returnVisits,
                             boolean returnVisitDue, List<AttachmentRow> attachments, String answerKey,
                             String answerArgument) {

    /** The request with the written answer and the history's written closings in the language given. */
    public RequestDetails inLanguage(Locale locale) {
        return new RequestDetails(request, area, description, RequestAnswers.text(locale, answerKey,
                answerKey == null ? answer : answerArgument), ownerId, aboutUserId, aboutName, visitId, reopenCount,
                createdBy, closedBy, events.stream().map(e -> e.inLanguage(locale)).toList(), editable, closable,
                respondDueAt, resolveDueAt, respondedAt, levelsVersion, version, returnVisits, returnVisitDue,
                attachments, answerKey, answerArgument);
    }
}
