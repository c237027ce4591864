package cn.keyaccount.base.calendar;

import cn.keyaccount.base.EditableFile;
import jakarta.enterprise.context.ApplicationScoped;
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

    private final EditableFile<WorkCalendar> file;

    WorkCalendarSource(@ConfigProperty(name = "keyaccount.calendar.file") Optional<String> calendarFile,
                       @ConfigProperty(name = "keyaccount.visit.calendar-file") Optional<String> oldCalendarFile) {
        this.file = new EditableFile<>("Holiday calendar", file(calendarFile, oldCalendarFile), BUNDLED,
                WorkCalendar::parse, c -> "covers " + c.coveredYears());
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
        return file.origin();
    }

    public WorkCalendar current() {
        return file.current();
    }

    public static WorkCalendar bundled() {
        return EditableFile.bundled(BUNDLED, WorkCalendar::parse);
    }
}
