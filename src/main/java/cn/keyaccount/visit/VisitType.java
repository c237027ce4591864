package cn.keyaccount.visit;

/** What a visit is for (DOMAIN.md, Visits). */
public enum VisitType {
    ROUTINE, SAFETY_INSPECTION, ENERGY_EFFICIENCY, COMPLAINT_FOLLOW_UP, SUPPLY_GUARANTEE, JOINT_MEETING
}
