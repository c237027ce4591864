package cn.keyaccount.application;

import cn.keyaccount.base.EditableFile;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the application limits come from: with {@code keyaccount.application.limits-file}
 * ({@code KEYACCOUNT_APPLICATION_LIMITS}) set, that file, read again when it changes (an administrator edits it, no
 * release needed); a broken edit is refused with a log line and the last good limits stay. Otherwise the copy shipped
 * in {@code scheduler/application-limits.csv}. A new application takes the limits in force when it is accepted.
 */
@ApplicationScoped
public class ApplicationLimitsSource {

    static final String BUNDLED = "scheduler/application-limits.csv";

    private final EditableFile<ApplicationLimits> file;

    ApplicationLimitsSource(@ConfigProperty(name = "keyaccount.application.limits-file") Optional<String> file) {
        this.file = new EditableFile<>("Application limits", file, BUNDLED, ApplicationLimits::parse,
                l -> "version " + l.version());
    }

    public String origin() {
        return file.origin();
    }

    public ApplicationLimits current() {
        return file.current();
    }

    static ApplicationLimits bundled() {
        return EditableFile.bundled(BUNDLED, ApplicationLimits::parse);
    }
}
