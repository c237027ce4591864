package cn.keyaccount.portrait;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;

/**
 * A supervisor's service strategy for a segment: how often to visit its members, what to offer them and what to talk
 * about. Keyed by the segment's name parts (kind, ordinal, rest days reduced), which a recompute keeps, not by the
 * segment row, which it replaces.
 */
@Entity
@Table(name = "segment_strategy")
public class SegmentStrategy extends AbstractEntity {

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ShapeKind kind;
    @Column(nullable = false)
    private int ordinal;
    @Column(name = "weekend_reduced", nullable = false)
    private boolean weekendReduced;
    @Column(name = "visit_interval_days")
    private Integer visitIntervalDays;
    @Column(nullable = false)
    private String offers = "";
    @Column(name = "talking_points", nullable = false)
    private String talkingPoints = "";
    @Column(name = "updated_by", nullable = false)
    private String updatedBy;
    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    protected SegmentStrategy() {
    }

    SegmentStrategy(ShapeKind kind, int ordinal, boolean weekendReduced) {
        this.kind = kind;
        this.ordinal = ordinal;
        this.weekendReduced = weekendReduced;
    }

    void change(StrategyDraft draft, String by, OffsetDateTime at) {
        visitIntervalDays = draft.visitIntervalDays();
        offers = draft.offers() == null ? "" : draft.offers().strip();
        talkingPoints = draft.talkingPoints() == null ? "" : draft.talkingPoints().strip();
        updatedBy = by;
        updatedAt = at;
    }

    public ShapeKind getKind() {
        return kind;
    }

    public int getOrdinal() {
        return ordinal;
    }

    public boolean isWeekendReduced() {
        return weekendReduced;
    }

    public Integer getVisitIntervalDays() {
        return visitIntervalDays;
    }

    public String getOffers() {
        return offers;
    }

    public String getTalkingPoints() {
        return talkingPoints;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    public OffsetDateTime getUpdatedAt() {
        return updatedAt;
    }
}
