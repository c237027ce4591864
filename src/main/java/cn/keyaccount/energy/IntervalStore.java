package cn.keyaccount.energy;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

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

    /** The sum of the customer's meters over the days from..to (inclusive); an interval is missing if every meter misses it. */
    public IntervalSeries customerSeries(long customerId, LocalDate from, LocalDate to) {
        IntervalSeries s = IntervalSeries.empty(from, to);
        String sql = "select d.day, d.kwh, d.kvarh from meter_day d join meter m on m.id = d.meter_id "
                + "where m.customer_id = ? and d.day between ? and ?";
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, customerId);
            ps.setDate(2, Date.valueOf(from));
            ps.setDate(3, Date.valueOf(to));
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int base = s.indexOf(rs.getDate(1).toLocalDate());
                    add(s.kwh(), base, rs.getArray(2));
                    add(s.kvarh(), base, rs.getArray(3));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("reading interval data failed", e);
        }
        return s;
    }

    private static void add(float[] target, int base, Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        for (int k = 0; k < values.length; k++) {
            if (values[k] != null) {
                float v = ((Number) values[k]).floatValue();
                float old = target[base + k];
                target[base + k] = Float.isNaN(old) ? v : old + v;
            }
        }
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
