package cn.keyaccount.outage;

/** What an outage collides with: a supply-guarantee plan in force, or a declared critical-production period. */
public enum ConflictKind {
    SUPPLY_PLAN, CRITICAL_PERIOD
}
