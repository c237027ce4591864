package cn.keyaccount.servicerequest.repair;

/**
 * Where a repair stands, in order: waiting for a crew (none in reach), dispatched, accepted by the crew, on the way,
 * arrived on site, cause found, power restored. A crew moves it forward only, each step with its time.
 */
public enum RepairStep {
    WAITING, DISPATCHED, ACCEPTED, ON_THE_WAY, ARRIVED, CAUSE_FOUND, RESTORED;

    /** Whether the crew reports this step (the first two are the dispatcher's). */
    public boolean reportedByCrew() {
        return ordinal() >= ACCEPTED.ordinal();
    }
}
