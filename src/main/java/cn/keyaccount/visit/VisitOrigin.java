package cn.keyaccount.visit;

/**
 * Who shaped a visit last. PLANNER: made by the planner and untouched since, so a regeneration may replace it.
 * MANUAL: added or changed by a person (moved, confirmed, recorded, cancelled); the planner never replaces it.
 */
public enum VisitOrigin {
    PLANNER, MANUAL
}
