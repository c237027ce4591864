package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The read path of meter_day: binary arrays decoded into floats, summed over a customer's meters, gaps kept. */
@QuarkusTest
class IntervalStoreTest {

    private static final LocalDate DAY = LocalDate.of(1991, 5, 1);

    @Inject
    IntervalStore store;
    @Inject
    AgroalDataSource dataSource;

    @Test
    void missing_readings_stay_missing_and_two_meters_are_summed_into_one_series() throws Exception {
        long customer;
        List<Long> meters = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery("select id from customer order by id limit 1")) {
                rs.next();
                customer = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into meter (customer_id, meter_no, name) values (?, ?, 'IST') returning id")) {
                for (int m = 0; m < 2; m++) {
                    ps.setLong(1, customer);
                    ps.setString(2, "IST" + ProcessHandle.current().pid() + "-" + System.nanoTime() % 1_000_000 + m);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        meters.add(rs.getLong(1));
                    }
                }
            }
            s.execute("select meter_day_ensure_months(date '" + DAY + "', date '" + DAY.plusDays(2) + "')");
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into meter_day (meter_id, day, kwh, kvarh) values (?, ?, cast(? as real[]), cast(? as real[]))")) {
                // meter 1, day 1: 1.25 everywhere except interval 0 (NULL), 1 (NaN), 2 (-0.5), 95 (1e-3)
                insert(ps, meters.get(0), DAY, day(1.25f, "NULL", "NaN", "-0.5", "0.001"), day(0.5f, "NULL", "2", "3", "4"));
                // meter 2, day 1: NULL at interval 0 too (still missing), 2.0 elsewhere
                insert(ps, meters.get(1), DAY, day(2f, "NULL", "2", "2", "2"), day(1f, "NULL", "1", "1", "1"));
                // meter 2 only, day 3 (day 2 has no row at all)
                insert(ps, meters.get(1), DAY.plusDays(2), day(12345.67f, "7", "NaN", "8", "9"),
                        day(0.25f, "NULL", "NULL", "NULL", "NULL"));
            }
        }
        try {
            IntervalSeries s = store.customerSeries(customer, DAY, DAY.plusDays(2));
            assertEquals(3 * 96, s.size());
            float[] p = s.kwh();
            float[] q = s.kvarh();
            assertTrue(Float.isNaN(p[0]) && Float.isNaN(q[0]), "missing on both meters stays missing");
            assertEquals(2f, p[1], "a NaN reading counts as missing, whatever the order of the rows");
            assertEquals(2 + 1, q[1]);
            assertEquals(-0.5f + 2f, p[2]);
            assertEquals(1.25f + 2f, p[50]);
            assertEquals(0.5f + 1f, q[50]);
            assertEquals(0.001f + 2f, p[95]);
            for (int k = 96; k < 192; k++) {
                assertTrue(Float.isNaN(p[k]) && Float.isNaN(q[k]), "a day without rows is missing: " + k);
            }
            assertEquals(7f, p[192]);
            assertTrue(Float.isNaN(p[193]));
            assertEquals(8f, p[194]);
            assertEquals(12345.67f, p[250]);
            assertEquals(0.25f, q[250]);
            assertTrue(Float.isNaN(q[194]));
            // a range starting later reads the same values at shifted places
            IntervalSeries late = store.customerSeries(customer, DAY.plusDays(2), DAY.plusDays(2));
            assertEquals(8f, late.kwh()[2]);
            // only customers with a meter can have readings: the others are left out, the order kept
            try (Connection c2 = dataSource.getConnection(); Statement s2 = c2.createStatement();
                 ResultSet rs = s2.executeQuery("select id from customer where id not in "
                    + "(select customer_id from meter) order by id desc limit 2")) {
                List<Long> without = new ArrayList<>();
                while (rs.next()) {
                    without.add(rs.getLong(1));
                }
                assertEquals(2, without.size());
                assertEquals(List.of(customer), store.withMeters(List.of(without.get(0), customer, without.get(1))));
                assertEquals(List.of(), store.withMeters(without));
                assertEquals(List.of(), store.withMeters(List.of()));
            }
        } finally {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.executeUpdate("delete from meter where name = 'IST' and id in (" + meters.get(0) + "," + meters.get(1) + ")");
            }
        }
    }

    @Test
    void the_decoder_refuses_what_is_not_a_one_dimensional_real_array() {
        float[] target = new float[96];
        assertEquals(0, Float4Arrays.addInto(null, target, 0));
        assertEquals(0, Float4Arrays.addInto(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, (byte) 0xbc}, target, 0));
        // int4[] (oid 23) with one element
        byte[] ints = {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 23, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 4, 0, 0, 0, 5};
        assertThrows(IllegalArgumentException.class, () -> Float4Arrays.addInto(ints, target, 0));
        // a real[] of one element cut short
        byte[] cut = {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2, (byte) 0xbc, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 4, 0x3f};
        assertThrows(IllegalArgumentException.class, () -> Float4Arrays.addInto(cut, target, 0));
        // the same whole: 0x3f800000 = 1.0f, added to 0
        byte[] one = {0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 2, (byte) 0xbc, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 4, 0x3f, (byte) 0x80, 0, 0};
        assertEquals(1, Float4Arrays.addInto(one, target, 95));
        assertEquals(1f, target[95]);
        assertThrows(IllegalArgumentException.class, () -> Float4Arrays.addInto(one, target, 96));
    }

    private static void insert(PreparedStatement ps, long meter, LocalDate day, String kwh, String kvarh)
            throws Exception {
        ps.setLong(1, meter);
        ps.setObject(2, day);
        ps.setString(3, kwh);
        ps.setString(4, kvarh);
        ps.executeUpdate();
    }

    /** An array literal of 96 elements: intervals 0, 1, 2 and 95 as given, the rest fill. */
    private static String day(float fill, String first, String second, String third, String last) {
        StringBuilder b = new StringBuilder("{").append(first).append(',').append(second).append(',').append(third);
        for (int k = 3; k < 95; k++) {
            b.append(',').append(fill);
        }
        return b.append(',').append(last).append('}').toString();
    }
}
