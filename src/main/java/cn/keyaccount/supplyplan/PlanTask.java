package cn.keyaccount.supplyplan;

import cn.keyaccount.base.AbstractEntity;
import cn.keyaccount.security.AppUser;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A checklist task of a plan (检查清单): what, whose, due when, done when and by whom. */
@Entity
@Table(name = "supply_plan_task")
public class PlanTask extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private SupplyPlan plan;
    @Column(nullable = false)
    private String title;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Party party;
    @Column(name = "owner_name", nullable = false)
    private String ownerName;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private AppUser owner;
    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;
    @Column(name = "done_at")
    private OffsetDateTime doneAt;
    @Column(name = "done_by")
    private String doneBy;

    protected PlanTask() {
    }

    PlanTask(SupplyPlan plan, String title, Party party, String ownerName, AppUser owner, LocalDate dueOn) {
        this.plan = plan;
        this.title = title;
        this.party = party;
        this.ownerName = ownerName;
        this.owner = owner;
        this.dueOn = dueOn;
    }

    /** The same task for another plan, due {@code shiftDays} later; {@code keepDone} carries over whether it is done. */
    PlanTask copyFor(SupplyPlan other, long shiftDays, boolean keepDone) {
        PlanTask copy = new PlanTask(other, title, party, ownerName, owner, dueOn.plusDays(shiftDays));
        if (keepDone) {
            copy.doneAt = doneAt;
            copy.doneBy = doneBy;
        }
        return copy;
    }

    void markDone(boolean done, String by) {
        this.doneAt = done ? OffsetDateTime.now() : null;
        this.doneBy = done ? by : null;
    }

    TaskDetails toView() {
        return new TaskDetails(getId(), plan.getId(), title, party, ownerName, owner == null ? null : owner.getId(),
                dueOn, doneAt, doneBy, getVersion());
    }

    public SupplyPlan getPlan() {
        return plan;
    }

    public AppUser getOwner() {
        return owner;
    }

    public OffsetDateTime getDoneAt() {
        return doneAt;
    }
}
