package cn.keyaccount.supplyplan;

/** Which side a duty or task falls to: the power supply company or the customer. */
public enum Party {
    COMPANY, CUSTOMER
}
