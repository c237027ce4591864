package cn.keyaccount.base;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.function.Supplier;

/**
 * One decision at a time across the nodes of a deployment: a PostgreSQL session advisory lock held on a connection of
 * its own while the work runs (the work uses its own connections and commits before the lock is released), so that
 * two nodes starting together on an empty database do not both fill it.
 */
@ApplicationScoped
public class StartupLock {

    /** The key of the lock around "what does this database need at start" (demo company or first administrator). */
    public static final long FIRST_START = 0x6B61_0001L;

    private final AgroalDataSource dataSource;

    StartupLock(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    public <T> T holding(long key, Supplier<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            advisory(c, "select pg_advisory_lock(?)", key);
            try {
                return work.get();
            } finally {
                advisory(c, "select pg_advisory_unlock(?)", key);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start-up lock", e);
        }
    }

    private static void advisory(Connection c, String sql, long key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, key);
            ps.execute();
        }
    }
}
