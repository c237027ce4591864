package cn.keyaccount.base.calendar;

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
 * Where the visit planner and the outage notice planner get the working-day calendar. With {@code
 * keyaccount.calendar.file} ({@code KEYACCOUNT_CALENDAR}) set, that file: an
 * administrator updates it in place (e.g. adds 2027 once the State Council publishes it) and the next planning run
 * reads it again, no release needed; a broken edit is refused with a log message and the last good calendar is kept.
 * Otherwise the copy shipped in {@code scheduler/calendar/cn-workdays.csv}. The old name {@code
 * keyaccount.visit.calendar-file} ({@code KEYACCOUNT_VISIT_CALENDAR}) is still read when the new one is unset, with a
 * deprecation line in the log.
 */
@ApplicationScoped
public class WorkCalendarSource {

    static final String BUNDLED = "scheduler/calendar/cn-workdays.csv";
    private static final Logger LOG = Logger.getLogger(WorkCalendarSource.class);

    private final Optional<String> calendarFile;
    private WorkCalendar cached;
    private FileTime cachedModified;

    WorkCalendarSource(@ConfigProperty(name = "keyaccount.calendar.file") Optional<String> calendarFile,
                       @ConfigProperty(name = "keyaccount.visit.calendar-file") Optional<String> oldCalendarFile) {
        this.calendarFile = file(calendarFile, oldCalendarFile);
    }

    /** The calendar file named by the new setting, else by the old one (with a deprecation line), else none. */
    static Optional<String> file(Optional<String> calendarFile, Optional<String> oldCalendarFile) {
        if (calendarFile.isPresent() || oldCalendarFile.isEmpty()) {
            return calendarFile;
        }
        LOG.warnf("keyaccount.visit.calendar-file (KEYACCOUNT_VISIT_CALENDAR) is deprecated: set keyaccount.calendar.file "
                + "(KEYACCOUNT_CALENDAR) instead; reading %s for now", oldCalendarFile.get());
        return oldCalendarFile;
    }

    /** A description of where the calendar comes from, for screens and logs. */
    public String origin() {
        return calendarFile.orElse("classpath:" + BUNDLED);
    }

    public synchronized WorkCalendar current() {
        if (calendarFile.isPresent()) {
            Path file = Path.of(calendarFile.get());
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

    public static WorkCalendar bundled() {
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
