package cn.keyaccount.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.EmbeddedDatabase;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * deploy/backup and deploy/restore for the embedded server's data folder (small installations): the application's
 * schema (every migration) and rows in it survive backup, removal and restore; the backup refuses a running server.
 * The pg_dump path needs a pg_dump of the embedded server's major version (17), which neither the zonky binaries nor
 * Debian 12 provide; deploy/cluster-check proves it against PostgreSQL 15 with the demo company.
 */
class DataFolderBackupTest {

    @TempDir
    Path dir;

    @Test
    void a_stopped_data_folder_backed_up_and_restored_holds_the_same_schema_and_rows() throws Exception {
        Path data = dir.resolve("data/postgres");
        Files.writeString(Files.createDirectories(dir.resolve("data")).resolve("session.key"), "k".repeat(44) + "\n");
        String before;
        try (EmbeddedDatabase db = EmbeddedDatabase.persistent(data)) {
            Flyway.configure().dataSource(db.jdbcUrl(), "postgres", "postgres").load().migrate();
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), "postgres", "postgres");
                 Statement s = c.createStatement()) {
                s.execute("create table backup_probe (id int primary key, name text)");
                s.execute("insert into backup_probe select g, '客户' || g from generate_series(1, 1000) g");
            }
            before = fingerprint(db.jdbcUrl());
            Process refused = script("deploy/backup", "--data-dir", data.toString(), dir.resolve("running.tar.gz").toString());
            String said = output(refused);
            assertNotEquals(0, refused.exitValue(), "a running server's folder is not backed up");
            assertTrue(said.contains("stop the application first"), said);
        }
        Path archive = dir.resolve("keyaccount.tar.gz");
        Process backup = script("deploy/backup", "--data-dir", data.toString(), archive.toString());
        assertEquals(0, backup.exitValue(), output(backup));

        Path restored = dir.resolve("elsewhere/postgres");
        Process restore = script("deploy/restore", "--data-dir", restored.toString(), archive.toString());
        assertEquals(0, restore.exitValue(), output(restore));
        assertEquals("k".repeat(44), Files.readString(dir.resolve("elsewhere/session.key")).strip(),
                "the session key file comes back beside the data folder");
        Process again = script("deploy/restore", "--data-dir", restored.toString(), archive.toString());
        assertNotEquals(0, again.exitValue(), "a restore never writes over a data folder");
        try (EmbeddedDatabase db = EmbeddedDatabase.persistent(restored)) {
            assertEquals(before, fingerprint(db.jdbcUrl()));
        }
    }

    /** Every migration applied, and every row of the probe table (count and checksum). */
    private static String fingerprint(String url) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres"); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select (select count(*) || ':' || max(version::numeric) from flyway_schema_history"
                     + " where success), (select count(*) || ':' || md5(string_agg(t::text, '|' order by id))"
                     + " from backup_probe t)")) {
            rs.next();
            return rs.getString(1) + " " + rs.getString(2);
        }
    }

    private static Process script(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " did not finish within 2 minutes");
        }
        return p;
    }

    private static String output(Process p) throws IOException {
        return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
