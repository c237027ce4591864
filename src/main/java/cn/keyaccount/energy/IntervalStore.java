package cn.keyaccount.energy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.postgresql.PGStatement;

/**
 * Reads the interval data of meter_day (one row per meter and day, 96 values per array; see package-info): a
 * customer's period is a primary-key range scan per meter, summed here into one series.
 */
@ApplicationScoped
public class IntervalStore {

    private final AgroalDataSource dataSource;

    IntervalStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The sum of the customer's meters over the days from..to (inclusive); an interval is missing if every meter misses
     * it. The arrays come as {@code array_send} bytes decoded by {@link Float4Arrays} (no text, no boxed floats: a
     * customer-year is 365 rows × 2 × 96 values per meter), the day as its offset from the first.
     */
    public IntervalSeries customerSeries(long customerId, LocalDate from, LocalDate to) {
        IntervalSeries s = IntervalSeries.empty(from, to);
        String sql = "select d.day - cast(? as date), array_send(d.kwh), array_send(d.kvarh) "
                + "from meter_day d join meter m on m.id = d.meter_id "
                + "where m.customer_id = ? and d.day between ? and ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, from);
            ps.setLong(2, customerId);
            ps.setObject(3, from);
            ps.setObject(4, to);
            // binary results for this statement (the URL's prepareThreshold=0 means text): the bytea arrives as
            // raw bytes rather than hex; getBytes reads either form
            ps.unwrap(PGStatement.class).setPrepareThreshold(-1);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int base = rs.getInt(1) * IntervalSeries.PER_DAY;
                    Float4Arrays.addInto(rs.getBytes(2), s.kwh(), base);
                    Float4Arrays.addInto(rs.getBytes(3), s.kvarh(), base);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading interval data failed", e);
        }
        return s;
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

    public List<MeterView> meters(long customerId) {
        String sql = "select m.id, m.meter_no, m.name, m.transformer_id, min(d.day), max(d.day), count(d.day) "
                + "from meter m left join meter_day d on d.meter_id = m.id where m.customer_id = ? "
                + "group by m.id order by m.meter_no";
        List<MeterView> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, customerId);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MeterView(rs.getLong(1), rs.getString(2), rs.getString(3),
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
