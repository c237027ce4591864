package cn.keyaccount.base.calendar;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * China's working days: Monday to Friday, except public holidays, plus the weekend days worked in exchange (调休).
 * Read from a CSV of {@code date,kind,name} lines (kind {@code holiday} or {@code workday}) and a
 * {@code # covers: 2026, 2027} line naming the years it fully describes. A date in a year not covered falls back
 * to Monday-Friday: its holidays are unknown, and callers say so.
 */
public final class WorkCalendar {

    public enum Kind { HOLIDAY, WORKDAY }

    private final Map<LocalDate, Kind> exceptions;
    private final Map<LocalDate, String> names;
    private final Set<Integer> coveredYears;

    WorkCalendar(Map<LocalDate, Kind> exceptions, Map<LocalDate, String> names, Set<Integer> coveredYears) {
        this.exceptions = Map.copyOf(exceptions);
        this.names = Map.copyOf(names);
        this.coveredYears = Collections.unmodifiableSet(new TreeSet<>(coveredYears));
    }

    /** Parses the file; a malformed line fails with its line number, so that a bad edit is never half-applied. */
    public static WorkCalendar parse(Reader in) throws IOException {
        Map<LocalDate, Kind> exceptions = new HashMap<>();
        Map<LocalDate, String> names = new HashMap<>();
        Set<Integer> covered = new TreeSet<>();
        BufferedReader reader = new BufferedReader(in);
        String line;
        int number = 0;
        while ((line = reader.readLine()) != null) {
            number++;
            String text = line.strip();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            if (text.startsWith("#")) {
                String comment = text.substring(1).strip();
                if (comment.toLowerCase().startsWith("covers:")) {
                    for (String year : comment.substring(7).split("[,\\s]+")) {
                        if (!year.isBlank()) {
                            covered.add(parseYear(year, number));
                        }
                    }
                }
                continue;
            }
            if (text.isEmpty() || text.toLowerCase().startsWith("date,")) {
                continue;
            }
            String[] parts = text.split(",", 3);
            if (parts.length < 2) {
                throw new IOException("line " + number + ": expected date,kind,name");
            }
            try {
                LocalDate date = LocalDate.parse(parts[0].strip());
                Kind kind = Kind.valueOf(parts[1].strip().toUpperCase());
                exceptions.put(date, kind);
                names.put(date, parts.length > 2 ? parts[2].strip() : "");
            } catch (DateTimeParseException | IllegalArgumentException e) {
                throw new IOException("line " + number + ": " + e.getMessage(), e);
            }
        }
        return new WorkCalendar(exceptions, names, covered);
    }

    private static int parseYear(String year, int line) throws IOException {
        try {
            return Integer.parseInt(year.strip());
        } catch (NumberFormatException e) {
            throw new IOException("line " + line + ": bad year in covers: " + year, e);
        }
    }

    public boolean isWorkday(LocalDate date) {
        Kind kind = exceptions.get(date);
        if (kind != null) {
            return kind == Kind.WORKDAY;
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /** The holiday or 调休 name of a date, or null for an ordinary day. */
    public String nameOf(LocalDate date) {
        return names.get(date);
    }

    public boolean covers(LocalDate date) {
        return coveredYears.contains(date.getYear());
    }

    public Set<Integer> coveredYears() {
        return coveredYears;
    }

    /** The years between two dates (inclusive) that this calendar does not describe. */
    public Set<Integer> uncoveredYears(LocalDate from, LocalDate to) {
        Set<Integer> years = new TreeSet<>();
        for (int y = from.getYear(); y <= to.getYear(); y++) {
            if (!coveredYears.contains(y)) {
                years.add(y);
            }
        }
        return years;
    }
}
