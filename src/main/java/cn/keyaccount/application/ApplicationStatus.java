package cn.keyaccount.application;

/** Where an application stands; WAITING while the clock is stopped on the customer. */
public enum ApplicationStatus {
    IN_PROGRESS, WAITING, COMPLETED, CANCELLED;

    public boolean open() {
        return this == IN_PROGRESS || this == WAITING;
    }
}
