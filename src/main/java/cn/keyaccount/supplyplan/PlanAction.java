package cn.keyaccount.supplyplan;

/** The workflow steps; each names the statuses it starts from and the one it leads to. */
public enum PlanAction {
    SUBMIT(PlanStatus.SUBMITTED, PlanStatus.DRAFT),
    APPROVE(PlanStatus.APPROVED, PlanStatus.SUBMITTED),
    REJECT(PlanStatus.DRAFT, PlanStatus.SUBMITTED),
    ACTIVATE(PlanStatus.ACTIVE, PlanStatus.APPROVED),
    CLOSE(PlanStatus.CLOSED, PlanStatus.ACTIVE);

    private final PlanStatus to;
    private final PlanStatus from;

    PlanAction(PlanStatus to, PlanStatus from) {
        this.to = to;
        this.from = from;
    }

    public PlanStatus to() {
        return to;
    }

    public PlanStatus from() {
        return from;
    }
}
