package cn.keyaccount.demo;

import cn.keyaccount.customer.CustomerSearchBuckets;
import cn.keyaccount.customer.SearchTokens;
import cn.keyaccount.security.Passwords;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.jboss.logging.Logger;

/**
 * Builds a believable county company: 7 units, 35 staff, 12 substations with 10 kV feeders, and the requested
 * number of key customers with contacts, transformers, supply lines and assignments. Written with batched JDBC
 * in one transaction, so that 100,000 customers take seconds, not minutes. Deterministic for a given seed.
 *
 * <p>Over 400 lines on purpose: its {@code Writer} is one transaction's sequence of batched inserts (units, staff,
 * network, customers with their contacts, transformers, lines and assignments), each step reading the ids the steps
 * before it generated and the one random stream; split into classes, they would pass that state around instead.
 * The names it draws from are {@link DemoNames}.
 */
@ApplicationScoped
public class DemoDataGenerator {

    private static final Logger LOG = Logger.getLogger(DemoDataGenerator.class);
    public static final int MANAGERS = 30;

    /** The demo logins, listed in the README. */
    public enum Login {
        ADMIN("admin", "Admin@2026", "ADMIN"),
        SUPERVISOR("supervisor", "Super@2026", "SUPERVISOR"),
        STATION_SUPERVISOR("supervisor.cg", "Super@2026", "SUPERVISOR"),
        MANAGER("manager", "Manager@2026", "ACCOUNT_MANAGER"),
        SCHEDULER("scheduler", "Sched@2026", "SCHEDULER"),
        CUSTOMER("customer", "Customer@2026", "CUSTOMER"),
        /** A repair crew's sign-in (城关所 抢修一班), made with the demo crews ({@code DemoRepairs}). */
        CREW("crew", "Crew@2026", "REPAIR_CREW");

        public final String username;
        public final String password;
        final String role;

        Login(String username, String password, String role) {
            this.username = username;
            this.password = password;
            this.role = role;
        }
    }

    public record Result(int units, int users, int customers, int contacts, int transformers, long millis) {
    }

    private final AgroalDataSource dataSource;

    DemoDataGenerator(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public boolean databaseIsEmpty() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select exists(select 1 from app_user) or exists(select 1 from org_unit)")) {
            rs.next();
            return !rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public Result generate(int customerCount, long seed) {
        try (Connection c = dataSource.getConnection()) {
            Result result = generate(c, customerCount, seed,
                    customerCount >= PARALLEL_INDEXES_FROM ? dataSource::getConnection : null);
            // the visibility map of the fresh rows, which the list's index-only walks need, and their hint bits: else
            // the first searches of a million customers read and write the heap (BENCHMARKS.md, issue 17)
            long start = System.nanoTime();
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("vacuum customer_search");
            }
            LOG.infof("Demo data: search copy vacuumed in %d ms", (System.nanoTime() - start) / 1_000_000);
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("Demo data generation failed", e);
        }
    }

    /** More connections to the same database, for building indexes side by side. */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    /**
     * From this many customers (the benchmark's sizes) the secondary indexes are built after the rows are committed,
     * in {@link #indexSessions()} sessions side by side, and the demo marker is written once they stand; below it,
     * everything is one transaction as before.
     */
    static final int PARALLEL_INDEXES_FROM = 100_000;

    static int indexSessions() {
        return Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));
    }

    /** As {@link #generate(Connection, int, long, Connections)} in one transaction on {@code c}. */
    static Result generate(Connection c, int customerCount, long seed) throws SQLException {
        return generate(c, customerCount, seed, null);
    }

    /**
     * Writes the demo company and the demo marker on {@code c}. A superuser loads without the per-row triggers
     * (session_replication_role, which only a superuser may set); any other owner of the schema (an external
     * PostgreSQL) loads with the triggers on, which keep the search copy themselves: slower, same rows.
     * <p>
     * Without {@code more} connections (the application passes them from {@link #PARALLEL_INDEXES_FROM} customers)
     * all of it is one transaction. With them, the rows are committed first without their secondary indexes and without the marker,
     * the indexes are then built in several sessions at once (a sorted build uses one core; the GIN word indexes take
     * most of the time at a million customers), and the marker, the sequences and ANALYZE follow in a second
     * transaction. A start that dies in between leaves a database with rows and no marker, which the next start
     * refuses as "not the demo" (DemoDataSeeder): the benchmark starts on a fresh database anyway.
     */
    static Result generate(Connection c, int customerCount, long seed, Connections more) throws SQLException {
        return generate(c, customerCount, seed, more, true);
    }

    /**
     * As {@link #generate(Connection, int, long, Connections)}; {@code copyThread} false sends each batch of rows
     * before making the next (the way before issue 17, for the benchmark's comparison).
     */
    static Result generate(Connection c, int customerCount, long seed, Connections more, boolean copyThread)
            throws SQLException {
        long start = System.nanoTime();
        c.setAutoCommit(false);
        Result r = new Writer(c, new Random(seed), customerCount, isSuperuser(c), more, copyThread).write();
        c.commit();
        Result timed = new Result(r.units, r.users, r.customers, r.contacts, r.transformers,
                (System.nanoTime() - start) / 1_000_000);
        LOG.infof("Demo data: %d units, %d users, %d customers, %d contacts, %d transformers in %d ms",
                timed.units, timed.users, timed.customers, timed.contacts, timed.transformers, timed.millis);
        return timed;
    }

    /** The name in an index definition ("CREATE INDEX name ON …"); the search hints' statement is named as such. */
    static String indexName(String definition) {
        if (!definition.contains("INDEX ")) {
            return "customer_search_hint (the search hints, V43)";
        }
        int from = definition.indexOf("INDEX ") + "INDEX ".length();
        return definition.substring(from, definition.indexOf(' ', from));
    }

    static boolean isSuperuser(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("select current_setting('is_superuser')")) {
            rs.next();
            return "on".equals(rs.getString(1));
        }
    }

    private static final class Writer {
        private final Connection c;
        private final Random random;
        private final DemoNames names;
        private final int customerCount;
        /** Without the per-row triggers: the rows carry what the triggers would have written. */
        private final boolean bulk;
        private final Timestamp now = Timestamp.from(Instant.now());
        private final long[] stationIds = new long[4];
        private final String[] stationPaths = new String[4];
        private final List<long[]> managersByStation = new ArrayList<>();
        private final List<Long> lineIds = new ArrayList<>();
        private final List<Integer> lineStation = new ArrayList<>();
        private final java.util.Map<Long, String> userNames = new java.util.HashMap<>();
        private final java.util.Map<Long, String> lineLabels = new java.util.HashMap<>();
        private long countyId;
        private long provinceId;
        private int users;

        /** Sessions for the index builds after the rows are committed; null: one transaction. */
        private final Connections sessions;

        /**
         * Whether the search copy is written last, with its sort buckets (SearchCopyLoad): a bulk load of more than two
         * buckets of customers; other loads of that size have their buckets computed by CustomerSearchBuckets.assign.
         */
        private final boolean searchLast;

        /** Whether the rows are sent by a second thread while the next are made (CopyWriter). */
        private final boolean copyThread;

        Writer(Connection c, Random random, int customerCount, boolean bulk, Connections sessions,
               boolean copyThread) {
            this.c = c;
            this.sessions = sessions;
            this.copyThread = copyThread;
            this.bulk = bulk;
            this.random = random;
            this.names = new DemoNames(random);
            this.customerCount = customerCount;
            this.searchLast = bulk && customerCount > 2 * CustomerSearchBuckets.SIZE;
        }

        Result write() throws SQLException {
            try (Statement s = c.createStatement()) {
                // "this database is the demo", in the same transaction as the company: the later demo steps run only
                // where it exists; the primary key makes a second generation fail instead of mixing two companies
                if (sessions == null) {
                    s.execute("insert into demo_marker default values");
                }
                if (bulk) {
                    // bulk load without the per-row search triggers: the rows carry their search text and tokens,
                    // computed here exactly as the triggers would (customer_search_text, search_tokens)
                    s.execute("set local session_replication_role = replica");
                }
                // the version of what the customer list counts (V44) moves at commit: its row events would still be
                // pending when the indexes are built in this transaction, which PostgreSQL refuses; here they run as
                // each statement ends
                s.execute("set constraints customer_search_version_aid, customer_search_version_au immediate");
            }
            Phases phases = new Phases(customerCount >= 10_000);
            units();
            staff();
            network();
            phases.done("units, staff, network");
            List<String> indexes = dropSecondaryIndexes();
            // the rows carry what these triggers would write; without a BEFORE ROW trigger, COPY stores its rows
            // a page at a time instead of one by one, and can write them frozen (SearchCopyLoad)
            List<String> triggers = bulk ? dropBeforeRowTriggers() : List.of();
            phases.done("secondary indexes dropped");
            int[] counts = customers(phases);
            try (Statement s = c.createStatement()) {
                for (String trigger : triggers) {
                    s.execute(trigger);
                }
            }
            if (customerCount > 2 * CustomerSearchBuckets.SIZE) {
                // the search copy's sort buckets (V42) before its word index is built over them: a generated million
                // starts with its buckets instead of rewriting every row under that index after its first start (a
                // bulk load wrote them with the rows: SearchCopyLoad); the hints of its frequent tokens (V43) are
                // made here in one transaction, else in a second session while the word index is built
                if (!searchLast) {
                    CustomerSearchBuckets.assign(c, CustomerSearchBuckets.SIZE, sessions == null);
                    phases.done("search sort buckets");
                } else if (sessions == null) {
                    try (Statement s = c.createStatement()) {
                        s.execute(CustomerSearchBuckets.hints(CustomerSearchBuckets.SIZE));
                    }
                    phases.done("search hints");
                }
                if (sessions != null) {
                    // a session of its own (IndexBuilds), closed after: room for the aggregate of the tokens
                    indexes.add("set work_mem = '64MB'; " + CustomerSearchBuckets.hints(CustomerSearchBuckets.SIZE));
                }
            }
            if (sessions == null) {
                try (Statement s = c.createStatement()) {
                    // the word indexes of a million customers build several times faster with room to sort in
                    s.execute("set local maintenance_work_mem = '512MB'");
                    for (String definition : indexes) {
                        s.execute(definition);
                        phases.done("index " + indexName(definition));
                    }
                }
            } else {
                try (Statement s = c.createStatement()) {
                    if (bulk) {
                        s.execute("set local session_replication_role = origin");
                    }
                }
                c.commit();
                phases.done("rows committed");
                IndexBuilds.build(indexes, sessions, indexSessions());
                phases.done("indexes, " + indexSessions() + " sessions side by side");
                try (Statement s = c.createStatement()) {
                    s.execute("insert into demo_marker default values");
                }
            }
            try (Statement s = c.createStatement()) {
                if (bulk) {
                    s.execute("set local session_replication_role = origin");
                    // the search copy was written without its triggers: what the list counts has changed (V44)
                    s.execute("update customer_search_version set version = version + 1");
                }
                for (String table : List.of("org_unit", "app_user", "substation", "supply_line", "customer", "contact",
                        "transformer", "assignment")) {
                    s.execute("select setval(pg_get_serial_sequence('" + table + "', 'id'), "
                            + "(select coalesce(max(id), 0) + 1 from " + table + "), false)");
                }
                phases.done("sequences");
                s.execute("analyze");
                phases.done("analyze");
            }
            phases.log();
            return new Result(7, users, customerCount, counts[0], counts[1], 0);
        }

        /**
         * Bulk loading is faster into tables without their secondary indexes (the trigram index above all), built
         * once afterwards from their own definitions; keys and unique indexes stay to catch mistakes.
         */
        private List<String> dropSecondaryIndexes() throws SQLException {
            List<String> definitions = new ArrayList<>();
            try (Statement s = c.createStatement(); var rs = s.executeQuery("""
                    select i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) from pg_index i
                     where i.indrelid in ('customer'::regclass, 'customer_search'::regclass, 'contact'::regclass,
                                          'transformer'::regclass,
                                          'customer_supply_line'::regclass, 'assignment'::regclass)
                       and not i.indisunique and not i.indisprimary""")) {
                List<String> names = new ArrayList<>();
                while (rs.next()) {
                    names.add(rs.getString(1));
                    definitions.add(rs.getString(2));
                }
                for (String name : names) {
                    s.execute("drop index " + name);
                }
            }
            return definitions;
        }

        /**
         * Empties the bulk-loaded tables in this transaction, so that COPY may write their rows frozen: visible to all,
         * so that autovacuum has nothing to do while the indexes are built and the search copy needs no vacuum. They
         * are empty: the demo company is written into a database without units, so without customers (checked here).
         * CASCADE empties the tables that refer to customers, empty for the same reason.
         */
        private void emptyForFrozenCopy() throws SQLException {
            try (Statement s = c.createStatement()) {
                try (var rs = s.executeQuery("select exists (select 1 from customer)")) {
                    rs.next();
                    if (rs.getBoolean(1)) {
                        throw new SQLException("the demo company is only written into a database without customers");
                    }
                }
                s.execute("truncate customer, customer_search, contact, transformer, customer_supply_line, assignment, "
                        + "user_customer cascade");
            }
        }

        /** The BEFORE ROW insert triggers of the bulk-loaded tables, dropped; their definitions. */
        private List<String> dropBeforeRowTriggers() throws SQLException {
            List<String> definitions = new ArrayList<>();
            try (Statement s = c.createStatement(); var rs = s.executeQuery("""
                    select format('drop trigger %I on %s', tgname, tgrelid::regclass), pg_get_triggerdef(oid)
                      from pg_trigger
                     where tgrelid in ('customer'::regclass, 'customer_search'::regclass, 'contact'::regclass,
                                       'transformer'::regclass, 'customer_supply_line'::regclass,
                                       'assignment'::regclass, 'user_customer'::regclass)
                       and not tgisinternal and tgtype & (1 | 2 | 4) = (1 | 2 | 4)""")) {
                List<String> drops = new ArrayList<>();
                while (rs.next()) {
                    drops.add(rs.getString(1));
                    definitions.add(rs.getString(2));
                }
                for (String drop : drops) {
                    s.execute(drop);
                }
            }
            return definitions;
        }

        private void units() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "insert into org_unit (id, code, name, name_en, level, parent_id, path) values (?,?,?,?,?,?,?)")) {
                provinceId = unit(ps, 1, "JN", "国网江南省电力有限公司", "State Grid Jiangnan Electric Power", "PROVINCE", null, "/1/");
                long city = unit(ps, 2, "JN-JZ", "国网江州供电公司", "State Grid Jiangzhou Power Supply", "CITY", 1L, "/1/2/");
                countyId = unit(ps, 3, "JN-JZ-QH", "国网清河县供电公司", "State Grid Qinghe County Power Supply", "COUNTY", city, "/1/2/3/");
                String[][] stations = {{"城关供电所", "Chengguan station"}, {"东城供电所", "Dongcheng station"},
                    {"西郊供电所", "Xijiao station"}, {"开发区供电所", "Development Zone station"}};
                for (int i = 0; i < 4; i++) {
                    long id = 4 + i;
                    stationIds[i] = unit(ps, id, "JN-JZ-QH-" + (i + 1), stations[i][0], stations[i][1], "STATION",
                            countyId, "/1/2/3/" + id + "/");
                    stationPaths[i] = "/1/2/3/" + id + "/";
                }
                ps.executeBatch();
            }
        }

        private static long unit(PreparedStatement ps, long id, String code, String name, String nameEn,
                                 String level, Long parent, String path) throws SQLException {
            ps.setLong(1, id);
            ps.setString(2, code);
            ps.setString(3, name);
            ps.setString(4, nameEn);
            ps.setString(5, level);
            ps.setObject(6, parent);
            ps.setString(7, path);
            ps.addBatch();
            return id;
        }

        private void staff() throws SQLException {
            String managerHash = Passwords.hash(Login.MANAGER.password);
            try (PreparedStatement ps = c.prepareStatement("insert into app_user (id, username, password_hash, "
                    + "display_name, role, unit_id, mobile, email) values (?,?,?,?,?,?,?,?)")) {
                user(ps, Login.ADMIN.username, Passwords.hash(Login.ADMIN.password), "系统管理员 赵敏", "ADMIN", provinceId);
                String superHash = Passwords.hash(Login.SUPERVISOR.password);
                user(ps, Login.SUPERVISOR.username, superHash, "营销部主管 孙立新", "SUPERVISOR", countyId);
                user(ps, Login.STATION_SUPERVISOR.username, superHash, "城关所班长 周海涛", "SUPERVISOR", stationIds[0]);
                user(ps, Login.SCHEDULER.username, Passwords.hash(Login.SCHEDULER.password), "调度员 钱志远", "SCHEDULER", countyId);
                for (int i = 0; i < 4; i++) {
                    managersByStation.add(new long[MANAGERS / 4 + (i < MANAGERS % 4 ? 1 : 0)]);
                }
                int[] filled = new int[4];
                for (int m = 0; m < MANAGERS; m++) {
                    int station = m % 4;
                    String username = m == 0 ? Login.MANAGER.username : String.format("mgr%02d", m + 1);
                    long id = user(ps, username, managerHash, names.personName(), "ACCOUNT_MANAGER", stationIds[station]);
                    managersByStation.get(station)[filled[station]++] = id;
                }
                user(ps, Login.CUSTOMER.username, Passwords.hash(Login.CUSTOMER.password), "客户电气负责人 陈建国", "CUSTOMER",
                        stationIds[0]);
                ps.executeBatch();
            }
        }

        private long user(PreparedStatement ps, String username, String hash, String name, String role, long unit)
                throws SQLException {
            long id = ++users;
            userNames.put(id, name);
            ps.setLong(1, id);
            ps.setString(2, username);
            ps.setString(3, hash);
            ps.setString(4, name);
            ps.setString(5, role);
            ps.setLong(6, unit);
            ps.setString(7, names.mobile());
            ps.setString(8, username + "@qinghe.example.cn");
            ps.addBatch();
            return id;
        }

        private void network() throws SQLException {
            String[] subs = {"城关", "东城", "西郊", "开发区", "临港", "高新", "南湖", "北关", "金桥", "石门", "清泉", "凤凰"};
            try (PreparedStatement st = c.prepareStatement(
                    "insert into substation (id, name, voltage_kv, unit_id) values (?,?,?,?)");
                 PreparedStatement li = c.prepareStatement(
                         "insert into supply_line (id, code, name, voltage_kv, substation_id) values (?,?,?,?,?)")) {
                long lineId = 0;
                for (int s = 0; s < subs.length; s++) {
                    boolean big = s % 4 == 0;
                    st.setLong(1, s + 1);
                    st.setString(2, subs[s] + (big ? "220kV变电站" : "110kV变电站"));
                    st.setBigDecimal(3, new BigDecimal(big ? "220" : "110"));
                    st.setLong(4, stationIds[s % 4]);
                    st.addBatch();
                    int feeders = 10 + random.nextInt(6);
                    for (int f = 1; f <= feeders; f++) {
                        lineId++;
                        li.setLong(1, lineId);
                        li.setString(2, String.format("L%02d%02d", s + 1, f));
                        li.setString(3, subs[s] + (f <= 2 ? "3" : "") + String.format("%02d", f) + (f <= 2 ? "线(35kV)" : "线"));
                        li.setBigDecimal(4, new BigDecimal(f <= 2 ? "35" : "10"));
                        li.setLong(5, s + 1);
                        li.addBatch();
                        lineIds.add(lineId);
                        lineLabels.put(lineId, String.format("L%02d%02d", s + 1, f) + " " + subs[s]
                                + (f <= 2 ? "3" : "") + String.format("%02d", f) + (f <= 2 ? "线(35kV)" : "线"));
                        lineStation.add(s % 4);
                    }
                }
                st.executeBatch();
                li.executeBatch();
            }
        }

        /** The list's search copy and its columns, as the trigger customer_search_sync_trg would write it (V13). */
        private static final String SEARCH_COPY = "customer_search (id, unit_id, unit_path, manager_id, "
                + "backup_manager_id, tier, voltage_kv, importance, name, account_no, contract_capacity_kva, "
                + "annual_kwh, updated_at, search_text, search_tokens)";

        private int[] customers(Phases phases) throws SQLException {
            int contacts = 0;
            int transformers = 0;
            long contactId = 0;
            long transformerId = 0;
            long customerUser = users;
            // COPY rather than batched inserts: a million customers in minutes (CopyRows)
            // the rows are made here and sent by the writer's thread meanwhile (CopyWriter)
            if (bulk) {
                emptyForFrozenCopy();
            }
            try (SearchCopyLoad searchLoad = searchLast ? SearchCopyLoad.open() : null;
                 CopyWriter writer = copyThread ? new CopyWriter(c) : null;
                 CopyRows cu = rows("customer (id, account_no, name, credit_code, "
                    + "industry_code, industry_name, address, district, unit_id, voltage_kv, contract_capacity_kva, "
                    + "operating_capacity_kva, supply_mode, importance, tariff_category, basic_charge_mode, "
                    + "power_factor_standard, credit_rating, annual_kwh, annual_revenue_yuan, growth_rate, tier, "
                    + "manager_id, backup_manager_id, created_at, updated_at, search_text)", 27, writer);
                 CopyRows co = rows("contact (id, customer_id, name, role, mobile, "
                         + "email, accepts_sms, accepts_email, accepts_portal, quiet_from, quiet_to)", 11, writer);
                 CopyRows tr = rows("transformer (id, customer_id, name, rated_kva, "
                         + "no_load_loss_kw, load_loss_kw)", 6, writer);
                 CopyRows sl = rows("customer_supply_line (customer_id, line_id)", 2, writer);
                 CopyRows as = rows("assignment (id, customer_id, manager_id, "
                         + "backup_manager_id, valid_from, valid_to, assigned_by, reason)", 8, writer);
                 CopyRows uc = rows("user_customer (user_id, customer_id)", 2, writer);
                 CopyRows cs = searchLast ? new CopyRows(c, SEARCH_COPY, 15, searchLoad.rows())
                         : rows(SEARCH_COPY, 15, writer)) {
                long assignmentId = 0;
                int linked = 0;
                for (int i = 1; i <= customerCount; i++) {
                    DemoNames.Industry ind = DemoNames.INDUSTRIES.get(weightedIndustry());
                    int station = random.nextInt(4);
                    long[] managers = managersByStation.get(station);
                    long manager = managers[random.nextInt(managers.length)];
                    Long backup = random.nextInt(10) < 3 ? managers[(int) ((manager + 1) % managers.length)] : null;
                    if (backup != null && backup == manager) {
                        backup = null;
                    }
                    int kva = roundKva(ind.minKva() + random.nextInt(ind.maxKva() - ind.minKva() + 1));
                    boolean dual = !"NORMAL".equals(ind.importance()) || random.nextInt(10) == 0;
                    double loadRate = 0.2 + random.nextDouble() * 0.45;
                    double kwh = Math.round(kva * 0.9 * loadRate * 8760 / 100.0) * 100.0;
                    double revenue = Math.round(kwh * (0.55 + random.nextDouble() * 0.2));
                    String importance = random.nextInt(20) == 0 && "NORMAL".equals(ind.importance()) ? "SECOND"
                            : ind.importance();
                    String rating = names.creditRating();
                    double growth = Math.round((random.nextGaussian() * 0.08 + 0.03) * 1000) / 1000.0;
                    String tier = cn.keyaccount.customer.CustomerTiering.tierOf(BigDecimal.valueOf(kwh),
                            BigDecimal.valueOf(revenue), cn.keyaccount.customer.Importance.valueOf(importance), rating,
                            BigDecimal.valueOf(growth)).name();
                    String district = DemoNames.DISTRICTS[random.nextInt(DemoNames.DISTRICTS.length)];
                    String accountNo = "31" + (10_000_000 + i * 7L % 90_000_000);
                    String name = names.companyName(ind, i);
                    String creditCode = names.creditCode();
                    List<Long> supply = lines(station, dual ? 2 : 1);
                    int p = 0;
                    cu.setLong(++p, i);
                    cu.setString(++p, accountNo);
                    cu.setString(++p, name);
                    cu.setString(++p, creditCode);
                    cu.setString(++p, ind.code());
                    cu.setString(++p, ind.name());
                    cu.setString(++p, names.address(district));
                    cu.setString(++p, district);
                    cu.setLong(++p, stationIds[station]);
                    cu.setBigDecimal(++p, BigDecimal.valueOf(ind.voltageKv()));
                    cu.setBigDecimal(++p, BigDecimal.valueOf(kva));
                    cu.setBigDecimal(++p, BigDecimal.valueOf(random.nextInt(5) == 0 ? roundKva(kva * 0.8) : kva));
                    cu.setString(++p, dual ? "DUAL" : "SINGLE");
                    cu.setString(++p, importance);
                    cu.setString(++p, ind.tariff());
                    cu.setString(++p, kva >= 315 && ind.tariff().equals("大工业用电")
                            ? (random.nextBoolean() ? "CAPACITY" : random.nextBoolean() ? "CONTRACT_DEMAND" : "ACTUAL_DEMAND")
                            : "NONE");
                    cu.setBigDecimal(++p, new BigDecimal(ind.tariff().startsWith("农业") ? "0.80"
                            : kva > 160 && ind.voltageKv() >= 10 && ind.tariff().equals("大工业用电") ? "0.90" : "0.85"));
                    cu.setString(++p, rating);
                    cu.setBigDecimal(++p, BigDecimal.valueOf(kwh));
                    cu.setBigDecimal(++p, BigDecimal.valueOf(revenue));
                    cu.setBigDecimal(++p, BigDecimal.valueOf(growth));
                    cu.setString(++p, tier);
                    cu.setLong(++p, manager);
                    cu.setObject(++p, backup);
                    cu.setTimestamp(++p, now);
                    cu.setTimestamp(++p, now);
                    List<String> words = new ArrayList<>(List.of(accountNo, name, creditCode, ind.code(), ind.name(),
                            district, userNames.get(manager)));
                    if (backup != null) {
                        words.add(userNames.get(backup));
                    }
                    words.add(String.join(" ", supply.stream().sorted().map(lineLabels::get).toList()));
                    String searchText = String.join(" ", words).toLowerCase();
                    cu.setString(++p, searchText);
                    cu.addBatch();
                    if (bulk) {
                        Object[] copy = {(long) i, stationIds[station], stationPaths[station], manager, backup, tier,
                            BigDecimal.valueOf(ind.voltageKv()), importance, name, accountNo, BigDecimal.valueOf(kva),
                            BigDecimal.valueOf(kwh), now, searchText,
                            SearchTokens.of(searchText)};
                        for (int k = 0; k < copy.length; k++) {
                            cs.setObject(k + 1, copy[k]);
                        }
                        cs.addBatch();
                    }

                    for (long line : supply) {
                        sl.setLong(1, i);
                        sl.setLong(2, line);
                        sl.addBatch();
                    }
                    int contactCount = 2 + random.nextInt(2);
                    for (int k = 0; k < contactCount; k++) {
                        contacts++;
                        co.setLong(1, ++contactId);
                        co.setLong(2, i);
                        co.setString(3, names.personName());
                        co.setString(4, DemoNames.CONTACT_ROLES[k % DemoNames.CONTACT_ROLES.length]);
                        co.setString(5, names.mobile());
                        co.setString(6, "contact" + contactId + "@customer.example.cn");
                        co.setBoolean(7, random.nextInt(10) > 0);
                        co.setBoolean(8, true);
                        co.setBoolean(9, true);
                        boolean quiet = random.nextInt(3) == 0;
                        co.setObject(10, quiet ? java.time.LocalTime.of(22, 0) : null);
                        co.setObject(11, quiet ? java.time.LocalTime.of(7, 30) : null);
                        co.addBatch();
                    }
                    boolean link = manager == managersByStation.get(0)[0] && linked < 2 && station == 0;
                    List<DemoNames.TransformerType> units = transformersFor(kva, link);
                    for (int k = 0; k < units.size(); k++) {
                        DemoNames.TransformerType t = units.get(k);
                        transformers++;
                        tr.setLong(1, ++transformerId);
                        tr.setLong(2, i);
                        tr.setString(3, (k + 1) + "号主变 S13-" + t.kva());
                        tr.setBigDecimal(4, BigDecimal.valueOf(t.kva()));
                        tr.setBigDecimal(5, BigDecimal.valueOf(t.p0()));
                        tr.setBigDecimal(6, BigDecimal.valueOf(t.pk()));
                        tr.addBatch();
                    }
                    Timestamp from = Timestamp.from(now.toInstant().minus(30 + random.nextInt(900), ChronoUnit.DAYS));
                    if (random.nextInt(4) == 0) {
                        long previous = managers[(int) ((manager + 2) % managers.length)];
                        if (previous != manager) {
                            assignment(as, ++assignmentId, i, previous, null,
                                    Timestamp.from(from.toInstant().minus(365, ChronoUnit.DAYS)), from, "初次建档分配");
                        }
                    }
                    assignment(as, ++assignmentId, i, manager, backup, from, null,
                            random.nextBoolean() ? "网格化管理调整" : "初次建档分配");
                    if (link) {
                        uc.setLong(1, customerUser);
                        uc.setLong(2, i);
                        uc.addBatch();
                        linked++;
                    }
                    if (i % 2000 == 0) {
                        cu.executeBatch();
                        cs.executeBatch();
                        sl.executeBatch();
                        co.executeBatch();
                        tr.executeBatch();
                        as.executeBatch();
                    }
                }
                cu.executeBatch();
                cs.executeBatch();
                sl.executeBatch();
                co.executeBatch();
                tr.executeBatch();
                as.executeBatch();
                uc.executeBatch();
                if (writer != null) {
                    phases.done("customers made (rows sent meanwhile)");
                    writer.drain();
                    phases.done("waiting for the last rows");
                    phases.copies(writer);
                } else {
                    phases.done("customers made and sent");
                }
                if (searchLoad != null) {
                    searchLoad.store(c, SEARCH_COPY, customerCount, CustomerSearchBuckets.SIZE, phases);
                }
            }
            return new int[] {contacts, transformers};
        }

        /** The rows of {@code table} sent by {@code writer} (null: at once), frozen in a bulk load. */
        private CopyRows rows(String table, int columns, CopyWriter writer) {
            return new CopyRows(c, table, columns, writer).frozen(bulk);
        }

        private void assignment(CopyRows as, long id, long customer, long manager, Long backup,
                                Timestamp from, Timestamp to, String reason) throws SQLException {
            as.setLong(1, id);
            as.setLong(2, customer);
            as.setLong(3, manager);
            as.setObject(4, backup);
            as.setTimestamp(5, from);
            as.setTimestamp(6, to);
            as.setString(7, Login.SUPERVISOR.username);
            as.setString(8, reason);
            as.addBatch();
        }

        private int weightedIndustry() {
            int r = random.nextInt(100);
            int n = DemoNames.INDUSTRIES.size();
            return r < 60 ? 2 + random.nextInt(6) : random.nextInt(n);
        }

        private static int roundKva(double kva) {
            return (int) Math.max(100, Math.round(kva / 50.0) * 50);
        }

        private List<Long> lines(int station, int count) {
            List<Long> chosen = new ArrayList<>();
            while (chosen.size() < count) {
                int idx = random.nextInt(lineIds.size());
                if (lineStation.get(idx) == station && !chosen.contains(lineIds.get(idx))) {
                    chosen.add(lineIds.get(idx));
                }
            }
            return chosen;
        }

        /**
         * One transformer, two from 2,000 kVA; the demo customer login's accounts always get two, so that the energy
         * analysis shows its load rates transformer by transformer.
         */
        private List<DemoNames.TransformerType> transformersFor(int kva, boolean customerLogin) {
            List<DemoNames.TransformerType> chosen = new ArrayList<>();
            int count = kva >= 2000 || customerLogin ? 2 : 1;
            double each = kva / (double) count;
            DemoNames.TransformerType best = DemoNames.TRANSFORMERS.get(0);
            for (DemoNames.TransformerType t : DemoNames.TRANSFORMERS) {
                if (t.kva() <= each * 1.05) {
                    best = t;
                }
            }
            for (int k = 0; k < count; k++) {
                chosen.add(best);
            }
            return chosen;
        }
    }
}
