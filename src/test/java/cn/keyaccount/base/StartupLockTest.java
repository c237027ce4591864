package cn.keyaccount.base;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

@QuarkusTest
class StartupLockTest {

    @Inject
    StartupLock lock;
    @Inject
    AgroalDataSource dataSource;

    private long sql(String statement) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (s.execute(statement)) {
                try (var rs = s.getResultSet()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
            return 0;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void two_nodes_starting_together_decide_one_after_the_other_so_an_empty_database_is_filled_once() throws Exception {
        String table = "startup_probe_" + System.nanoTime();
        sql("create table " + table + " (node int)");
        try {
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService nodes = Executors.newFixedThreadPool(4);
            List<Future<Boolean>> filled = new ArrayList<>();
            for (int node = 0; node < 4; node++) {
                int n = node;
                filled.add(nodes.submit(() -> {
                    start.await();
                    return lock.holding(StartupLock.FIRST_START, () -> {
                        if (sql("select count(*) from " + table) > 0) {
                            return false;
                        }
                        sql("select 1 from pg_sleep(0.3)");
                        sql("insert into " + table + " values (" + n + ")");
                        return true;
                    });
                }));
            }
            start.countDown();
            int fills = 0;
            for (Future<Boolean> f : filled) {
                fills += f.get() ? 1 : 0;
            }
            nodes.shutdown();
            assertEquals(1, fills, "one node fills, the others find it filled");
            assertEquals(1, sql("select count(*) from " + table));
        } finally {
            sql("drop table " + table);
        }
    }
}
