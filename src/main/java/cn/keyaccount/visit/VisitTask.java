package cn.keyaccount.visit;

import cn.keyaccount.base.AbstractEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A follow-up task promised at a visit: what, who owns it, by when; tracked until closed. */
@Entity
@Table(name = "visit_task")
public class VisitTask extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Visit visit;
    @Column(nullable = false)
    private String description;
    @Column(nullable = false)
    private String owner;
    @Column(name = "due_date", nullable = false)
    private LocalDate dueDate;
    @Column(name = "closed_at")
    private OffsetDateTime closedAt;
    @Column(name = "closed_by")
    private String closedBy;
    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt = OffsetDateTime.now();

    protected VisitTask() {
    }

    VisitTask(Visit visit, String description, String owner, LocalDate dueDate) {
        this.visit = visit;
        this.description = description;
        this.owner = owner;
        this.dueDate = dueDate;
    }

    void close(String by) {
        closedAt = OffsetDateTime.now();
        closedBy = by;
    }

    public Visit getVisit() {
        return visit;
    }

    public String getDescription() {
        return description;
    }

    public String getOwner() {
        return owner;
    }

    public LocalDate getDueDate() {
        return dueDate;
    }

    public OffsetDateTime getClosedAt() {
        return closedAt;
    }

    public String getClosedBy() {
        return closedBy;
    }
}
