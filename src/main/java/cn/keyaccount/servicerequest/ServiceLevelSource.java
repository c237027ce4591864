package cn.keyaccount.servicerequest;

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
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Where the service levels come from. With {@code keyaccount.service-request.levels-file}
 * ({@code KEYACCOUNT_SERVICE_LEVELS}) set, that file: an administrator edits it in place and the next request reads
 * it again, no release needed; a broken edit is refused with a log line and the last good levels are kept.
 * Otherwise the copy shipped in {@code scheduler/service-levels.properties}. As the holiday calendar's source does.
 */
@ApplicationScoped
class ServiceLevelSource {

    static final String BUNDLED = "scheduler/service-levels.properties";
    private static final Logger LOG = Logger.getLogger(ServiceLevelSource.class);

    private final Optional<String> file;
    private ServiceLevels cached;
    private FileTime cachedModified;

    ServiceLevelSource(@ConfigProperty(name = "keyaccount.service-request.levels-file") Optional<String> file) {
        this.file = file;
    }

    synchronized ServiceLevels current() {
        if (file.isPresent()) {
            Path path = Path.of(file.get());
            try {
                FileTime modified = Files.getLastModifiedTime(path);
                if (cached == null || !modified.equals(cachedModified)) {
                    try (Reader r = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
                        cached = ServiceLevels.parse(r);
                        cachedModified = modified;
                        LOG.infof("Service levels %s read from %s", cached.version(), path);
                    }
                }
                return cached;
            } catch (IOException | IllegalArgumentException e) {
                if (cached != null) {
                    LOG.errorf("Service levels %s refused (%s); keeping version %s", path, e.getMessage(),
                            cached.version());
                    return cached;
                }
                LOG.errorf("Service levels %s refused (%s); using the bundled ones", path, e.getMessage());
            }
        }
        if (cached == null) {
            cached = bundled();
        }
        return cached;
    }

    static ServiceLevels bundled() {
        try (InputStream in = ServiceLevelSource.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("Service levels missing from the classpath: " + BUNDLED);
            }
            return ServiceLevels.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
