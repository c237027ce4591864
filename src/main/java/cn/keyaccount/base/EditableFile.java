package cn.keyaccount.base;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Rules an administrator may edit without a release (the working-day calendar, the application limits, the service
 * levels): with a file named, that file, read again when its modification time changes; a broken edit (unreadable, or
 * refused by the parser) is logged and the last good copy stays in force, or the copy shipped on the classpath when
 * there is none yet. Without a file, the shipped copy.
 *
 * @param <T> the parsed rules
 */
public final class EditableFile<T> {

    /** Reads the rules; throws (any exception) on a file it refuses, saying what and where. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(Reader in) throws IOException;
    }

    private static final Logger LOG = Logger.getLogger(EditableFile.class);

    private final String what;
    private final Optional<String> file;
    private final String bundled;
    private final Parser<T> parser;
    private final Function<T, String> describe;
    private T cached;
    private FileTime cachedModified;

    /**
     * @param what     what the rules are, for the log ("Service levels")
     * @param file     the administrator's file, if one is set
     * @param bundled  the classpath resource shipped with the release
     * @param describe a short description of a parsed copy for the log (its version, the years it covers)
     */
    public EditableFile(String what, Optional<String> file, String bundled, Parser<T> parser,
                        Function<T, String> describe) {
        this.what = what;
        this.file = file;
        this.bundled = bundled;
        this.parser = parser;
        this.describe = describe;
    }

    /** Where the rules come from, for screens and logs. */
    public String origin() {
        return file.orElse("classpath:" + bundled);
    }

    /** The rules in force now. */
    public synchronized T current() {
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            try {
                FileTime modified = Files.getLastModifiedTime(path);
                if (cached == null || !modified.equals(cachedModified)) {
                    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                        T read = parser.parse(r);
                        cached = read;
                        cachedModified = modified;
                        LOG.infof("%s (%s) read from %s", what, describe.apply(read), path);
                    }
                }
                return cached;
            } catch (IOException | RuntimeException e) {
                if (cached != null) {
                    LOG.errorf("%s %s refused (%s); keeping the copy in force (%s)", what, path, e.getMessage(),
                            describe.apply(cached));
                    // not read again until it changes: one log line per broken edit, not one per request
                    cachedModified = modifiedOrNull(path);
                    return cached;
                }
                LOG.errorf("%s %s refused (%s); using the shipped copy %s", what, path, e.getMessage(), bundled);
            }
        }
        if (cached == null) {
            cached = bundled(bundled, parser);
        }
        return cached;
    }

    private static FileTime modifiedOrNull(Path path) {
        try {
            return Files.getLastModifiedTime(path);
        } catch (IOException e) {
            return null;
        }
    }

    /** The copy shipped on the classpath; a release without it cannot start. */
    public static <T> T bundled(String resource, Parser<T> parser) {
        try (InputStream in = EditableFile.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing from the classpath: " + resource);
            }
            return parser.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
