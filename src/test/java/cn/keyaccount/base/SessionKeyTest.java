package cn.keyaccount.base;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionKeyTest {

    @TempDir
    Path dir;

    @Test
    void the_first_start_creates_a_random_key_file_beside_the_data_readable_by_the_service_user_only()
            throws Exception {
        Map<String, String> env = Map.of("KEYACCOUNT_DATA_DIR", dir.resolve("postgres").toString());
        String key = SessionKey.resolve(env::get);
        Path file = dir.resolve("session.key");
        assertTrue(Files.exists(file), "the key file sits beside the database's data folder");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertTrue(key.getBytes(StandardCharsets.UTF_8).length >= SessionKey.MIN_BYTES);
        assertEquals(key, SessionKey.resolve(env::get), "the next start reads the same key");
        Path other = Files.createDirectory(dir.resolve("other"));
        assertTrue(!key.equals(SessionKey.resolve(Map.of("KEYACCOUNT_DATA_DIR", other.resolve("pg").toString())::get)),
                "another deployment gets another key");
    }

    @Test
    void nodes_share_a_key_through_a_named_key_file_or_the_environment() throws Exception {
        Path shared = dir.resolve("shared/session.key");
        String first = SessionKey.resolve(Map.of("KEYACCOUNT_SESSION_KEY_FILE", shared.toString())::get);
        String second = SessionKey.resolve(Map.of("KEYACCOUNT_SESSION_KEY_FILE", shared.toString(),
                "KEYACCOUNT_DATA_DIR", dir.resolve("node2/postgres").toString())::get);
        assertEquals(first, second);
        String given = "a-key-from-the-secret-store-with-enough-bytes-0123";
        assertEquals(given, SessionKey.resolve(Map.of("KEYACCOUNT_SESSION_KEY", given,
                "KEYACCOUNT_SESSION_KEY_FILE", shared.toString())::get), "the environment wins over the file");
    }

    @Test
    void a_key_shorter_than_32_bytes_is_refused_with_a_message_saying_what_to_set() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> SessionKey.resolve(Map.of("KEYACCOUNT_SESSION_KEY", "short-key-of-31-bytes-012345678")::get));
        assertTrue(refused.getMessage().contains("KEYACCOUNT_SESSION_KEY"), refused.getMessage());
        assertTrue(refused.getMessage().contains("at least 32"), refused.getMessage());
    }

    @Test
    void a_short_key_file_and_the_published_former_default_are_refused() throws Exception {
        Path file = dir.resolve("session.key");
        Files.writeString(file, "too-short\n");
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> SessionKey.fromFile(file));
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> SessionKey.resolve(
                Map.of("KEYACCOUNT_SESSION_KEY", SessionKey.RETIRED_DEFAULT)::get));
    }
}
