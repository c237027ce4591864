package cn.keyaccount.customer;

/** How the basic charge of the two-part tariff is billed; NONE for single-part customers. */
public enum BasicChargeMode {
    CAPACITY, CONTRACT_DEMAND, ACTUAL_DEMAND, NONE
}
