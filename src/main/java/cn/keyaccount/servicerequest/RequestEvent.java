package cn.keyaccount.servicerequest;

import cn.keyaccount.base.AbstractEntity;
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

/** One step in a request's history: kept for good (hand-offs across units and persons, comments, answers). */
@Entity
@Table(name = "service_request_event")
public class RequestEvent extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "request_id")
    private ServiceRequest request;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RequestEventKind kind;
    @Column(nullable = false)
    private OffsetDateTime at;
    @Column(nullable = false)
    private String actor;
    private String note;
    @Column(name = "note_key")
    private String noteKey;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "to_owner_id")
    private AppUser toOwner;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "to_unit_id")
    private OrgUnit toUnit;

    protected RequestEvent() {
    }

    RequestEvent(ServiceRequest request, RequestEventKind kind, OffsetDateTime at, String actor, String note,
                 AppUser toOwner, OrgUnit toUnit) {
        this.request = request;
        this.kind = kind;
        this.at = at;
        this.actor = actor;
        this.note = note;
        this.toOwner = toOwner;
        this.toUnit = toUnit;
    }

    /** A closing the suite wrote: the answer's key ({@link RequestAnswers}), the note the text typed with it. */
    RequestEvent withNoteKey(String key) {
        this.noteKey = key;
        return this;
    }
}
