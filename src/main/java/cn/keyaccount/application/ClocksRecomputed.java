package cn.keyaccount.application;

/**
 * What a recompute of the open clocks did: {@code open} clocks computed, {@code changed} of them with other figures
 * than stored, {@code written} (the rest were changed by a user meanwhile, whose own change recomputed them), in
 * {@code statements} SQL statements taking {@code dbMillis} (with the round trips) of {@code millis} in all.
 */
public record ClocksRecomputed(int open, int changed, int written, int statements, long dbMillis, long millis) {
}
