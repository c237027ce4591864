package cn.keyaccount.customer;

/** Single or dual supply. */
public enum SupplyMode {
    SINGLE, DUAL
}
