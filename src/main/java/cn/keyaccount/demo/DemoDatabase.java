package cn.keyaccount.demo;

import cn.keyaccount.base.StartupLock;
import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.function.BooleanSupplier;

/**
 * "Is this database the demo?": the demo marker row, written by the generator in the same transaction as the demo
 * company. Every demo step asks here first and runs under the start-up lock, so that a step never runs on a real
 * deployment's data (whatever its users are called) and two nodes starting together do not both run it.
 */
@ApplicationScoped
class DemoDatabase {

    private final AgroalDataSource dataSource;
    private final StartupLock lock;

    DemoDatabase(AgroalDataSource dataSource, StartupLock lock) {
        this.dataSource = dataSource;
        this.lock = lock;
    }

    boolean isDemo() {
        return query("select exists(select 1 from demo_marker)");
    }

    /** Runs {@code work} when this database is the demo and {@code needed} says the step has not been done yet. */
    boolean step(BooleanSupplier needed, Runnable work) {
        return lock.holding(StartupLock.FIRST_START, () -> {
            if (!isDemo() || !needed.getAsBoolean()) {
                return false;
            }
            work.run();
            return true;
        });
    }

    /** The largest id of a table so far (0 when empty): what a step writes after it is the step's own. */
    long maxId(String table) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery("select coalesce(max(id), 0) from " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean query(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             var rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getBoolean(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
