package cn.keyaccount.servicerequest;

import cn.keyaccount.base.EditableFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the service levels come from. With {@code keyaccount.service-request.levels-file}
 * ({@code KEYACCOUNT_SERVICE_LEVELS}) set, that file: an administrator edits it in place and the next request reads
 * it again, no release needed; a broken edit is refused with a log line and the last good levels are kept.
 * Otherwise the copy shipped in {@code scheduler/service-levels.properties}. As the holiday calendar's source does.
 */
@ApplicationScoped
class ServiceLevelSource {

    static final String BUNDLED = "scheduler/service-levels.properties";

    private final EditableFile<ServiceLevels> file;

    ServiceLevelSource(@ConfigProperty(name = "keyaccount.service-request.levels-file") Optional<String> file) {
        this.file = new EditableFile<>("Service levels", file, BUNDLED, ServiceLevels::parse,
                l -> "version " + l.version());
    }

    ServiceLevels current() {
        return file.current();
    }

    static ServiceLevels bundled() {
        return EditableFile.bundled(BUNDLED, ServiceLevels::parse);
    }
}
