package cn.keyaccount.supplyplan;

/** The guarantee level (保供电等级): 特级, 一级, 二级. */
public enum PlanLevel {
    SPECIAL, FIRST, SECOND
}
