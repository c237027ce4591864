package cn.keyaccount.visit;

import java.util.List;

/** A visit with its record and follow-up tasks; {@code editable}: the viewer may move, cancel or record it. */
public record VisitDetails(VisitRow visit, String cancelReason, String participants, String contactsMet,
                           String findings, String demands, String recordedBy, List<TaskRow> tasks,
                           boolean editable) {
}
