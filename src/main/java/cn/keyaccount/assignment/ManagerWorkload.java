package cn.keyaccount.assignment;

/**
 * How much a manager carries: customers as primary, per tier, and a tier-weighted load (A counts 3, B 2, C 1,
 * roughly the visits each tier needs), which is what a supervisor balances when assigning.
 */
public record ManagerWorkload(long managerId, String displayName, String username, String unitName, long customers,
                              long tierA, long tierB, long tierC, long backupFor) {

    public static final int WEIGHT_A = 3;
    public static final int WEIGHT_B = 2;
    public static final int WEIGHT_C = 1;

    public long weightedLoad() {
        return tierA * WEIGHT_A + tierB * WEIGHT_B + tierC * WEIGHT_C;
    }
}
