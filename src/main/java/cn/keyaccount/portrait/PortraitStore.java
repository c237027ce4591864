package cn.keyaccount.portrait;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The portrait tables in plain SQL: a run is written in one transaction, the customers' rows by binary COPY
 * ({@link BinaryCopy}: 20,000 customers × 8 shapes of 96 points would be 160,000 entities through Hibernate, and
 * 15 million numbers as text through batched inserts) and read back as arrays. Package-private: the
 * service is the way in.
 */
@ApplicationScoped
class PortraitStore {

    private final AgroalDataSource dataSource;

    PortraitStore(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A run as computed, before it has ids. */
    record NewRun(OffsetDateTime computedAt, LocalDate from, LocalDate to, int customers, int segmented, int k,
                  Map<Integer, Double> silhouettes, List<NewSegment> segments, List<NewCustomer> members,
                  List<NewIndustryShape> industries) {
    }

    record NewSegment(int number, ShapeKind kind, int ordinal, boolean weekendReduced, int members, float[] workday,
                      float[] restDay, double[] seasonLevels, double restLevel) {
    }

    /** segment: the number of its segment, 0 for none. */
    record NewCustomer(long customerId, int usableDays, int segment, double distance, double[] seasonLevels,
                       double restLevel, List<TypicalShapes.Shape> shapes, List<FigureRank> figures,
                       List<PortraitTag> tags) {
    }

    /** A figure's value and percentile among peers (null without other peers), and the number of peers. */
    record FigureRank(Figure figure, double value, Double percentile, int peers) {
    }

    record NewIndustryShape(String industryCode, DayType dayType, int customers, float[] points) {
    }

    /** A tag that appeared or disappeared with a run. */
    record TagChange(long customerId, boolean added, PortraitTag tag) {
    }

    /**
     * Replaces the stored run with this one; serialised with any other replacement by an advisory lock. Returns the
     * tags that appeared or disappeared against the run replaced (none for the first run), which are also stored.
     */
    @Transactional
    List<TagChange> replace(NewRun run) {
        try (Connection c = dataSource.getConnection()) {
            List<TagChange> changes;
            try (Statement s = c.createStatement()) {
                s.execute("select pg_advisory_xact_lock(hashtext('portrait_run'))");
                changes = changes(c, run);
                s.execute("delete from portrait_change");
                s.execute("delete from portrait_shape");
                s.execute("delete from portrait_figure");
                s.execute("delete from portrait_tag");
                s.execute("delete from portrait_industry_shape");
                s.execute("delete from portrait_run");
            }
            long runId;
            try (PreparedStatement ps = c.prepareStatement("insert into portrait_run (computed_at, period_from, "
                    + "period_to, customers, segmented, chosen_k, silhouettes) values (?, ?, ?, ?, ?, ?, ?) "
                    + "returning id")) {
                ps.setObject(1, run.computedAt());
                ps.setObject(2, run.from());
                ps.setObject(3, run.to());
                ps.setInt(4, run.customers());
                ps.setInt(5, run.segmented());
                ps.setInt(6, run.k());
                ps.setString(7, silhouettesText(run.silhouettes()));
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    runId = rs.getLong(1);
                }
            }
            Map<Integer, Long> segmentIds = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("insert into portrait_segment (run_id, number, kind, "
                    + "ordinal, weekend_reduced, members, workday, rest_day, season_levels, rest_level) "
                    + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id")) {
                for (NewSegment s : run.segments()) {
                    ps.setLong(1, runId);
                    ps.setInt(2, s.number());
                    ps.setString(3, s.kind().name());
                    ps.setInt(4, s.ordinal());
                    ps.setBoolean(5, s.weekendReduced());
                    ps.setInt(6, s.members());
                    ps.setArray(7, floats(c, s.workday()));
                    ps.setArray(8, floats(c, s.restDay()));
                    ps.setArray(9, floats(c, s.seasonLevels()));
                    ps.setFloat(10, (float) s.restLevel());
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        segmentIds.put(s.number(), rs.getLong(1));
                    }
                }
            }
            // the customers' rows in one binary COPY per table (no real[] as text, no boxing)
            try (BinaryCopy copy = new BinaryCopy(c, "portrait_customer (customer_id, run_id, usable_days, "
                    + "segment_id, distance, season_levels, rest_level)")) {
                for (NewCustomer m : run.members()) {
                    copy.row(7).int8(m.customerId()).int8(runId).int4(m.usableDays());
                    if (m.segment() == 0) {
                        copy.nullValue().nullValue();
                    } else {
                        copy.int8(segmentIds.get(m.segment())).float4((float) m.distance());
                    }
                    copy.float4Array(m.seasonLevels()).float4((float) m.restLevel());
                }
                copy.finish();
            }
            try (BinaryCopy copy = new BinaryCopy(c, "portrait_shape (customer_id, season, day_type, days, "
                    + "points)")) {
                for (NewCustomer m : run.members()) {
                    for (TypicalShapes.Shape s : m.shapes()) {
                        copy.row(5).int8(m.customerId()).text(s.season().name()).text(s.dayType().name())
                                .int4(s.days()).float4Array(s.points());
                    }
                }
                copy.finish();
            }
            try (BinaryCopy copy = new BinaryCopy(c, "portrait_figure (customer_id, figure, value, percentile, "
                    + "peers)")) {
                for (NewCustomer m : run.members()) {
                    for (FigureRank f : m.figures()) {
                        copy.row(5).int8(m.customerId()).text(f.figure().name()).float8(f.value());
                        if (f.percentile() == null) {
                            copy.nullValue();
                        } else {
                            copy.float4(f.percentile().floatValue());
                        }
                        copy.int4(f.peers());
                    }
                }
                copy.finish();
            }
            try (BinaryCopy copy = new BinaryCopy(c, "portrait_tag (customer_id, code, category, label_key, "
                    + "reason_key, reason_args)")) {
                for (NewCustomer m : run.members()) {
                    for (PortraitTag t : m.tags()) {
                        copy.row(6).int8(m.customerId()).text(t.code()).text(t.category().name())
                                .text(t.labelKey()).text(t.reasonKey()).text(argsText(t.args()));
                    }
                }
                copy.finish();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into portrait_change (customer_id, code, change, "
                    + "category, label_key, reason_key, reason_args) values (?, ?, ?, ?, ?, ?, ?)")) {
                for (TagChange ch : changes) {
                    ps.setLong(1, ch.customerId());
                    ps.setString(2, ch.tag().code());
                    ps.setString(3, ch.added() ? "ADDED" : "REMOVED");
                    ps.setString(4, ch.tag().category().name());
                    ps.setString(5, ch.tag().labelKey());
                    ps.setString(6, ch.tag().reasonKey());
                    ps.setString(7, argsText(ch.tag().args()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("insert into portrait_industry_shape (industry_code, "
                    + "day_type, customers, points) values (?, ?, ?, ?)")) {
                for (NewIndustryShape i : run.industries()) {
                    ps.setString(1, i.industryCode());
                    ps.setString(2, i.dayType().name());
                    ps.setInt(3, i.customers());
                    ps.setArray(4, floats(c, i.points()));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return changes;
        } catch (SQLException e) {
            throw new IllegalStateException("storing the portrait run failed", e);
        }
    }

    /** The stored run's tags against the new run's: what appeared, what disappeared (nothing before a first run). */
    private static List<TagChange> changes(Connection c, NewRun run) throws SQLException {
        Map<Long, Map<String, PortraitTag>> before = new HashMap<>();
        boolean hadRun;
        try (Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select exists (select 1 from portrait_run)")) {
            rs.next();
            hadRun = rs.getBoolean(1);
        }
        if (!hadRun) {
            return List.of();
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("select customer_id, code, category, "
                + "label_key, reason_key, reason_args from portrait_tag")) {
            while (rs.next()) {
                before.computeIfAbsent(rs.getLong(1), x -> new HashMap<>()).put(rs.getString(2), new PortraitTag(
                        rs.getString(2), TagCategory.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
                        args(rs.getString(6))));
            }
        }
        List<TagChange> changes = new ArrayList<>();
        for (NewCustomer m : run.members()) {
            Map<String, PortraitTag> old = before.getOrDefault(m.customerId(), Map.of());
            for (PortraitTag t : m.tags()) {
                if (!old.containsKey(t.code())) {
                    changes.add(new TagChange(m.customerId(), true, t));
                }
            }
            for (PortraitTag t : old.values()) {
                if (m.tags().stream().noneMatch(n -> n.code().equals(t.code()))) {
                    changes.add(new TagChange(m.customerId(), false, t));
                }
            }
        }
        return changes;
    }

    List<TagChange> changes(long customerId) {
        return list("select customer_id, change, code, category, label_key, reason_key, reason_args "
                + "from portrait_change where customer_id = ? order by change, category, code",
                ps -> ps.setLong(1, customerId), rs -> new TagChange(rs.getLong(1), "ADDED".equals(rs.getString(2)),
                        new PortraitTag(rs.getString(3), TagCategory.valueOf(rs.getString(4)), rs.getString(5),
                                rs.getString(6), args(rs.getString(7)))));
    }

    /** The stored run, or null before the first. */
    record StoredRun(long id, OffsetDateTime computedAt, LocalDate from, LocalDate to, int customers, int segmented,
                     int k, Map<Integer, Double> silhouettes) {
    }

    record StoredSegment(long id, int number, ShapeKind kind, int ordinal, boolean weekendReduced, int members,
                         float[] workday, float[] restDay, double[] seasonLevels, double restLevel) {
    }

    record StoredCustomer(long customerId, int usableDays, Long segmentId, Double distance, double[] seasonLevels,
                          double restLevel) {
    }

    StoredRun run() {
        return one("select id, computed_at, period_from, period_to, customers, segmented, chosen_k, silhouettes "
                + "from portrait_run order by id desc limit 1", ps -> { }, rs -> new StoredRun(rs.getLong(1),
                rs.getObject(2, OffsetDateTime.class), rs.getObject(3, LocalDate.class),
                rs.getObject(4, LocalDate.class), rs.getInt(5), rs.getInt(6), rs.getInt(7),
                silhouettes(rs.getString(8))));
    }

    List<StoredSegment> segments() {
        return list("select id, number, kind, ordinal, weekend_reduced, members, workday, rest_day, season_levels, "
                + "rest_level from portrait_segment order by number", ps -> { }, PortraitStore::segment);
    }

    StoredSegment segment(long id) {
        return one("select id, number, kind, ordinal, weekend_reduced, members, workday, rest_day, season_levels, "
                + "rest_level from portrait_segment where id = ?", ps -> ps.setLong(1, id), PortraitStore::segment);
    }

    StoredCustomer customer(long customerId) {
        return one("select customer_id, usable_days, segment_id, distance, season_levels, rest_level "
                + "from portrait_customer where customer_id = ?", ps -> ps.setLong(1, customerId), rs ->
                new StoredCustomer(rs.getLong(1), rs.getInt(2), (Long) rs.getObject(3),
                        rs.getObject(4) == null ? null : (double) rs.getFloat(4), doubles(rs.getArray(5)),
                        rs.getFloat(6)));
    }

    List<TypicalShapes.Shape> shapes(long customerId) {
        return list("select season, day_type, days, points from portrait_shape where customer_id = ?",
                ps -> ps.setLong(1, customerId), rs -> new TypicalShapes.Shape(Season.valueOf(rs.getString(1)),
                        DayType.valueOf(rs.getString(2)), rs.getInt(3), floats(rs.getArray(4))));
    }

    List<FigureRank> figures(long customerId) {
        return list("select figure, value, percentile, peers from portrait_figure where customer_id = ? "
                + "order by figure", ps -> ps.setLong(1, customerId), rs -> new FigureRank(
                Figure.valueOf(rs.getString(1)), rs.getDouble(2),
                rs.getObject(3) == null ? null : (double) rs.getFloat(3), rs.getInt(4)));
    }

    List<PortraitTag> tags(long customerId) {
        return list("select code, category, label_key, reason_key, reason_args from portrait_tag "
                + "where customer_id = ? order by category, code", ps -> ps.setLong(1, customerId),
                rs -> new PortraitTag(rs.getString(1), TagCategory.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getString(4), args(rs.getString(5))));
    }

    static String argsText(List<Double> args) {
        StringBuilder s = new StringBuilder();
        for (Double a : args) {
            s.append(s.isEmpty() ? "" : ";").append(a);
        }
        return s.toString();
    }

    static List<Double> args(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<Double> out = new ArrayList<>();
        for (String a : text.split(";")) {
            out.add(Double.parseDouble(a));
        }
        return out;
    }

    /** The industry's shape of a kind of day, with the number of customers it is the median of; null when none. */
    NewIndustryShape industryShape(String industryCode, DayType dayType) {
        return one("select industry_code, day_type, customers, points from portrait_industry_shape "
                + "where industry_code = ? and day_type = ?", ps -> {
                    ps.setString(1, industryCode);
                    ps.setString(2, dayType.name());
                }, rs -> new NewIndustryShape(rs.getString(1), DayType.valueOf(rs.getString(2)), rs.getInt(3),
                floats(rs.getArray(4))));
    }

    private static StoredSegment segment(ResultSet rs) throws SQLException {
        return new StoredSegment(rs.getLong(1), rs.getInt(2), ShapeKind.valueOf(rs.getString(3)), rs.getInt(4),
                rs.getBoolean(5), rs.getInt(6), floats(rs.getArray(7)), floats(rs.getArray(8)),
                doubles(rs.getArray(9)), rs.getFloat(10));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> list(String sql, Binder binder, RowReader<T> reader) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            List<T> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(reader.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("reading the portrait failed", e);
        }
    }

    private <T> T one(String sql, Binder binder, RowReader<T> reader) {
        List<T> all = list(sql, binder, reader);
        return all.isEmpty() ? null : all.getFirst();
    }

    private static Array floats(Connection c, float[] values) throws SQLException {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return c.createArrayOf("float4", boxed);
    }

    private static Array floats(Connection c, double[] values) throws SQLException {
        Float[] boxed = new Float[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = (float) values[i];
        }
        return c.createArrayOf("float4", boxed);
    }

    private static float[] floats(Array a) throws SQLException {
        Object[] values = (Object[]) a.getArray();
        float[] out = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = ((Number) values[i]).floatValue();
        }
        return out;
    }

    private static double[] doubles(Array a) throws SQLException {
        float[] f = floats(a);
        double[] out = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            out[i] = f[i];
        }
        return out;
    }

    static String silhouettesText(Map<Integer, Double> silhouettes) {
        StringBuilder s = new StringBuilder();
        silhouettes.forEach((k, v) -> s.append(s.isEmpty() ? "" : ";").append(k).append(':')
                .append(String.format(java.util.Locale.ROOT, "%.4f", v)));
        return s.toString();
    }

    static Map<Integer, Double> silhouettes(String text) {
        Map<Integer, Double> out = new LinkedHashMap<>();
        if (!text.isEmpty()) {
            for (String pair : text.split(";")) {
                String[] kv = pair.split(":");
                out.put(Integer.parseInt(kv[0]), Double.parseDouble(kv[1]));
            }
        }
        return out;
    }
}
