package cn.keyaccount.customer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A transformer with its periods out of service and its capacity changes, both oldest first: what the basic charge
 * by capacity of a month is computed from (energy's {@code CapacityInService}).
 */
public record TransformerHistory(TransformerDetails transformer, List<Suspension> suspensions,
                                 List<CapacityChange> capacityChanges) {

    /** Out of service from {@code from} to {@code to}, both included; {@code to} null until restored. */
    public record Suspension(long id, LocalDate from, LocalDate to, String reason) {

        public boolean covers(LocalDate day) {
            return !day.isBefore(from) && (to == null || !day.isAfter(to));
        }
    }

    /** From {@code effective} on the transformer has {@code kvaAfter} instead of {@code kvaBefore}. */
    public record CapacityChange(long id, LocalDate effective, CapacityChangeKind kind, BigDecimal kvaBefore,
                                 BigDecimal kvaAfter, String reason) {
    }

    /** The capacity on a day: before the first change after it, that change's capacity before; else today's. */
    public BigDecimal capacityOn(LocalDate day) {
        for (CapacityChange c : capacityChanges) {
            if (c.effective().isAfter(day)) {
                return c.kvaBefore();
            }
        }
        return transformer.ratedKva();
    }

    public boolean suspendedOn(LocalDate day) {
        return suspensions.stream().anyMatch(s -> s.covers(day));
    }
}
