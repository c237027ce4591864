package cn.keyaccount.servicerequest;

import cn.keyaccount.base.AbstractEntity;
import cn.keyaccount.customer.Customer;
import cn.keyaccount.org.OrgUnit;
import cn.keyaccount.security.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * One request of a key customer (客户诉求工单), from the call to the answer. Its owner (a person, or only a unit
 * whose supervisors pick it up) changes with each hand-off; a closed request carries its answer and changes only by
 * reopening ({@link ServiceRequestService}).
 */
@Entity
@Table(name = "service_request")
public class ServiceRequest extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Customer customer;
    @Enumerated(EnumType.STRING)
    @Column(name = "request_type", nullable = false)
    private RequestType type;
    @Enumerated(EnumType.STRING)
    @Column(name = "service_kind")
    private ServiceKind serviceKind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestSource source;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestStatus status = RequestStatus.OPEN;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ServiceArea area = ServiceArea.URBAN;
    @Column(nullable = false)
    private String subject;
    private String description;
    @ManyToOne(fetch = FetchType.LAZY)
    private AppUser owner;
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "owner_unit_id")
    private OrgUnit ownerUnit;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "about_user_id")
    private AppUser aboutUser;
    @Column(name = "visit_id")
    private Long visitId;
    private String answer;
    @Column(name = "answer_key")
    private String answerKey;
    @Column(name = "opened_at", nullable = false)
    private OffsetDateTime openedAt;
    @Column(name = "closed_at")
    private OffsetDateTime closedAt;
    @Column(name = "closed_by")
    private String closedBy;
    @Column(name = "reopen_count", nullable = false)
    private int reopenCount;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "levels_version")
    private String levelsVersion;
    @Column(name = "respond_due_at")
    private OffsetDateTime respondDueAt;
    @Column(name = "resolve_due_at")
    private OffsetDateTime resolveDueAt;
    @Column(name = "respond_warn_at")
    private OffsetDateTime respondWarnAt;
    @Column(name = "resolve_warn_at")
    private OffsetDateTime resolveWarnAt;
    @Column(name = "responded_at")
    private OffsetDateTime respondedAt;
    @Column(name = "respond_warned", nullable = false)
    private boolean respondWarned;
    @Column(name = "resolve_warned", nullable = false)
    private boolean resolveWarned;
    @Column(name = "respond_escalated", nullable = false)
    private boolean respondEscalated;
    @Column(name = "resolve_escalated", nullable = false)
    private boolean resolveEscalated;

    protected ServiceRequest() {
    }

    ServiceRequest(Customer customer, RequestType type, ServiceKind serviceKind, RequestSource source,
                   ServiceArea area, String subject, String description, OffsetDateTime openedAt, String createdBy) {
        this.customer = customer;
        this.type = type;
        this.serviceKind = serviceKind;
        this.source = source;
        this.area = area;
        this.subject = subject;
        this.description = description;
        this.openedAt = openedAt;
        this.createdBy = createdBy;
        this.ownerUnit = customer.getUnit();
    }

    void due(String version, ServiceLevels.Deadlines d) {
        levelsVersion = version;
        respondDueAt = d.respondBy();
        resolveDueAt = d.resolveBy();
        respondWarnAt = ServiceLevels.warnAt(openedAt, respondDueAt);
        resolveWarnAt = ServiceLevels.warnAt(openedAt, resolveDueAt);
    }

    /** The first contact (a complaint) or the crew on site (a repair): counted once, the first time. */
    void responded(OffsetDateTime at) {
        if (respondedAt == null) {
            respondedAt = at;
        }
    }

    void warned(ServiceLevels.Stage stage) {
        if (stage == ServiceLevels.Stage.RESPOND) {
            respondWarned = true;
        } else {
            resolveWarned = true;
        }
    }

    void escalated(ServiceLevels.Stage stage) {
        if (stage == ServiceLevels.Stage.RESPOND) {
            respondEscalated = true;
        } else {
            resolveEscalated = true;
        }
    }

    void assign(AppUser person, OrgUnit unit) {
        this.owner = person;
        this.ownerUnit = unit;
    }

    void about(AppUser person) {
        this.aboutUser = person;
    }

    void fromVisit(long visit) {
        this.visitId = visit;
    }

    void start() {
        status = RequestStatus.IN_PROGRESS;
    }

    void close(String answerText, OffsetDateTime at, String by) {
        close(null, answerText, at, by);
    }

    /** Closed with an answer the suite writes: {@code key} (see {@link RequestAnswers}) and the text typed with it. */
    void close(String key, String answerText, OffsetDateTime at, String by) {
        status = RequestStatus.CLOSED;
        answerKey = key;
        answer = answerText;
        closedAt = at;
        closedBy = by;
    }

    void reopen() {
        status = RequestStatus.REOPENED;
        closedAt = null;
        closedBy = null;
        reopenCount++;
    }

    public Customer getCustomer() {
        return customer;
    }

    public RequestType getType() {
        return type;
    }

    public ServiceKind getServiceKind() {
        return serviceKind;
    }

    public RequestSource getSource() {
        return source;
    }

    public RequestStatus getStatus() {
        return status;
    }

    public ServiceArea getArea() {
        return area;
    }

    public String getSubject() {
        return subject;
    }

    public String getDescription() {
        return description;
    }

    public AppUser getOwner() {
        return owner;
    }

    public OrgUnit getOwnerUnit() {
        return ownerUnit;
    }

    public AppUser getAboutUser() {
        return aboutUser;
    }

    public Long getVisitId() {
        return visitId;
    }

    public String getAnswer() {
        return answer;
    }

    /** The message key of an answer the suite wrote ({@link RequestAnswers}); null for an answer typed by staff. */
    public String getAnswerKey() {
        return answerKey;
    }

    public OffsetDateTime getOpenedAt() {
        return openedAt;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }

    public int getReopenCount() {
        return reopenCount;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public String getLevelsVersion() {
        return levelsVersion;
    }

    public OffsetDateTime getRespondDueAt() {
        return respondDueAt;
    }

    public OffsetDateTime getResolveDueAt() {
        return resolveDueAt;
    }

    public OffsetDateTime getRespondWarnAt() {
        return respondWarnAt;
    }

    public OffsetDateTime getResolveWarnAt() {
        return resolveWarnAt;
    }

    public OffsetDateTime getRespondedAt() {
        return respondedAt;
    }

    boolean isRespondWarned() {
        return respondWarned;
    }

    boolean isResolveWarned() {
        return resolveWarned;
    }

    boolean isRespondEscalated() {
        return respondEscalated;
    }

    boolean isResolveEscalated() {
        return resolveEscalated;
    }
}
