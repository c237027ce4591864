package cn.keyaccount.customer;

/** Importance level of a user of electricity (特级 / 一级 / 二级 重要用户 / 普通). */
public enum Importance {
    SPECIAL, FIRST, SECOND, NORMAL
}
