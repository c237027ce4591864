package cn.keyaccount.application;

import jakarta.enterprise.context.ApplicationScoped;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where the application limits come from: with {@code keyaccount.application.limits-file}
 * ({@code KEYACCOUNT_APPLICATION_LIMITS}) set, that file, read again when it changes (an administrator edits it, no
 * release needed); a broken edit is refused with a log line and the last good limits stay. Otherwise the copy shipped
 * in {@code scheduler/application-limits.csv}. A new application takes the limits in force when it is accepted.
 */
@ApplicationScoped
public class ApplicationLimitsSource {

    static final String BUNDLED = "scheduler/application-limits.csv";
    private static final Logger LOG = Logger.getLogger(ApplicationLimitsSource.class);

    private final Optional<String> file;
    private ApplicationLimits cached;
    private FileTime cachedModified;

    ApplicationLimitsSource(@ConfigProperty(name = "keyaccount.application.limits-file") Optional<String> file) {
        this.file = file;
    }

    public String origin() {
        return file.orElse("classpath:" + BUNDLED);
    }

    public synchronized ApplicationLimits current() {
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            try {
                FileTime modified = Files.getLastModifiedTime(path);
                if (cached == null || !modified.equals(cachedModified)) {
                    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                        cached = ApplicationLimits.parse(r);
                        cachedModified = modified;
                        LOG.infof("Application limits version %s read from %s", cached.version(), path);
                    }
                }
                return cached;
            } catch (IOException e) {
                if (cached != null) {
                    LOG.errorf("Application limits %s refused (%s); keeping version %s", path, e.getMessage(),
                            cached.version());
                    return cached;
                }
                LOG.errorf("Application limits %s refused (%s); using the shipped ones", path, e.getMessage());
            }
        }
        if (cached == null) {
            cached = bundled();
        }
        return cached;
    }

    static ApplicationLimits bundled() {
        try (InputStream in = ApplicationLimitsSource.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("Application limits missing from the classpath: " + BUNDLED);
            }
            return ApplicationLimits.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
