package cn.keyaccount.visit;

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
import org.jboss.logging.Logger;

/**
 * Where the planner gets its holiday calendar. With {@code keyaccount.visit.calendar-file} set, that file: an
 * administrator updates it in place (e.g. adds 2027 once the State Council publishes it) and the next planning run
 * reads it again, no release needed; a broken edit is refused with a log message and the last good calendar is kept.
 * Otherwise the copy shipped in {@code scheduler/calendar/cn-workdays.csv}.
 */
@ApplicationScoped
public class WorkCalendarSource {

    static final String BUNDLED = "scheduler/calendar/cn-workdays.csv";
    private static final Logger LOG = Logger.getLogger(WorkCalendarSource.class);

    private final VisitSettings settings;
    private WorkCalendar cached;
    private FileTime cachedModified;

    WorkCalendarSource(VisitSettings settings) {
        this.settings = settings;
    }

    /** A description of where the calendar comes from, for screens and logs. */
    public String origin() {
        return settings.calendarFile().orElse("classpath:" + BUNDLED);
    }

    public synchronized WorkCalendar current() {
        if (settings.calendarFile().isPresent()) {
            Path file = Path.of(settings.calendarFile().get());
            try {
                FileTime modified = Files.getLastModifiedTime(file);
                if (cached == null || !modified.equals(cachedModified)) {
                    try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                        cached = WorkCalendar.parse(r);
                        cachedModified = modified;
                        LOG.infof("Holiday calendar read from %s, covers %s", file, cached.coveredYears());
                    }
                }
                return cached;
            } catch (IOException e) {
                if (cached != null) {
                    LOG.errorf("Holiday calendar %s unreadable (%s); keeping the one read before", file,
                            e.getMessage());
                    return cached;
                }
                LOG.errorf("Holiday calendar %s unreadable (%s); using the bundled one", file, e.getMessage());
            }
        }
        if (cached == null) {
            cached = bundled();
        }
        return cached;
    }

    static WorkCalendar bundled() {
        try (InputStream in = WorkCalendarSource.class.getClassLoader().getResourceAsStream(BUNDLED)) {
            if (in == null) {
                throw new IllegalStateException("Holiday calendar missing from the classpath: " + BUNDLED);
            }
            return WorkCalendar.parse(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
