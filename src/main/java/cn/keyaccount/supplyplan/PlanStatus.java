package cn.keyaccount.supplyplan;

/** Where a plan stands: draft → submitted → approved → active → closed; a replaced revision is superseded. */
public enum PlanStatus {
    DRAFT, SUBMITTED, APPROVED, ACTIVE, CLOSED, SUPERSEDED;

    /** In force or about to be: what the portal shows and what outage planning must respect. */
    public boolean inForce() {
        return this == APPROVED || this == ACTIVE;
    }
}
