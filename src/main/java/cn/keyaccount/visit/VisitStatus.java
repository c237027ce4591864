package cn.keyaccount.visit;

/** Where a visit stands: planned, confirmed (by the manager or the customer), done (recorded) or cancelled. */
public enum VisitStatus {
    PLANNED, CONFIRMED, DONE, CANCELLED;

    /** Still to happen: overdue once its planned date has passed. */
    public boolean isOpen() {
        return this == PLANNED || this == CONFIRMED;
    }
}
