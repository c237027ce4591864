package cn.keyaccount.energy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGStatement;

/**
 * Reads the interval data of meter_day (one row per meter and day, 96 values per array; see package-info): a
 * customer's period is a primary-key range scan per meter, summed here into the customer's series (and those of its
 * transformers' meters).
 */
@ApplicationScoped
public class IntervalStore {

    private final AgroalDataSource dataSource;

    IntervalStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The sum of the customer's meters over the days from..to (inclusive); an interval is missing if every meter misses
     * it.
     */
    public IntervalSeries customerSeries(long customerId, LocalDate from, LocalDate to) {
        IntervalSeries s = IntervalSeries.empty(from, to);
        read(customerId, from, to, (transformer, kwh, kvarh, base) -> add(s, kwh, kvarh, base));
        return s;
    }

    /**
     * A customer's readings summed three ways from one read: all meters, the meters of each transformer, and the
     * meters mapped to no transformer.
     *
     * @param byTransformer a series for every transformer with a meter mapped to it (all missing when its meters have
     *                      no readings in the period)
     * @param unmapped      the meters mapped to no transformer, null when every meter is mapped
     */
    public record MeterSums(IntervalSeries customer, Map<Long, IntervalSeries> byTransformer,
                            IntervalSeries unmapped) {
    }

    /** The customer's readings of the days from..to (inclusive), summed as {@link #customerSeries} and by transformer. */
    public MeterSums meterSums(long customerId, LocalDate from, LocalDate to) {
        IntervalSeries customer = IntervalSeries.empty(from, to);
        Map<Long, IntervalSeries> byTransformer = new HashMap<>();
        Map<Long, IntervalSeries> unmapped = new HashMap<>(1);
        read(customerId, from, to, (transformer, kwh, kvarh, base) -> {
            IntervalSeries group = (transformer == null ? unmapped : byTransformer).computeIfAbsent(transformer,
                    t -> IntervalSeries.empty(from, to));
            add(customer, kwh, kvarh, base);
            add(group, kwh, kvarh, base);
        });
        return new MeterSums(customer, byTransformer, unmapped.get(null));
    }

    /**
     * A customer's meter-days of a period (parameters: from, from, to, customer). The day range is what lets the
     * planner touch only the months of the period (meter_day is partitioned by month, V24).
     */
    static final String READ = "select d.day - cast(? as date), m.transformer_id, array_send(d.kwh), "
            + "array_send(d.kvarh) from meter m left join meter_day d on d.meter_id = m.id and d.day between ? and ? "
            + "where m.customer_id = ?";

    /** One meter-day as read: its meter's transformer (null when none), the arrays, the day's first index. */
    @FunctionalInterface
    private interface MeterDaySink {
        void accept(Long transformerId, byte[] kwh, byte[] kvarh, int base);
    }

    /**
     * Every meter of the customer with its meter-days of the period; a meter without readings in the period comes
     * once with null arrays. The arrays come as {@code array_send} bytes decoded by {@link Float4Arrays} (no text, no
     * boxed floats: a customer-year is 365 rows × 2 × 96 values per meter), the day as its offset from the first.
     */
    private void read(long customerId, LocalDate from, LocalDate to, MeterDaySink sink) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(READ)) {
            ps.setObject(1, from);
            ps.setObject(2, from);
            ps.setObject(3, to);
            ps.setLong(4, customerId);
            // binary results for this statement (the URL's prepareThreshold=0 means text): the bytea arrives as
            // raw bytes rather than hex; getBytes reads either form
            ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long transformer = rs.getLong(2);
                    sink.accept(rs.wasNull() ? null : transformer, rs.getBytes(3), rs.getBytes(4),
                            rs.getInt(1) * IntervalSeries.PER_DAY);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading interval data failed", e);
        }
    }

    private static void add(IntervalSeries s, byte[] kwh, byte[] kvarh, int base) {
        Float4Arrays.addInto(kwh, s.kwh(), base);
        Float4Arrays.addInto(kvarh, s.kvarh(), base);
    }

    /**
     * Of {@code customerIds}, those with at least one meter, in the order given: only they can have readings. A batch
     * over every customer (the portrait) reads no more than their ids for the others: at a province's size most of the
     * customer book has no meter.
     */
    public List<Long> withMeters(List<Long> customerIds) {
        if (customerIds.isEmpty()) {
            return List.of();
        }
        java.util.Set<Long> metered = new java.util.HashSet<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(
                "select distinct customer_id from meter where customer_id = any(?)")) {
            ps.setArray(1, c.createArrayOf("bigint", customerIds.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    metered.add(rs.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading which customers have meters failed", e);
        }
        return customerIds.stream().filter(metered::contains).toList();
    }

    /** The first and last day with readings of a customer, or null when there are none. */
    public LocalDate[] coveredDays(long customerId) {
        String sql = "select min(d.day), max(d.day) from meter_day d join meter m on m.id = d.meter_id "
                + "where m.customer_id = ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getDate(1) == null ? null
                        : new LocalDate[] {rs.getDate(1).toLocalDate(), rs.getDate(2).toLocalDate()};
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<MeterDetails> meters(long customerId) {
        String sql = "select m.id, m.meter_no, m.name, m.transformer_id, min(d.day), max(d.day), count(d.day) "
                + "from meter m left join meter_day d on d.meter_id = m.id where m.customer_id = ? "
                + "group by m.id order by m.meter_no";
        List<MeterDetails> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MeterDetails(rs.getLong(1), rs.getString(2), rs.getString(3),
                            (Long) rs.getObject(4), rs.getDate(5) == null ? null : rs.getDate(5).toLocalDate(),
                            rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getLong(7)));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
