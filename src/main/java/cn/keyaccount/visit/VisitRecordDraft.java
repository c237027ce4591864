package cn.keyaccount.visit;

import java.time.LocalDate;
import java.util.List;

/**
 * What happened at a visit (走访记录): when, who took part, which customer contacts were met, findings, the
 * customer's demands (诉求), satisfaction 1-5, and follow-up tasks to open; {@code type} may correct the visit type.
 */
public record VisitRecordDraft(LocalDate doneDate, VisitType type, String participants, String contactsMet,
                               String findings, String demands, Integer satisfaction, List<TaskDraft> tasks,
                               Long version) {
    public VisitRecordDraft {
        tasks = tasks == null ? List.of() : List.copyOf(tasks);
    }
}
