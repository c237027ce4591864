package cn.keyaccount.customer;

/** Customer tier (客户分级), derived by {@link CustomerTiering}; drives visit frequency. */
public enum Tier {
    A, B, C
}
