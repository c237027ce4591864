package cn.keyaccount.base;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * The key that encrypts the sign-in cookie. Whoever knows it can sign in as anyone, so there is no built-in value:
 * it comes from KEYACCOUNT_SESSION_KEY, or from a key file (KEYACCOUNT_SESSION_KEY_FILE, default session.key beside
 * the embedded database's data folder) that the first start fills with 32 random bytes, readable by the service
 * user only. Every node of one deployment must use the same key (the same value or a copy of the same file).
 */
public final class SessionKey {

    /** The Quarkus setting this fills. */
    public static final String PROPERTY = "quarkus.http.auth.session.encryption-key";
    public static final int MIN_BYTES = 32;
    /** The value that earlier versions shipped as a default: published, so never accepted. */
    public static final String RETIRED_DEFAULT = "dev-only-key-change-me-in-production-0123456789";

    private static final Logger LOG = Logger.getLogger(SessionKey.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SessionKey() {
    }

    /**
     * The key from the environment ({@code env} looks up KEYACCOUNT_SESSION_KEY, KEYACCOUNT_SESSION_KEY_FILE and
     * KEYACCOUNT_DATA_DIR), else from the key file, which is created when missing.
     */
    public static String resolve(UnaryOperator<String> env) {
        String given = env.apply("KEYACCOUNT_SESSION_KEY");
        if (given != null && !given.isBlank()) {
            return check(given, "KEYACCOUNT_SESSION_KEY");
        }
        return fromFile(keyFile(env));
    }

    /** KEYACCOUNT_SESSION_KEY_FILE, else session.key in the folder that holds the database's data folder. */
    static Path keyFile(UnaryOperator<String> env) {
        String file = env.apply("KEYACCOUNT_SESSION_KEY_FILE");
        if (file != null && !file.isBlank()) {
            return Path.of(file).toAbsolutePath();
        }
        String data = env.apply("KEYACCOUNT_DATA_DIR");
        Path dataDir = Path.of(data == null || data.isBlank() ? "data/postgres" : data).toAbsolutePath();
        return dataDir.resolveSibling("session.key");
    }

    /** Reads the key file, or creates it with a random key (only one of several nodes starting at once wins). */
    public static String fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            warnWhenOthersMayRead(file);
            return check(Files.readString(file, StandardCharsets.UTF_8).strip(), "the key file " + file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the session key file " + file
                    + " (set KEYACCOUNT_SESSION_KEY or KEYACCOUNT_SESSION_KEY_FILE)", e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] random = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(random);
        String key = Base64.getEncoder().encodeToString(random);
        if (file.getParent() != null) {
            Files.createDirectories(file.getParent());
        }
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), ".session-key", ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        try {
            Files.writeString(temp, key + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            Files.createLink(file, temp);
            LOG.infof("Created the session key file %s (readable by this user only). Every node of this deployment"
                    + " needs the same key: copy this file or set KEYACCOUNT_SESSION_KEY on each node.", file);
        } catch (FileAlreadyExistsException another) {
            LOG.debugf("Another node created %s first; using its key", file);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void warnWhenOthersMayRead(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = EnumSet.copyOf(Files.getPosixFilePermissions(file));
            permissions.removeAll(OWNER_ONLY);
            permissions.remove(PosixFilePermission.OWNER_EXECUTE);
            if (!permissions.isEmpty()) {
                LOG.warnf("The session key file %s may be read by other users (%s): whoever reads it can sign in as"
                        + " anyone. Make it readable by the service user only (chmod 600).", file,
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            }
        } catch (UnsupportedOperationException notPosix) {
            LOG.warnf("%s is on a file system without POSIX permissions: make sure only the service user can read it", file);
        }
    }

    /** Refuses a key that is too short or the published former default; returns the key. */
    public static String check(String key, String source) {
        if (key == null || key.isBlank()) {
            throw new IllegalStateException("No session key: " + source + " is empty. Set KEYACCOUNT_SESSION_KEY to"
                    + " at least " + MIN_BYTES + " random bytes (e.g. `openssl rand -base64 32`).");
        }
        if (RETIRED_DEFAULT.equals(key)) {
            throw new IllegalStateException("The session key from " + source + " is the published former default"
                    + " and would let anyone sign in as anyone. Set KEYACCOUNT_SESSION_KEY to a new random value"
                    + " (e.g. `openssl rand -base64 32`).");
        }
        int bytes = key.getBytes(StandardCharsets.UTF_8).length;
        if (bytes < MIN_BYTES) {
            throw new IllegalStateException("The session key from " + source + " has " + bytes + " bytes; it needs"
                    + " at least " + MIN_BYTES + " (e.g. `openssl rand -base64 32`).");
        }
        return key;
    }
}
