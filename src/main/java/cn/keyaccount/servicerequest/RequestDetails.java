package cn.keyaccount.servicerequest;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One request with its history (the customer sees only the steps meant for them), the complaint's subject person,
 * the visit it came from, and what the viewer may do: {@code editable} (hand off, comment, close, reopen) and
 * {@code closable} (not for the person a complaint is about); its deadlines and the service-level version they
 * were worked out under; its return visits (回访), whether the viewer may record one now ({@code returnVisitDue}:
 * closed, none for this closing yet) and its attached files.
 */
public record RequestDetails(RequestRow request, ServiceArea area, String description, String answer, Long ownerId,
                             Long aboutUserId, String aboutName, Long visitId, int reopenCount, String createdBy,
                             String closedBy, List<RequestEventRow> events, boolean editable, boolean closable,
                             OffsetDateTime respondDueAt, OffsetDateTime resolveDueAt, OffsetDateTime respondedAt,
                             String levelsVersion, long version, List<ReturnVisitRow> returnVisits,
                             boolean returnVisitDue, List<AttachmentRow> attachments) {
}
