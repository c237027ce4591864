package cn.keyaccount.application;

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

/** A task of one step of an application: whose, due when, and its result with who recorded it and when. */
@Entity
@Table(name = "connection_application_task")
public class ApplicationTask extends AbstractEntity {

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    private Application application;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ApplicationStep step;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private TaskKind kind;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id")
    private AppUser owner;
    @Column(name = "due_on")
    private LocalDate dueOn;
    private String result;
    @Column(name = "done_at")
    private OffsetDateTime doneAt;
    @Column(name = "done_by")
    private String doneBy;

    protected ApplicationTask() {
    }

    ApplicationTask(Application application, ApplicationStep step, TaskKind kind, AppUser owner, LocalDate dueOn) {
        this.application = application;
        this.step = step;
        this.kind = kind;
        this.owner = owner;
        this.dueOn = dueOn;
    }

    void assign(AppUser to, LocalDate due) {
        this.owner = to;
        this.dueOn = due;
    }

    void recordResult(String text, String by, OffsetDateTime at) {
        this.result = text.strip();
        this.doneBy = by;
        this.doneAt = at;
    }

    TaskDetails toDetails() {
        return new TaskDetails(getId(), application.getId(), step, kind, owner == null ? null : owner.getId(),
                owner == null ? "" : owner.getDisplayName(), dueOn, result, doneAt, doneBy, getVersion());
    }

    public Application getApplication() {
        return application;
    }

    public AppUser getOwner() {
        return owner;
    }

    TaskKind getKind() {
        return kind;
    }

    public OffsetDateTime getDoneAt() {
        return doneAt;
    }
}
