package cn.keyaccount.outage;

/** What the outage does to a customer: out of supply, or (dual supply) one source out while the other carries on. */
public enum Effect {
    OUT, ONE_SOURCE_OUT
}
