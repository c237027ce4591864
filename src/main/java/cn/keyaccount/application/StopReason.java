package cn.keyaccount.application;

/** Why the clock stopped: the company waits on the customer. */
public enum StopReason {
    /** 资料不全: documents missing (一次性告知 sent). */
    DOCUMENTS_MISSING,
    /** 客户受电工程: the customer's own works (design, construction) under way. */
    CUSTOMER_WORKS,
    /** 客户要求暂缓: the customer asked to wait. */
    CUSTOMER_REQUEST
}
