package cn.keyaccount.application;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/** One step of an application as it runs: started and completed when, by whom, its limit and the days it used. */
@Embeddable
public record StepEntry(@Enumerated(EnumType.STRING) @Column(nullable = false) ApplicationStep step,
                        @Column(name = "started_on") LocalDate startedOn,
                        @Column(name = "completed_on") LocalDate completedOn,
                        @Column(name = "completed_by") String completedBy,
                        @Column(name = "limit_days", nullable = false) int limitDays,
                        @Column(name = "used_days", nullable = false) int usedDays) {

    StepEntry started(LocalDate on) {
        return new StepEntry(step, on, null, null, limitDays, usedDays);
    }

    StepEntry completed(LocalDate on, String by) {
        return new StepEntry(step, startedOn, on, by, limitDays, usedDays);
    }

    StepEntry withUsed(int days) {
        return new StepEntry(step, startedOn, completedOn, completedBy, limitDays, days);
    }

    boolean done() {
        return completedOn != null;
    }
}
