package cn.keyaccount.outage;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Set;

/** An outage on supply lines (and optionally whole substations), with its hold and approval record. */
@Entity
@Table(name = "outage")
public class Outage extends AbstractEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutageKind kind;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OutageStatus status;
    @Column(nullable = false)
    private String title;
    @Column(nullable = false)
    private String reason;
    @Column(nullable = false)
    private String area;
    @Column(name = "transformer_areas", nullable = false)
    private String transformerAreas;
    @Column(name = "starts_at", nullable = false)
    private OffsetDateTime startsAt;
    @Column(name = "ends_at", nullable = false)
    private OffsetDateTime endsAt;
    @Column(name = "restoration_at")
    private OffsetDateTime restorationAt;
    @Column(name = "restored_at")
    private OffsetDateTime restoredAt;
    @Column(name = "restored_by")
    private String restoredBy;
    @Column(name = "restored_note")
    private String restoredNote;
    @Column(name = "unit_id", nullable = false)
    private long unitId;
    @Column(name = "unit_path", nullable = false)
    private String unitPath;
    @Column(name = "held_late", nullable = false)
    private boolean heldLate;
    @Column(name = "held_conflict", nullable = false)
    private boolean heldConflict;
    @Column(name = "released_by")
    private String releasedBy;
    @Column(name = "released_at")
    private OffsetDateTime releasedAt;
    @Column(name = "release_reason")
    private String releaseReason;
    @Column(name = "cancel_reason")
    private String cancelReason;
    @Column(nullable = false)
    private String source;
    @Column(name = "created_by", nullable = false)
    private String createdBy;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;
    /** When the day-before reminder is due and not yet written (the outage-reminders job writes it); null: none. */
    @Column(name = "reminder_due_at")
    private OffsetDateTime reminderDueAt;
    @ElementCollection
    @CollectionTable(name = "outage_line", joinColumns = @JoinColumn(name = "outage_id"))
    @Column(name = "line_id")
    private Set<Long> lineIds = new HashSet<>();
    @ElementCollection
    @CollectionTable(name = "outage_substation", joinColumns = @JoinColumn(name = "outage_id"))
    @Column(name = "substation_id")
    private Set<Long> substationIds = new HashSet<>();

    protected Outage() {
    }

    Outage(OutageKind kind, String createdBy, String source) {
        this.kind = kind;
        this.status = OutageStatus.ANNOUNCED;
        this.createdBy = createdBy;
        this.source = source;
        this.createdAt = OffsetDateTime.now();
        this.updatedAt = createdAt;
    }

    void apply(OutageDraft d, long unitId, String unitPath) {
        this.title = d.title().trim();
        this.reason = d.reason().trim();
        this.area = d.area() == null ? "" : d.area().trim();
        this.transformerAreas = d.transformerAreas() == null ? "" : d.transformerAreas().trim();
        this.startsAt = d.startsAt();
        this.endsAt = d.endsAt();
        this.restorationAt = d.restorationAt();
        this.unitId = unitId;
        this.unitPath = unitPath;
        this.lineIds.clear();
        this.lineIds.addAll(d.lineIds());
        this.substationIds.clear();
        this.substationIds.addAll(d.substationIds());
        this.updatedAt = OffsetDateTime.now();
    }

    void hold(boolean late, boolean conflict) {
        this.heldLate = late;
        this.heldConflict = conflict;
        this.status = late || conflict ? OutageStatus.HELD : OutageStatus.ANNOUNCED;
        if (late || conflict) {
            this.releasedBy = null;
            this.releasedAt = null;
            this.releaseReason = null;
        }
    }

    void release(String by, String why) {
        this.status = OutageStatus.ANNOUNCED;
        this.releasedBy = by;
        this.releasedAt = OffsetDateTime.now();
        this.releaseReason = why;
    }

    /** A fault's power back at {@code at}: its real end. */
    void restored(OffsetDateTime at, String by, String note) {
        this.restoredAt = at;
        this.restoredBy = by;
        this.restoredNote = note;
        this.endsAt = at.isAfter(startsAt) ? at : endsAt;
        this.reminderDueAt = null;
        this.updatedAt = OffsetDateTime.now();
    }

    public OffsetDateTime getRestoredAt() {
        return restoredAt;
    }

    public String getRestoredBy() {
        return restoredBy;
    }

    public String getRestoredNote() {
        return restoredNote;
    }

    void cancel(String why) {
        this.status = OutageStatus.CANCELLED;
        this.cancelReason = why;
        this.reminderDueAt = null;
        this.updatedAt = OffsetDateTime.now();
    }

    /** The reminder now owed at this time (null: none, or written). */
    void remindAt(OffsetDateTime at) {
        this.reminderDueAt = at;
    }

    public OffsetDateTime getReminderDueAt() {
        return reminderDueAt;
    }

    public OutageKind getKind() {
        return kind;
    }

    public OutageStatus getStatus() {
        return status;
    }

    public String getTitle() {
        return title;
    }

    public String getReason() {
        return reason;
    }

    public String getArea() {
        return area;
    }

    public String getTransformerAreas() {
        return transformerAreas;
    }

    public OffsetDateTime getStartsAt() {
        return startsAt;
    }

    public OffsetDateTime getEndsAt() {
        return endsAt;
    }

    public OffsetDateTime getRestorationAt() {
        return restorationAt;
    }

    public long getUnitId() {
        return unitId;
    }

    public String getUnitPath() {
        return unitPath;
    }

    public boolean isHeldLate() {
        return heldLate;
    }

    public boolean isHeldConflict() {
        return heldConflict;
    }

    public String getReleasedBy() {
        return releasedBy;
    }

    public OffsetDateTime getReleasedAt() {
        return releasedAt;
    }

    public String getReleaseReason() {
        return releaseReason;
    }

    public String getCancelReason() {
        return cancelReason;
    }

    public String getSource() {
        return source;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public OffsetDateTime getCreatedAt() {
        return createdAt;
    }

    public Set<Long> getLineIds() {
        return lineIds;
    }

    public Set<Long> getSubstationIds() {
        return substationIds;
    }
}
