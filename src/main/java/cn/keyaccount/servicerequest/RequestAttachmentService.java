package cn.keyaccount.servicerequest;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * Files attached to a request: by the customer who raised it (the portal) or by staff who may handle it, while it is
 * open. At most {@value #MAX_BYTES} bytes, never empty, at most {@value #MAX_FILES} a request, and only PDF, JPEG
 * or PNG as the content itself shows (its first bytes; the name and the declared type are not trusted). Whoever sees
 * the request downloads them.
 */
@ApplicationScoped
public class RequestAttachmentService {

    public static final int MAX_BYTES = 5 << 20;
    public static final int MAX_FILES = 10;

    private final ServiceRequestService requests;
    private final RequestAttachmentRepository attachments;
    private final RequestAccess access;
    private final ServiceRequestQueries queries;
    private final Clock clock;

    RequestAttachmentService(ServiceRequestService requests, RequestAttachmentRepository attachments,
                             RequestAccess access, ServiceRequestQueries queries, Clock clock) {
        this.requests = requests;
        this.attachments = attachments;
        this.access = access;
        this.queries = queries;
        this.clock = clock;
    }

    /** The file as it would be stored: refused (422, field {@code file}) when empty, too large or of another type. */
    public static String check(String fileName, byte[] content) {
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        new Validation().notBlank(name, "file").maxLength(name, 200, "file")
                .require(content != null && content.length > 0, "file", "error.request.attachment-empty")
                .require(content == null || content.length <= MAX_BYTES, "file", "error.request.attachment-too-large",
                        MAX_BYTES >> 20)
                .throwIfInvalid();
        if (sniff(content) == null) {
            throw BusinessException.invalidFields(List.of(new BusinessException.FieldError("file",
                    "error.request.attachment-type")));
        }
        return name;
    }

    @Transactional
    public AttachmentRow attach(Viewer viewer, long requestId, String fileName, byte[] content) {
        String name = check(fileName, content);
        ServiceRequest r = requests.seen(viewer, requestId);
        if (!viewer.isCustomer() && !access.canEdit(viewer, r)) {
            throw BusinessException.forbidden("error.request.read-only");
        }
        if (r.getStatus().isClosed()) {
            throw BusinessException.conflict("error.request.closed", requestId);
        }
        if (attachments.count("request", r) >= MAX_FILES) {
            throw BusinessException.invalidFields(List.of(new BusinessException.FieldError("file",
                    "error.request.attachment-too-many", MAX_FILES)));
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        RequestAttachment a = new RequestAttachment(r, name, sniff(content), content, now, viewer.displayName());
        attachments.persistAndFlush(a);
        return new AttachmentRow(a.getId(), name, a.getContentType(), content.length, now, viewer.displayName());
    }

    /** The request's files (without their bytes), for whoever sees the request. */
    @Transactional
    public List<AttachmentRow> list(Viewer viewer, long requestId) {
        return queries.details(viewer, requests.seen(viewer, requestId)).attachments();
    }

    /** One file's name, type and bytes; absent (404) when the request is out of sight or it is not the request's. */
    @Transactional
    public AttachmentFile download(Viewer viewer, long requestId, long attachmentId) {
        ServiceRequest r = requests.seen(viewer, requestId);
        RequestAttachment a = attachments.findById(attachmentId);
        if (a == null || !a.getRequest().getId().equals(r.getId())) {
            throw BusinessException.notFound("error.request.attachment-not-found", attachmentId);
        }
        return new AttachmentFile(a.getFileName(), a.getContentType(), a.getContent());
    }

    /** The type the content shows by its first bytes (base/FileTypes): PDF, JPEG or PNG; null for anything else. */
    static String sniff(byte[] c) {
        return cn.keyaccount.base.FileTypes.sniff(c, java.util.Set.of(cn.keyaccount.base.FileTypes.PDF,
                cn.keyaccount.base.FileTypes.JPEG, cn.keyaccount.base.FileTypes.PNG));
    }
}
