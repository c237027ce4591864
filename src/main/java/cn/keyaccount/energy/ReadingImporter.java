package cn.keyaccount.energy;

import cn.keyaccount.base.SheetRows;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;

/**
 * Imports a metering-system export (CSV or XLSX) into meter_day, streamed: rows are gathered into meter-days in a
 * bounded window of open days ({@link #OPEN_DAYS}; exports come ordered by meter or by time, so a day completes
 * long before the window fills), completed days go to PostgreSQL in batches by binary COPY: days not stored yet
 * straight into meter_day, stored ones into a temporary table whose days replace the stored ones at the end, in the
 * same transaction. An error anywhere rolls the whole file back, including the meters it created.
 * <p>
 * Each row is a reading of one meter for the quarter hour ending at its time (as 用电信息采集系统 exports it: the
 * first reading of a day is 00:15, the last 24:00 or 00:00 of the next day), in kWh and kvarh.
 * <p>
 * Larger than the house's ~400 lines on purpose: the row checks, the window of open days, the COPY and the final
 * replacement share one import's state and its all-or-nothing transaction; split apart, the pieces would only pass
 * that state to each other.
 */
@ApplicationScoped
class ReadingImporter {

    /** Meter-days kept open at once: 50,000 × ~1 KB bounds the heap of any import to ~50 MB. */
    static final int OPEN_DAYS = 50_000;
    /**
     * Completed meter-days gathered (≈ 6 MB) before they are looked up among the stored days and sent: new days go
     * straight into meter_day, stored ones through the temporary table that replaces them at the end.
     */
    static final int BATCH_DAYS = 4096;
    /** New meter numbers gathered before they are made in one statement (at the latest with the next batch). */
    static final int PENDING_METERS = 10_000;
    /** New meters made in one round from which the meter table is analysed before the days are written. */
    static final int ANALYZE_AFTER_NEW_METERS = 1_000;
    /** The id of a meter this import is about to make (see {@link Run#resolvePending}). */
    private static final long PENDING = 0L;

    private final AgroalDataSource dataSource;

    ReadingImporter(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** One reading as a file format delivers it. */
    public record Row(long rowNo, String meterNo, String time, String kwh, String kvarh) {
    }

    /** A source of rows: calls the sink for each row in file order. */
    public interface RowSource {
        void forEach(RowSink sink) throws IOException;
    }

    public interface RowSink {
        void accept(Row row);

        void problem(ImportReport.Kind kind, long rowNo, String detail);
    }

    /**
     * How a file may be stored. {@code capacityKva} (the larger of the customer's contract and operating capacity;
     * null or 0 when unknown) bounds a plausible reading; {@code replaceShorterDays} is the user's confirmation that
     * stored days may be replaced by the file's days even where the file has fewer readings for them.
     */
    public record Options(java.math.BigDecimal capacityKva, boolean replaceShorterDays) {
        public static final Options STRICT = new Options(null, false);

        /**
         * The largest kWh (or kvarh) a quarter hour may plausibly hold: the capacity's kVA drawn for 0.25 h, times
         * {@link #OVERLOAD_FACTOR}, and never more than {@link #ABSOLUTE_MAX_KWH}.
         */
        double maxPerQuarterHour() {
            if (capacityKva == null || capacityKva.signum() <= 0) {
                return ABSOLUTE_MAX_KWH;
            }
            return Math.min(ABSOLUTE_MAX_KWH, capacityKva.doubleValue() * 0.25 * OVERLOAD_FACTOR);
        }
    }

    /**
     * Generous on purpose: the power factor keeps kW at or below kVA, and oil-immersed transformers carry up to
     * 1.5 × their rating for short emergencies (GB/T 1094.7 / DL/T 572 overload guides); 2 leaves room for a capacity
     * recorded too low or a meter covering some load beyond it, while a typing slip (an extra digit or three, a value
     * in Wh instead of kWh) still stands out.
     */
    static final double OVERLOAD_FACTOR = 2.0;
    /** Where the capacity is unknown: 1,000,000 kWh in 15 minutes is 4 GW, more than any customer's connection. */
    static final double ABSOLUTE_MAX_KWH = 1_000_000;

    /**
     * Nanoseconds of the last import's stages: sending the COPY rows, the checks and replacement at the end, and
     * looking up stored days and making new meters and months on the way.
     */
    private volatile long[] lastStages = new long[3];

    /** For the import benchmark: {sending COPY rows, the final checks and replacement, look-ups}, in nanoseconds. */
    long[] lastStages() {
        return lastStages.clone();
    }

    /** The source for a file by its name: .xlsx through POI's streaming reader, anything else as CSV. */
    public static RowSource sourceFor(String fileName, InputStream in) {
        return fileName.toLowerCase().endsWith(".xlsx") ? new XlsxReadings(in) : new CsvReadings(in);
    }

    /**
     * Imports one file for a customer, in its own transaction on its own connection. Unknown meter numbers become
     * meters of this customer; a meter of another customer is an error.
     */
    public ImportReport importFile(long customerId, String fileName, RowSource source) {
        return importFile(customerId, fileName, source, Options.STRICT);
    }

    /** As {@link #importFile(long, String, RowSource)}, with the customer's capacity and the user's confirmation. */
    public ImportReport importFile(long customerId, String fileName, RowSource source, Options options) {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                Run run = new Run(c, customerId, fileName, options);
                ImportReport report = run.execute(source);
                lastStages = new long[] {run.copyNanos, run.tailNanos, run.lookupNanos};
                if (report.accepted()) {
                    c.commit();
                } else {
                    c.rollback();
                }
                return report;
            } catch (IOException | SQLException | RuntimeException e) {
                c.rollback();
                throw e instanceof RuntimeException r ? r : new IllegalStateException("import failed", e);
            } finally {
                c.setAutoCommit(auto);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("import failed", e);
        }
    }

    /** The columns as an issue names them: the header words of {@link CsvReadings.Columns}, English and Chinese. */
    static final String METER_COLUMN = "meter / 表号";
    static final String TIME_COLUMN = "time / 时间";
    static final String KWH_COLUMN = "kWh / 有功";
    static final String KVARH_COLUMN = "kvarh / 无功";

    private static final class OpenDay {
        /** The meter's id, {@link #PENDING} until a meter new to this import is made. */
        long meterId;
        final String meterNo;
        final long dayNo;
        final LocalDate day;
        final float[] kwh = new float[96];
        final float[] kvarh = new float[96];
        final long[] rows = new long[96];

        OpenDay(long meterId, String meterNo, long dayNo) {
            this.meterId = meterId;
            this.meterNo = meterNo;
            this.dayNo = dayNo;
            this.day = LocalDate.ofEpochDay(dayNo);
            Arrays.fill(kwh, Float.NaN);
            Arrays.fill(kvarh, Float.NaN);
        }
    }

    /** Days from 1970-01-01 to 2000-01-01, PostgreSQL's binary date epoch. */
    private static final int PG_EPOCH_DAY = 10_957;
    /** The OID of float4, the element type of a real[] in binary COPY. */
    private static final int FLOAT4_OID = 700;

    private static final class Run implements RowSink {
        private final Connection c;
        private final long customerId;
        private final String file;
        private final Map<String, Long> meterIds = new HashMap<>();
        /** Meter numbers new to this import, not made yet, with the row each first appeared on. */
        private final Map<String, Long> pending = new LinkedHashMap<>();
        private final Map<String, OpenDay> open = new LinkedHashMap<>(1024, 0.75f, true);
        /** Completed days waiting to be sent (see {@link #BATCH_DAYS}). */
        private final List<OpenDay> batch = new ArrayList<>(BATCH_DAYS);
        /** The day the last row went to: a file ordered by meter and time sends 96 rows in a row to the same day. */
        private OpenDay current;
        private String lastMeterNo;
        private Long lastMeterId;
        private final List<ImportReport.Issue> issues = new ArrayList<>();
        private final AnalysisSettings spikes = AnalysisSettings.DEFAULTS;
        private final Options options;
        private final double maxPerQuarterHour;
        private CopyManager copyApi;
        /** Binary COPY rows gathered before they go to the server. */
        private final java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(1 << 18);
        private long rows;
        private long days;
        /** Meter-days that replace stored ones (through import_day); the others went straight into meter_day. */
        private long replacing;
        private boolean meterLock;
        private long monthsFrom = Long.MAX_VALUE;
        private long monthsTo = Long.MIN_VALUE;
        private int shorterDays;
        private int errors;
        private int warnings;
        private long copyNanos;
        private long tailNanos;
        private long lookupNanos;
        private long firstDay = Long.MAX_VALUE;
        private long lastDay = Long.MIN_VALUE;

        Run(Connection c, long customerId, String file, Options options) {
            this.c = c;
            this.customerId = customerId;
            this.file = file;
            this.options = options;
            this.maxPerQuarterHour = options.maxPerQuarterHour();
        }

        ImportReport execute(RowSource source) throws IOException, SQLException {
            try (Statement s = c.createStatement()) {
                s.execute("create temporary table import_day (meter_id bigint, day date, kwh real[], kvarh real[]) "
                        + "on commit drop");
                s.execute("create temporary table import_key (meter_id bigint, day date) on commit drop");
            }
            try (PreparedStatement ps = c.prepareStatement("select meter_no, id from meter where customer_id = ?")) {
                ps.setLong(1, customerId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        meterIds.put(rs.getString(1), rs.getLong(2));
                    }
                }
            }
            copyApi = c.unwrap(PGConnection.class).getCopyAPI();
            try {
                source.forEach(this);
            } catch (IOException | java.io.UncheckedIOException e) {
                problem(ImportReport.Kind.UNREADABLE, rows + 1, String.valueOf(e.getMessage()));
            } catch (SheetRows.Refused r) {
                issue(ImportReport.Severity.ERROR, switch (r.key()) {
                    case "import.too-many-rows" -> ImportReport.Kind.TOO_MANY_ROWS;
                    case "import.cell-too-long" -> ImportReport.Kind.CELL_TOO_LONG;
                    default -> ImportReport.Kind.TOO_LARGE;
                }, r.row(), r.column(), null, null, r.limit() > 0 ? String.valueOf(r.limit()) : "");
            }
            for (OpenDay d : open.values()) {
                write(d);
            }
            open.clear();
            flushBatch();
            resolvePending();
            long tail = System.nanoTime();
            // every day of the file is in import_key, whichever way its readings went
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select m.meter_no, i.day from import_key i join meter m on m.id = "
                         + "i.meter_id group by m.meter_no, i.day having count(*) > 1 order by 1, 2 limit 20")) {
                while (rs.next()) {
                    issue(ImportReport.Severity.ERROR, ImportReport.Kind.DAY_SPLIT, 0, null, rs.getString(1),
                            rs.getDate(2).toString(), "the day's readings are far apart in the file");
                }
            }
            if (replacing > 0) {
                try (Statement s = c.createStatement()) {
                    s.execute("analyze import_day");
                }
            }
            if (errors == 0 && !options.replaceShorterDays() && replacing > 0) {
                refuseShorterDays();
            }
            boolean accepted = errors == 0 && rows > 0;
            if (accepted && replacing > 0) {
                // the file's day range lets the planner touch only its months of meter_day (V24)
                try (PreparedStatement ps = c.prepareStatement("delete from meter_day d using import_day i "
                        + "where d.meter_id = i.meter_id and d.day = i.day and d.day between ? and ?")) {
                    ps.setObject(1, day(firstDay));
                    ps.setObject(2, day(lastDay));
                    ps.executeUpdate();
                }
                try (Statement s = c.createStatement()) {
                    s.executeUpdate("insert into meter_day (meter_id, day, kwh, kvarh) "
                            + "select meter_id, day, kwh, kvarh from import_day");
                }
            }
            tailNanos = System.nanoTime() - tail;
            return new ImportReport(file, rows, accepted ? days : 0, meterIds.size(), day(firstDay), day(lastDay),
                    accepted, errors,
                    warnings, shorterDays, List.copyOf(issues));
        }

        /**
         * Makes meter_day's month partitions for the days of a batch (V24), in the import's transaction, before its
         * rows go straight into them. Rare: {@link MeterDayMonths} makes the current and the next months ahead every
         * day, so only a file of older months makes one here. Making a month takes the same advisory lock as making
         * meters ({@link #lockMeterCreation}), held to the end of the import.
         */
        private void ensureMonths(long from, long to) throws SQLException {
            if (from >= monthsFrom && to <= monthsTo) {
                return;
            }
            try (PreparedStatement ps = c.prepareStatement("select meter_day_ensure_months(?, ?)")) {
                ps.setObject(1, day(from));
                ps.setObject(2, day(to));
                ps.execute();
            }
            if (monthsFrom == Long.MAX_VALUE || from > monthsTo + 1 || to < monthsFrom - 1) {
                monthsFrom = from;
                monthsTo = to;
            } else {
                monthsFrom = Math.min(monthsFrom, from);
                monthsTo = Math.max(monthsTo, to);
            }
        }

        /**
         * A stored day the file would replace with fewer readings than it holds is an error naming the meter and the
         * day, unless the user confirmed: a single mistyped row must not wipe a stored day.
         */
        private void refuseShorterDays() throws SQLException {
            try (Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select m.meter_no, i.day, n.file, n.stored from import_day i "
                         + "join meter_day d on d.meter_id = i.meter_id and d.day = i.day and d.day between '"
                         + day(firstDay) + "' and '" + day(lastDay) + "' "
                         + "join meter m on m.id = i.meter_id "
                         + "cross join lateral (select (select count(*) from unnest(i.kwh) x where x is not null) "
                         + "as file, (select count(*) from unnest(d.kwh) x where x is not null) as stored) n "
                         + "where n.file < n.stored order by 1, 2")) {
                while (rs.next()) {
                    shorterDays++;
                    issue(ImportReport.Severity.ERROR, ImportReport.Kind.SHORTER_DAY, 0, null, rs.getString(1),
                            rs.getDate(2).toString(), rs.getInt(3) + " < " + rs.getInt(4));
                }
            }
        }

        @Override
        public void problem(ImportReport.Kind kind, long rowNo, String detail) {
            issue(ImportReport.Severity.ERROR, kind, rowNo, null, null, null, detail);
        }

        private static LocalDate day(long dayNo) {
            return dayNo == Long.MAX_VALUE || dayNo == Long.MIN_VALUE ? null : LocalDate.ofEpochDay(dayNo);
        }

        /** A reading's end time as the messages show it (LocalDateTime's own form, as before). */
        private static String at(long endSecond) {
            return LocalDateTime.ofEpochSecond(endSecond, 0, java.time.ZoneOffset.UTC).toString();
        }

        @Override
        public void accept(Row r) {
            rows++;
            String meterNo = r.meterNo() == null ? "" : r.meterNo().trim();
            if (meterNo.isEmpty()) {
                issue(ImportReport.Severity.ERROR, ImportReport.Kind.UNREADABLE, r.rowNo(), METER_COLUMN, meterNo,
                        r.time(), "");
                return;
            }
            long end = ReadingTime.fastSeconds(r.time());
            if (end == ReadingTime.NOT_SIMPLE) {
                try {
                    end = ReadingTime.parse(r.time()).toEpochSecond(java.time.ZoneOffset.UTC);
                } catch (RuntimeException e) {
                    issue(ImportReport.Severity.ERROR, ImportReport.Kind.BAD_TIME, r.rowNo(), TIME_COLUMN, meterNo,
                            r.time(), r.time());
                    return;
                }
            }
            float kwh = value(r, r.kwh(), KWH_COLUMN, meterNo, end);
            float kvarh = r.kvarh() == null || r.kvarh().isBlank() ? 0f
                    : value(r, r.kvarh(), KVARH_COLUMN, meterNo, end);
            if (kwh != kwh || kvarh != kvarh) {
                return;
            }
            if (Math.floorMod(end, 900L) != 0) {
                issue(ImportReport.Severity.ERROR, ImportReport.Kind.NOT_QUARTER_HOUR, r.rowNo(), TIME_COLUMN,
                        meterNo, at(end), "");
                return;
            }
            Long meterId;
            if (meterNo.equals(lastMeterNo)
                    && (lastMeterId == null || lastMeterId != PENDING || pending.containsKey(meterNo))) {
                meterId = lastMeterId;
            } else {
                meterId = meter(meterNo, r.rowNo());
                lastMeterNo = meterNo;
                lastMeterId = meterId;
            }
            if (meterId == null) {
                return;
            }
            long start = end - 900;
            long dayNo = Math.floorDiv(start, 86_400L);
            int slot = (int) (Math.floorMod(start, 86_400L) / 900);
            firstDay = Math.min(firstDay, dayNo);
            lastDay = Math.max(lastDay, dayNo);
            OpenDay d = current;
            if (d == null || d.dayNo != dayNo || !d.meterNo.equals(meterNo)) {
                String key = meterNo + '|' + dayNo;
                d = open.get(key);
                if (d == null) {
                    if (open.size() >= OPEN_DAYS) {
                        Iterator<OpenDay> eldest = open.values().iterator();
                        write(eldest.next());
                        eldest.remove();
                    }
                    d = new OpenDay(meterId, meterNo, dayNo);
                    open.put(key, d);
                }
                current = d;
            }
            if (!Float.isNaN(d.kwh[slot])) {
                boolean same = d.kwh[slot] == kwh && d.kvarh[slot] == kvarh;
                issue(same ? ImportReport.Severity.WARNING : ImportReport.Severity.ERROR,
                        same ? ImportReport.Kind.DUPLICATE : ImportReport.Kind.DUPLICATE_CONFLICT, r.rowNo(),
                        KWH_COLUMN, meterNo, at(end), "row " + d.rows[slot]);
                return;
            }
            d.kwh[slot] = kwh;
            d.kvarh[slot] = kvarh;
            d.rows[slot] = r.rowNo();
        }

        /**
         * A reading as a number a quarter hour can hold: a row error (with its column) when it is no number, NaN,
         * infinite, negative, or more than the customer's capacity can draw; NaN is returned after an error.
         */
        private float value(Row r, String text, String column, String meterNo, long end) {
            double v = Decimals.parse(text);
            if (v != v) {
                try {
                    v = Double.parseDouble(text.trim());
                } catch (RuntimeException e) {
                    issue(ImportReport.Severity.ERROR, ImportReport.Kind.UNREADABLE, r.rowNo(), column, meterNo,
                            at(end), text);
                    return Float.NaN;
                }
            }
            if (Double.isNaN(v) || Double.isInfinite(v)) {
                issue(ImportReport.Severity.ERROR, ImportReport.Kind.UNREADABLE, r.rowNo(), column, meterNo,
                        at(end), text);
                return Float.NaN;
            }
            if (v < 0) {
                issue(ImportReport.Severity.ERROR, ImportReport.Kind.NEGATIVE, r.rowNo(), column, meterNo,
                        at(end), text);
                return Float.NaN;
            }
            if (v > maxPerQuarterHour) {
                issue(ImportReport.Severity.ERROR, ImportReport.Kind.IMPOSSIBLE_VALUE, r.rowNo(), column, meterNo,
                        at(end), text + " > " + java.math.BigDecimal.valueOf(maxPerQuarterHour).stripTrailingZeros().toPlainString());
                return Float.NaN;
            }
            return (float) v;
        }

        /**
         * The id of a meter of this customer; {@link #PENDING} for a number new to this import (made with the others
         * in one statement, see {@link #resolvePending}); null (and an error) for a number that cannot be a meter.
         */
        private Long meter(String meterNo, long rowNo) {
            if (meterIds.containsKey(meterNo)) {
                return meterIds.get(meterNo);
            }
            if (meterNo.length() > 32) {
                issue(ImportReport.Severity.ERROR, ImportReport.Kind.UNREADABLE, rowNo, METER_COLUMN,
                        meterNo.substring(0, 32), null, "meter number longer than 32 characters");
                meterIds.put(meterNo, null);
                return null;
            }
            pending.putIfAbsent(meterNo, rowNo);
            if (pending.size() >= PENDING_METERS) {
                try {
                    resolvePending();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
                return meterIds.get(meterNo);
            }
            return PENDING;
        }

        /**
         * Makes the meters new to this import in one statement, after one look-up of their numbers: a number of
         * another customer's meter is an error at the row it first appeared on (its days are dropped). Takes the
         * advisory lock of meter_day_ensure_months first and keeps it to the end: an import that makes meters and one
         * that makes a month would otherwise wait for each other (attaching a month locks meter against the rows
         * the other import inserted, while it waits for the month's lock).
         */
        private void resolvePending() throws SQLException {
            if (pending.isEmpty()) {
                return;
            }
            long t = System.nanoTime();
            lockMeterCreation();
            String[] numbers = pending.keySet().toArray(String[]::new);
            try (PreparedStatement ps = c.prepareStatement(
                    "select meter_no, id, customer_id from meter where meter_no = any(?)")) {
                ps.setArray(1, c.createArrayOf("varchar", numbers));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String no = rs.getString(1);
                        if (rs.getLong(3) == customerId) {
                            meterIds.put(no, rs.getLong(2));
                        } else {
                            issue(ImportReport.Severity.ERROR, ImportReport.Kind.FOREIGN_METER, pending.get(no),
                                    METER_COLUMN, no, null, "");
                            meterIds.put(no, null);
                        }
                    }
                }
            }
            List<String> fresh = new ArrayList<>();
            for (String no : numbers) {
                if (!meterIds.containsKey(no)) {
                    fresh.add(no);
                }
            }
            if (!fresh.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("insert into meter (customer_id, meter_no, name) "
                        + "select ?, n, n from unnest(?) n returning meter_no, id")) {
                    ps.setLong(1, customerId);
                    ps.setArray(2, c.createArrayOf("varchar", fresh.toArray()));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            meterIds.put(rs.getString(1), rs.getLong(2));
                        }
                    }
                }
                if (fresh.size() >= ANALYZE_AFTER_NEW_METERS) {
                    // The days' foreign-key checks look each meter up with a plan made from the table's statistics;
                    // planned for the table as it was before thousands of meters came, they scan it whole for every
                    // day (a province's day of 104,167 new meters: 86 s instead of 5 s). ANALYZE in this transaction
                    // counts its own new rows.
                    try (Statement st = c.createStatement()) {
                        st.execute("analyze meter");
                    }
                }
            }
            pending.clear();
            lookupNanos += System.nanoTime() - t;
        }

        private void lockMeterCreation() throws SQLException {
            if (!meterLock) {
                try (Statement s = c.createStatement()) {
                    s.execute("select pg_advisory_xact_lock(hashtext('meter_day_ensure_months'))");
                }
                meterLock = true;
            }
        }

        /** A completed day joins the batch; a full batch is sent. */
        private void write(OpenDay d) {
            batch.add(d);
            if (batch.size() >= BATCH_DAYS) {
                try {
                    flushBatch();
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        /**
         * Sends the batch: every day's key to import_key (the day-split check at the end sees the whole file); the
         * readings of days not stored yet straight into meter_day (the daily case: no temporary table, no second
         * copy at the end), those of stored days to import_day, which replaces them at the end. Once the file has
         * an error nothing but the keys is sent: it will not be stored.
         */
        private void flushBatch() throws SQLException {
            if (batch.isEmpty()) {
                return;
            }
            resolvePending();
            List<OpenDay> ready = new ArrayList<>(batch.size());
            long from = Long.MAX_VALUE;
            long to = Long.MIN_VALUE;
            for (OpenDay d : batch) {
                if (d.meterId == PENDING) {
                    Long id = meterIds.get(d.meterNo);
                    if (id == null) {
                        continue;
                    }
                    d.meterId = id;
                }
                check(d);
                ready.add(d);
                from = Math.min(from, d.dayNo);
                to = Math.max(to, d.dayNo);
            }
            batch.clear();
            if (ready.isEmpty()) {
                return;
            }
            copy("import_key (meter_id, day)", ready, false);
            if (errors > 0) {
                return;
            }
            long t = System.nanoTime();
            ensureMonths(from, to);
            boolean[] stored = stored(ready, from, to);
            lookupNanos += System.nanoTime() - t;
            List<OpenDay> fresh = new ArrayList<>(ready.size());
            List<OpenDay> replace = new ArrayList<>();
            for (int i = 0; i < ready.size(); i++) {
                (stored[i] ? replace : fresh).add(ready.get(i));
            }
            copy("meter_day (meter_id, day, kwh, kvarh)", fresh, true);
            copy("import_day (meter_id, day, kwh, kvarh)", replace, true);
            replacing += replace.size();
        }

        /**
         * Which days of the batch meter_day holds already (this import's own earlier batches included), and any
         * day the batch holds twice after its first: one primary-key probe per day, in the batch's months only (a
         * lateral join, so always probes, never a scan of a month).
         */
        private boolean[] stored(List<OpenDay> ready, long from, long to) throws SQLException {
            boolean[] stored = new boolean[ready.size()];
            long[] meters = new long[ready.size()];
            int[] dayNos = new int[ready.size()];
            java.util.Set<Long> seen = new java.util.HashSet<>();
            for (int i = 0; i < ready.size(); i++) {
                OpenDay d = ready.get(i);
                meters[i] = d.meterId;
                dayNos[i] = (int) d.dayNo;
                stored[i] = !seen.add(d.meterId * 1_000_000L + d.dayNo);
            }
            try (PreparedStatement ps = c.prepareStatement("select k.i from unnest(?::int8[], ?::int4[]) "
                    + "with ordinality k(m, d, i) cross join lateral (select 1 from meter_day x where x.meter_id = k.m "
                    + "and x.day = date '1970-01-01' + k.d and x.day between ? and ? limit 1) s")) {
                ps.setArray(1, c.unwrap(PGConnection.class).createArrayOf("int8", meters));
                ps.setArray(2, c.unwrap(PGConnection.class).createArrayOf("int4", dayNos));
                ps.setObject(3, day(from));
                ps.setObject(4, day(to));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        stored[(int) rs.getLong(1) - 1] = true;
                    }
                }
            }
            return stored;
        }

        /** One binary COPY of the days into the table (with its columns): their keys, and their readings if asked. */
        private void copy(String table, List<OpenDay> list, boolean readings) throws SQLException {
            if (list.isEmpty()) {
                return;
            }
            long t = System.nanoTime();
            CopyIn copy = copyApi.copyIn("copy " + table + " from stdin with (format binary)");
            try {
                byte[] header = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0, 0, 0, 0, 0, 0, 0, 0, 0};
                copy.writeToCopy(header, 0, header.length);
                for (OpenDay d : list) {
                    if (out.remaining() < 2 * (20 + 96 * 8) + 64) {
                        copy.writeToCopy(out.array(), 0, out.position());
                        out.clear();
                    }
                    out.putShort((short) (readings ? 4 : 2));
                    out.putInt(8).putLong(d.meterId);
                    out.putInt(4).putInt((int) (d.dayNo - PG_EPOCH_DAY));
                    if (readings) {
                        boolean anyMissing = countNaN(d.kwh) > 0;
                        array(d.kwh, anyMissing);
                        array(d.kvarh, anyMissing);
                    }
                }
                out.putShort((short) -1);
                copy.writeToCopy(out.array(), 0, out.position());
                out.clear();
                copy.endCopy();
            } finally {
                out.clear();
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            copyNanos += System.nanoTime() - t;
        }

        /** Checks a finished day for gaps and spikes (warnings). */
        private void check(OpenDay d) {
            int gapStart = -1;
            for (int k = 0; k <= 96; k++) {
                boolean missing = k < 96 && Float.isNaN(d.kwh[k]);
                if (missing && gapStart < 0) {
                    gapStart = k;
                } else if (!missing && gapStart >= 0) {
                    issue(ImportReport.Severity.WARNING, ImportReport.Kind.GAP, gapStart == 0 ? 0 : d.rows[gapStart - 1],
                            null, d.meterNo, d.day.atStartOfDay().plusMinutes(15L * (gapStart + 1)).toString(),
                            String.valueOf(k - gapStart));
                    gapStart = -1;
                }
            }
            IntervalSeries one = new IntervalSeries(d.day, d.kwh, d.kvarh);
            for (Anomalies.Spike s : Anomalies.of(one, spikes).spikes()) {
                int k = (s.at().getHour() * 4) + s.at().getMinute() / 15;
                issue(ImportReport.Severity.WARNING, ImportReport.Kind.SPIKE, d.rows[k], KWH_COLUMN, d.meterNo,
                        s.at().plusMinutes(15).toString(), String.valueOf(d.kwh[k]));
            }
            days++;
        }

        /** A real[96] in PostgreSQL's binary array form; NaN (no reading) as a NULL element. */
        private void array(float[] values, boolean nulls) {
            int length = 20 + 96 * 4 + (nulls ? countNaN(values) * -4 : 0) + 96 * 4;
            out.putInt(length);
            out.putInt(1).putInt(nulls ? 1 : 0).putInt(FLOAT4_OID).putInt(96).putInt(1);
            for (float v : values) {
                if (v != v) {
                    out.putInt(-1);
                } else {
                    out.putInt(4).putFloat(v);
                }
            }
        }

        private static int countNaN(float[] values) {
            int n = 0;
            for (float v : values) {
                if (v != v) {
                    n++;
                }
            }
            return n;
        }

        private void issue(ImportReport.Severity severity, ImportReport.Kind kind, long row, String column,
                           String meterNo, String at, String detail) {
            if (severity == ImportReport.Severity.ERROR) {
                errors++;
            } else {
                warnings++;
            }
            if (issues.size() < ImportReport.MAX_ISSUES) {
                issues.add(new ImportReport.Issue(severity, kind, file, row, column, meterNo, at, detail));
            }
        }
    }
}
