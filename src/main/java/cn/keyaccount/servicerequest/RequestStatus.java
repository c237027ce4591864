package cn.keyaccount.servicerequest;

/** Received, being handled, closed with an answer, or reopened after closing (it is open again). */
public enum RequestStatus {
    OPEN, IN_PROGRESS, CLOSED, REOPENED;

    public boolean isClosed() {
        return this == CLOSED;
    }
}
