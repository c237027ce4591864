package cn.keyaccount.outage;

/** Planned maintenance (计划检修), temporary maintenance (临时检修) or a fault (故障停电). */
public enum OutageKind {
    PLANNED, TEMPORARY, FAULT
}
