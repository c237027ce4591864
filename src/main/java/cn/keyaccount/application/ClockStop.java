package cn.keyaccount.application;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.LocalDate;

/** One stop of the clock while the company waits on the customer; kept for good once ended. */
@Embeddable
public record ClockStop(@Enumerated(EnumType.STRING) @Column(nullable = false) ApplicationStep step,
                        @Enumerated(EnumType.STRING) @Column(nullable = false) StopReason reason,
                        @Column(nullable = false) String note,
                        @Column(name = "started_on", nullable = false) LocalDate startedOn,
                        @Column(name = "started_by", nullable = false) String startedBy,
                        @Column(name = "ended_on") LocalDate endedOn,
                        @Column(name = "ended_by") String endedBy) {

    ClockStop ended(LocalDate on, String by) {
        return new ClockStop(step, reason, note, startedOn, startedBy, on, by);
    }

    boolean open() {
        return endedOn == null;
    }
}
