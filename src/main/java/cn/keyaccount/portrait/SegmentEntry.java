package cn.keyaccount.portrait;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;

/**
 * A segment of the last computation ({@code portrait_segment}) by what names it, read-only: the computation writes
 * the table in plain SQL ({@code PortraitStore}); this mapping lets lists name segments in HQL.
 */
@Entity
@Immutable
@Table(name = "portrait_segment")
public class SegmentEntry {

    @Id
    private long id;
    private int number;
    @Enumerated(EnumType.STRING)
    private ShapeKind kind;
    private int ordinal;
    @Column(name = "weekend_reduced")
    private boolean weekendReduced;

    protected SegmentEntry() {
    }

    public long getId() {
        return id;
    }

    public int getNumber() {
        return number;
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
}
