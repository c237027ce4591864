package cn.keyaccount.application;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.base.Validation;
import cn.keyaccount.customer.CustomerAccess;
import cn.keyaccount.customer.TimelineEntry;
import cn.keyaccount.notice.Channel;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.NoticeService;
import cn.keyaccount.notice.NoticeTemplates;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * 一次性告知 and uploads. Who runs an application marks the documents of its kind's checklist that are missing,
 * once: the customer is told once (SMS and portal inbox) with the whole list, and the clock stops (资料不全) until
 * they come. Documents are uploaded by the customer (portal) or by who runs the application: at most
 * {@value #MAX_UPLOAD_BYTES} bytes, never empty, and only PDF, JPEG or PNG as the content itself shows (the first bytes),
 * whatever the file's name says.
 */
@ApplicationScoped
@Transactional
public class ApplicationDocuments {

    /** The largest document taken: 10 MB. */
    public static final int MAX_UPLOAD_BYTES = 10 << 20;

    private final ApplicationAccess access;
    private final ApplicationService applications;
    private final ApplicationDocumentRepository documents;
    private final CustomerAccess customers;
    private final NoticeService notices;
    private final EntityManager em;
    private final Clock clock;

    ApplicationDocuments(ApplicationAccess access, ApplicationService applications,
                         ApplicationDocumentRepository documents, CustomerAccess customers, NoticeService notices,
                         EntityManager em, Clock clock) {
        this.access = access;
        this.applications = applications;
        this.documents = documents;
        this.customers = customers;
        this.notices = notices;
        this.em = em;
        this.clock = clock;
    }

    public DocumentDetails of(Viewer viewer, long applicationId) {
        Application a = access.visible(viewer, applicationId);
        List<DocumentDetails.FileRow> files = em.createQuery("select new cn.keyaccount.application.DocumentDetails"
                        + "$FileRow(d.id, d.type, d.fileName, d.contentType, d.sizeBytes, d.uploadedBy, d.uploadedAt) "
                        + "from ApplicationDocument d where d.application = :a order by d.uploadedAt, d.id",
                DocumentDetails.FileRow.class).setParameter("a", a).getResultList();
        List<DocumentDetails.ChecklistItem> checklist = DocumentType.required(a.getKind()).stream()
                .map(t -> new DocumentDetails.ChecklistItem(t, (int) files.stream().filter(f -> f.type() == t)
                        .count())).toList();
        @SuppressWarnings("unchecked")
        List<Object[]> told = em.createNativeQuery("select documents, told_at, told_by from "
                + "connection_application_missing where application_id = :id").setParameter("id", a.getId())
                .getResultList();
        if (told.isEmpty()) {
            return new DocumentDetails(checklist, List.of(), null, null, files);
        }
        Object[] t = told.getFirst();
        List<DocumentType> missing = Arrays.stream(((String) t[0]).split(",")).map(DocumentType::valueOf).toList();
        return new DocumentDetails(checklist, missing, TimelineEntry.sqlMoment(t[1]), (String) t[2], files);
    }

    /**
     * Tells the customer once, with the whole list, which documents of the checklist are missing (SMS and portal
     * inbox), and stops the clock for them. A second telling is refused: everything missing goes in the one notice.
     * {@code language} ({@code zh}, the default, or {@code en}): the contact's language, in which the notice and the
     * documents' names it lists are written (the stop's note stays in Chinese, as the staff read it).
     */
    public DocumentDetails tellMissing(Viewer viewer, long applicationId, List<DocumentType> missing,
                                       String language, Long seenVersion) {
        Application a = access.runnable(viewer, applicationId, seenVersion);
        String lang = language == null || language.isBlank() ? "zh" : language.strip();
        new Validation().require(NoticeTemplates.LANGUAGES.contains(lang), "language", "error.notice-language", lang)
                .throwIfInvalid();
        java.util.Locale locale = "en".equals(lang) ? Messages.ENGLISH : Messages.CHINESE;
        List<DocumentType> checklist = DocumentType.required(a.getKind());
        Set<DocumentType> asked = missing == null ? Set.of() : new LinkedHashSet<>(missing);
        new Validation().require(!asked.isEmpty(), "types", "error.required")
                .require(checklist.containsAll(asked), "types", "error.application-document-not-in-checklist")
                .throwIfInvalid();
        List<DocumentType> ordered = checklist.stream().filter(asked::contains).toList();
        Messages.KeyList documentNames = new Messages.KeyList(ordered.stream().map(t -> "application.document." + t)
                .toList());
        String names = documentNames.in(Messages.CHINESE);
        String told = documentNames.in(locale);
        int inserted = em.createNativeQuery("insert into connection_application_missing (application_id, documents, "
                        + "told_at, told_by) values (:id, :docs, :at, :by) on conflict (application_id) do nothing")
                .setParameter("id", a.getId()).setParameter("docs", ordered.stream().map(Enum::name)
                        .collect(Collectors.joining(","))).setParameter("at", OffsetDateTime.now(clock))
                .setParameter("by", viewer.username()).executeUpdate();
        if (inserted == 0) {
            throw BusinessException.conflict("error.application-documents-told", a.getNumber());
        }
        if (a.currentStop() == null) {
            applications.stopClock(viewer, applicationId, StopReason.DOCUMENTS_MISSING, names, seenVersion);
        }
        notices.schedule(Viewer.system(), NoticeRequest.toCustomers(NoticePurpose.APPLICATION,
                        "application-documents-missing", "业扩申请 " + a.getNumber() + " 需补充资料",
                        List.of(a.getCustomer().getId()))
                .channels(Set.of(Channel.SMS, Channel.PORTAL)).language(lang)
                .parameters(Map.of("number", a.getNumber(), "documents", told))
                .once("application-documents:" + a.getId()).build());
        return of(viewer, applicationId);
    }

    /** Stores an uploaded document of the checklist: the customer or who runs the application, while it is open. */
    public DocumentDetails.FileRow upload(Viewer viewer, long applicationId, DocumentType type, String fileName,
                                          byte[] content) {
        Application a = access.visible(viewer, applicationId);
        if (!access.canRun(viewer, a) && !(viewer.isCustomer() && customers.canSee(viewer, a.getCustomer()))) {
            throw BusinessException.forbidden("error.application-read-only");
        }
        if (!a.getStatus().open()) {
            throw BusinessException.conflict("error.application-closed", a.getNumber());
        }
        String name = fileName == null ? "" : fileName.replaceAll("[\\\\/\\p{Cntrl}]", "_").strip();
        new Validation().require(type != null, "type", "error.required")
                .require(type == null || DocumentType.required(a.getKind()).contains(type), "type",
                        "error.application-document-not-in-checklist")
                .notBlank(name, "file").maxLength(name, 200, "file")
                .require(content != null && content.length > 0, "file", "error.application-upload-empty")
                .require(content == null || content.length <= MAX_UPLOAD_BYTES, "file",
                        "error.application-upload-too-large", MAX_UPLOAD_BYTES >> 20)
                .throwIfInvalid();
        String contentType = sniff(content);
        if (contentType == null) {
            throw BusinessException.invalidFields(List.of(new BusinessException.FieldError("file",
                    "error.application-upload-type")));
        }
        ApplicationDocument d = new ApplicationDocument(a, type, name, contentType, content, viewer.username(),
                OffsetDateTime.now(clock));
        documents.persistAndFlush(d);
        return new DocumentDetails.FileRow(d.getId(), type, name, contentType, content.length, viewer.username(),
                OffsetDateTime.now(clock));
    }

    /** A document's bytes, name and type, for who may see the application. */
    public DocumentFile download(Viewer viewer, long applicationId, long documentId) {
        Application a = access.visible(viewer, applicationId);
        ApplicationDocument d = documents.findById(documentId);
        if (d == null || !d.getApplication().getId().equals(a.getId())) {
            throw BusinessException.notFound("error.application-document-not-found", documentId);
        }
        return new DocumentFile(d.getFileName(), d.getContentType(), d.getContent());
    }

    /** The type the content shows by its first bytes (base/FileTypes): PDF, JPEG or PNG; null for anything else. */
    static String sniff(byte[] c) {
        return cn.keyaccount.base.FileTypes.sniff(c, java.util.Set.of(cn.keyaccount.base.FileTypes.PDF,
                cn.keyaccount.base.FileTypes.JPEG, cn.keyaccount.base.FileTypes.PNG));
    }
}
