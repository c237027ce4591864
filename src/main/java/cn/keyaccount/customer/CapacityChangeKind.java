package cn.keyaccount.customer;

/** What a transformer's capacity change is: 减容, 减容恢复 (back up to at most a capacity it had) or 增容. */
public enum CapacityChangeKind {
    REDUCTION, RESTORATION, INCREASE
}
