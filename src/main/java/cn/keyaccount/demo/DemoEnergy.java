package cn.keyaccount.demo;

import cn.keyaccount.visit.VisitDates;
import cn.keyaccount.base.calendar.WorkCalendar;
import cn.keyaccount.base.calendar.WorkCalendarSource;
import cn.keyaccount.customer.CustomerTiering;
import cn.keyaccount.customer.Importance;
import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Fifteen-minute meter data for the demo: the demo customer user's accounts (25 months, so that a year can be
 * compared with the one before) and a bounded number of the demo manager's other customers (13 months; other managers'
 * customers make up the number when the demo manager has fewer, as a benchmark may ask), one meter
 * per transformer, mapped to it (but one, see {@link #meters}). Load shapes ({@link DemoLoadCurve}) follow the
 * industry (continuous process, valley-shifted kilns, one or two shifts with weekends, commerce, schools with
 * vacations, night charging, summer irrigation), the holiday calendar, the season
 * and the customer's annual consumption; the power factor drifts with the load and dips for a month where a
 * capacitor bank "failed". One account carries gaps, spikes and a stuck meter for the anomaly report. The metered
 * accounts' annual consumption on the customer record becomes their metered last twelve months
 * ({@link #annualConsumption}). Written with COPY; bounded, so it costs the same at 300 or 100,000 customers (about a second).
 */
@ApplicationScoped
class DemoEnergy {

    private static final Logger LOG = Logger.getLogger(DemoEnergy.class);
    static final int OWN_ACCOUNT_MONTHS = 25;
    static final int OTHER_MONTHS = 13;

    private final AgroalDataSource dataSource;
    private final WorkCalendarSource calendars;
    private final int otherCustomers;
    private final DemoDatabase demo;

    DemoEnergy(AgroalDataSource dataSource, WorkCalendarSource calendars, DemoDatabase demo,
               @ConfigProperty(name = "keyaccount.demo.energy-customers", defaultValue = "20") int otherCustomers) {
        this.demo = demo;
        this.dataSource = dataSource;
        this.calendars = calendars;
        this.otherCustomers = otherCustomers;
    }

    /** Runs after the demo company and its visits are written, on the demo only. */
    void onStart(@Observes @Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 700) StartupEvent event,
                 @ConfigProperty(name = "keyaccount.demo.enabled") boolean enabled, java.time.Clock clock) {
        if (enabled) {
            demo.step(this::needsEnergy, () -> generate(VisitDates.today(clock).minusDays(1)));
        }
    }

    private boolean needsEnergy() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select not exists(select 1 from meter) "
                     + "and exists(select 1 from app_user where username = 'customer')")) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    record Account(long id, String accountNo, String industry, double annualKwh, String mode, double capacityKva,
                   boolean own) {
    }

    /** Generates the data up to and including {@code lastDay}; returns the meter-days written. */
    long generate(LocalDate lastDay) {
        long started = System.nanoTime();
        long written = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            List<Account> accounts = accounts(c);
            Map<Long, List<long[]>> meters = meters(c, accounts);
            profiles(c, accounts);
            WorkCalendar calendar = calendars.current();
            try (PreparedStatement ps = c.prepareStatement("select meter_day_ensure_months(?, ?)")) {
                // meter_day's month partitions (V24) for the longest history written below
                ps.setObject(1, lastDay.minusMonths(Math.max(OWN_ACCOUNT_MONTHS, OTHER_MONTHS)));
                ps.setObject(2, lastDay);
                ps.execute();
            }
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy meter_day (meter_id, day, kwh, kvarh) from stdin");
            StringBuilder line = new StringBuilder(1 << 20);
            boolean anomaliesDone = false;
            LocalDate yearStart = lastDay.minusYears(1).plusDays(1);
            Map<Account, Long> metered = new LinkedHashMap<>();
            for (Account a : accounts) {
                boolean anomalies = a.own() && !anomaliesDone && a.id() != accounts.getFirst().id();
                anomaliesDone |= anomalies;
                LocalDate first = lastDay.minusMonths(a.own() ? OWN_ACCOUNT_MONTHS : OTHER_MONTHS).plusDays(1);
                LastYear year = new LastYear(yearStart, lastDay);
                List<long[]> ms = meters.get(a.id());
                for (int m = 0; m < ms.size(); m++) {
                    long[] meter = ms.get(m);
                    double share = meter[1] / (double) ms.stream().mapToLong(x -> x[1]).sum();
                    DemoLoadCurve curve = new DemoLoadCurve(a, meter[0], share, meter[1], calendar, anomalies);
                    for (LocalDate d = first; !d.isAfter(lastDay); d = d.plusDays(1)) {
                        curve.day(d);
                        line.append(meter[0]).append('\t').append(d).append('\t');
                        float[] stored = array(line, curve.kwh);
                        line.append('\t');
                        array(line, curve.kvarh);
                        line.append('\n');
                        year.add(d, stored);
                        written++;
                        if (line.length() > (1 << 20) - 4096) {
                            flush(copy, line);
                        }
                    }
                }
                metered.put(a, year.kwh());
            }
            flush(copy, line);
            copy.endCopy();
            annualConsumption(c, metered);
            c.commit();
            LOG.infof("Demo energy: %d accounts, %d meter-days (%d readings) in %d ms", accounts.size(), written,
                    written * 96, (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            throw new IllegalStateException("Demo energy data failed", e);
        }
        return written;
    }

    /** The customer user's accounts first, then the manager's customers spread over the industries. */
    private List<Account> accounts(Connection c) throws SQLException {
        String columns = "c.id, c.account_no, c.industry_code, coalesce(c.annual_kwh, 0), c.basic_charge_mode, "
                + "c.operating_capacity_kva";
        List<Account> own = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select " + columns
                + " from customer c join user_customer uc on uc.customer_id = c.id join app_user u on u.id = uc.user_id "
                + "where u.username = 'customer' order by c.id")) {
            while (rs.next()) {
                own.add(account(rs, true));
            }
        }
        String others = "select " + columns + " from customer c join app_user u on u.id = c.manager_id "
                + "where c.id not in (select customer_id from user_customer) and u.username ";
        int size = own.size() + otherCustomers;
        List<Account> out = spread(own, byIndustry(c, others + "= 'manager' order by c.id"), size);
        if (out.size() < size) {
            // more asked for than the demo manager has (a benchmark): other managers' customers make up the rest
            out = spread(out, byIndustry(c, others + "<> 'manager' order by c.id limit " + (size - out.size())), size);
        }
        return out;
    }

    private static Map<String, List<Account>> byIndustry(Connection c, String query) throws SQLException {
        Map<String, List<Account>> byIndustry = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            while (rs.next()) {
                Account a = account(rs, false);
                byIndustry.computeIfAbsent(a.industry(), k -> new ArrayList<>()).add(a);
            }
        }
        return byIndustry;
    }

    /** {@code first}, then the accounts taken one per industry in turn, up to {@code size} in all. */
    private static List<Account> spread(List<Account> first, Map<String, List<Account>> byIndustry, int size) {
        List<Account> out = new ArrayList<>(first);
        int round = 0;
        boolean more = true;
        while (out.size() < size && more) {
            more = false;
            for (List<Account> list : byIndustry.values()) {
                if (round < list.size() && out.size() < size) {
                    out.add(list.get(round));
                    more = true;
                }
            }
            round++;
        }
        return out;
    }

    private static Account account(ResultSet rs, boolean own) throws SQLException {
        return new Account(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getDouble(4), rs.getString(5),
                rs.getDouble(6), own);
    }

    /**
     * One meter per transformer (a single meter where none is known): {meter id, kVA behind it}. Each meter is mapped
     * to its transformer, except the last one of the customer login's second account: its transformer has no meter of
     * its own, and the analysis shares that meter's load to it by rating (as when the metering system does not say
     * which transformer a meter is on).
     */
    private static Map<Long, List<long[]>> meters(Connection c, List<Account> accounts) throws SQLException {
        Map<Long, List<long[]>> out = new LinkedHashMap<>();
        try (PreparedStatement tr = c.prepareStatement(
                "select id, rated_kva from transformer where customer_id = ? order by id");
             PreparedStatement ins = c.prepareStatement("insert into meter (customer_id, transformer_id, meter_no, "
                     + "name) values (?, ?, ?, ?) returning id")) {
            int own = 0;
            for (Account a : accounts) {
                boolean oneUnmapped = a.own() && ++own == 2;
                List<long[]> transformers = new ArrayList<>();
                tr.setLong(1, a.id());
                try (ResultSet rs = tr.executeQuery()) {
                    while (rs.next()) {
                        transformers.add(new long[] {rs.getLong(1), rs.getLong(2)});
                    }
                }
                if (transformers.isEmpty()) {
                    transformers.add(new long[] {0, Math.max(100, Math.round(a.capacityKva()))});
                }
                List<long[]> ms = new ArrayList<>();
                for (int k = 0; k < transformers.size(); k++) {
                    long[] t = transformers.get(k);
                    boolean mapped = t[0] != 0 && !(oneUnmapped && k > 0 && k == transformers.size() - 1);
                    ins.setLong(1, a.id());
                    ins.setObject(2, mapped ? t[0] : null);
                    ins.setString(3, a.accountNo() + "-" + (k + 1));
                    ins.setString(4, (k + 1) + "号计量点" + (mapped ? "（" + (k + 1) + "号主变）" : ""));
                    try (ResultSet rs = ins.executeQuery()) {
                        rs.next();
                        ms.add(new long[] {rs.getLong(1), t[1]});
                    }
                }
                out.put(a.id(), ms);
            }
        }
        return out;
    }

    /** Tariff province (every third account in Guangdong) and a declared demand for contract-demand billing. */
    private static void profiles(Connection c, List<Account> accounts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("insert into customer_energy_profile (customer_id, province, "
                + "voltage_class, declared_kw) values (?, ?, '1-10kV', ?) on conflict (customer_id) do nothing")) {
            for (int i = 0; i < accounts.size(); i++) {
                Account a = accounts.get(i);
                ps.setLong(1, a.id());
                ps.setString(2, i % 3 == 2 ? "广东" : "北京");
                ps.setBigDecimal(3, "CONTRACT_DEMAND".equals(a.mode())
                        ? BigDecimal.valueOf(Math.round(a.capacityKva() * 0.55 / 10) * 10L) : null);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void flush(CopyIn copy, StringBuilder line) throws SQLException {
        byte[] bytes = line.toString().getBytes(StandardCharsets.US_ASCII);
        copy.writeToCopy(bytes, 0, bytes.length);
        line.setLength(0);
    }

    /** Writes the values as a real[] literal to the hundredth; returns them as PostgreSQL stores them. */
    private static float[] array(StringBuilder out, float[] values) {
        float[] stored = new float[values.length];
        out.append('{');
        for (int k = 0; k < values.length; k++) {
            if (k > 0) {
                out.append(',');
            }
            float v = values[k];
            if (Float.isNaN(v)) {
                out.append("NULL");
                stored[k] = Float.NaN;
            } else {
                long cents = Math.round(v * 100.0);
                out.append(cents / 100).append('.');
                long frac = cents % 100;
                if (frac < 10) {
                    out.append('0');
                }
                out.append(frac);
                stored[k] = (float) (cents / 100.0);
            }
        }
        out.append('}');
        return stored;
    }

    /**
     * An account's last twelve months of readings, added up as the energy analysis adds them (the meters' quarter
     * hours summed as {@code real}, then the quarter hours as {@code double}), so that the customer's annual
     * consumption is to the kWh what its energy page shows for the last 12 months.
     */
    private static final class LastYear {
        private final LocalDate first;
        private final float[] kwh;

        LastYear(LocalDate first, LocalDate last) {
            this.first = first;
            this.kwh = new float[(int) (java.time.temporal.ChronoUnit.DAYS.between(first, last) + 1) * 96];
            java.util.Arrays.fill(kwh, Float.NaN);
        }

        void add(LocalDate day, float[] stored) {
            if (day.isBefore(first)) {
                return;
            }
            int base = (int) java.time.temporal.ChronoUnit.DAYS.between(first, day) * 96;
            for (int k = 0; k < 96; k++) {
                float v = stored[k];
                if (!Float.isNaN(v)) {
                    float old = kwh[base + k];
                    kwh[base + k] = Float.isNaN(old) ? v : old + v;
                }
            }
        }

        long kwh() {
            double sum = 0;
            for (float v : kwh) {
                if (!Float.isNaN(v)) {
                    sum += v;
                }
            }
            return Math.round(sum);
        }
    }

    /**
     * The customer record's annual consumption of each metered account becomes its metered last twelve months, the
     * annual revenue scales with it (the same price per kWh) and the tier follows as an edit of the record would
     * recompute it: the customer page, the list and the energy page then state one figure.
     */
    private static void annualConsumption(Connection c, Map<Account, Long> metered) throws SQLException {
        try (PreparedStatement read = c.prepareStatement("select annual_kwh, annual_revenue_yuan, importance, "
                + "credit_rating, growth_rate from customer where id = ?");
             PreparedStatement write = c.prepareStatement("update customer set annual_kwh = ?, "
                     + "annual_revenue_yuan = ?, tier = ?, version = version + 1 where id = ?")) {
            for (Map.Entry<Account, Long> e : metered.entrySet()) {
                read.setLong(1, e.getKey().id());
                try (ResultSet rs = read.executeQuery()) {
                    rs.next();
                    BigDecimal kwh = BigDecimal.valueOf(e.getValue());
                    BigDecimal before = rs.getBigDecimal(1);
                    BigDecimal revenue = before.signum() == 0 ? rs.getBigDecimal(2)
                            : rs.getBigDecimal(2).multiply(kwh).divide(before, 0, RoundingMode.HALF_UP);
                    write.setBigDecimal(1, kwh);
                    write.setBigDecimal(2, revenue);
                    write.setString(3, CustomerTiering.tierOf(kwh, revenue, Importance.valueOf(rs.getString(3)),
                            rs.getString(4), rs.getBigDecimal(5)).name());
                    write.setLong(4, e.getKey().id());
                    write.addBatch();
                }
            }
            write.executeBatch();
        }
    }
}
