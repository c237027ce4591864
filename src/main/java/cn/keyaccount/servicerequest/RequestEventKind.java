package cn.keyaccount.servicerequest;

/** What happened to a request; hand-offs and comments are internal (the customer does not see them). */
public enum RequestEventKind {
    CREATED, STARTED, HANDED_OFF, COMMENT, CLOSED, REOPENED;

    /** Whether the customer sees this event in the portal. */
    public boolean shownToCustomer() {
        return this == CREATED || this == CLOSED || this == REOPENED;
    }
}
