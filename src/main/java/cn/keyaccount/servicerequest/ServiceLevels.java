package cn.keyaccount.servicerequest;

import cn.keyaccount.base.calendar.WorkCalendar;
import java.io.IOException;
import java.io.Reader;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service levels (服务时限) of service requests, read from {@code scheduler/service-levels.properties} (its
 * comments cite the supplier's published commitments, 国家电网供电服务"十项承诺"). Pure: no database, no clock.
 * For each type, and where the file says so each area or service kind, at most two limits: {@code respond} (a
 * repair's crew on site, a complaint's first contact) and {@code resolve} (power restored, or the answer). Repairs
 * count calendar minutes; the rest working days of the holiday calendar, a limit of N ending at midnight after the
 * N-th working day following the day the request came in.
 */
public final class ServiceLevels {

    public enum Stage { RESPOND, RESOLVE }

    public enum Unit { MINUTES, WORKING_DAYS }

    /** One limit: an amount of calendar minutes or working days. */
    public record Limit(int amount, Unit unit) {

        /** The deadline for something that began at {@code from}. */
        public OffsetDateTime after(OffsetDateTime from, WorkCalendar calendar, ZoneId zone) {
            if (unit == Unit.MINUTES) {
                return from.plusMinutes(amount);
            }
            LocalDate day = from.atZoneSameInstant(zone).toLocalDate();
            int left = amount;
            while (left > 0) {
                day = day.plusDays(1);
                if (calendar.isWorkday(day)) {
                    left--;
                }
            }
            return day.plusDays(1).atStartOfDay(zone).toOffsetDateTime();
        }
    }

    /** A request's deadlines; either may be null where its type has no such level. */
    public record Deadlines(OffsetDateTime respondBy, OffsetDateTime resolveBy) {
    }

    private static final Pattern KEY = Pattern.compile("([A-Z_]+)(?:\\.([A-Z_]+))?\\.(respond|resolve)");
    private static final Pattern VALUE = Pattern.compile("(\\d{1,5})(m|wd)");

    private final String version;
    private final Map<String, Limit> limits;

    private ServiceLevels(String version, Map<String, Limit> limits) {
        this.version = version;
        this.limits = Map.copyOf(limits);
    }

    /**
     * Reads the file; refuses an unknown type, area or kind, a stage other than respond/resolve, a value other than
     * minutes ({@code 45m}) or working days ({@code 5wd}), a repair in working days or another type in minutes, and a
     * file without {@code version}, naming the key.
     */
    public static ServiceLevels parse(Reader in) throws IOException {
        Properties p = new Properties();
        p.load(in);
        String version = p.getProperty("version", "").strip();
        if (version.isEmpty()) {
            throw new IllegalArgumentException("service levels: no version line");
        }
        Map<String, Limit> limits = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.equals("version")) {
                continue;
            }
            Matcher k = KEY.matcher(key);
            Matcher v = VALUE.matcher(p.getProperty(key).strip());
            if (!k.matches() || !v.matches()) {
                throw new IllegalArgumentException("service levels: cannot read " + key + "=" + p.getProperty(key));
            }
            RequestType type = type(k.group(1), key);
            if (k.group(2) != null && !isArea(k.group(2)) && !isKind(k.group(2))) {
                throw new IllegalArgumentException("service levels: " + key + " names no area or service kind");
            }
            Unit unit = v.group(2).equals("m") ? Unit.MINUTES : Unit.WORKING_DAYS;
            if ((type == RequestType.REPAIR) != (unit == Unit.MINUTES)) {
                throw new IllegalArgumentException("service levels: " + key + " - repairs count minutes (m), "
                        + "the other types working days (wd)");
            }
            limits.put(key, new Limit(Integer.parseInt(v.group(1)), unit));
        }
        return new ServiceLevels(version, limits);
    }

    public String version() {
        return version;
    }

    /** The limit for a request: the area's, else the service kind's, else the type's; empty when none. */
    public Optional<Limit> limit(RequestType type, ServiceKind kind, ServiceArea area, Stage stage) {
        String s = stage.name().toLowerCase(Locale.ROOT);
        Limit found = limits.get(type + "." + area + "." + s);
        if (found == null && kind != null) {
            found = limits.get(type + "." + kind + "." + s);
        }
        if (found == null) {
            found = limits.get(type + "." + s);
        }
        return Optional.ofNullable(found);
    }

    /** The deadlines of a request received at {@code opened}. */
    public Deadlines deadlines(RequestType type, ServiceKind kind, ServiceArea area, OffsetDateTime opened,
                               WorkCalendar calendar, ZoneId zone) {
        return new Deadlines(
                limit(type, kind, area, Stage.RESPOND).map(l -> l.after(opened, calendar, zone)).orElse(null),
                limit(type, kind, area, Stage.RESOLVE).map(l -> l.after(opened, calendar, zone)).orElse(null));
    }

    /** When the owner is warned: after four fifths of the time from {@code opened} to {@code due}. */
    public static OffsetDateTime warnAt(OffsetDateTime opened, OffsetDateTime due) {
        if (due == null) {
            return null;
        }
        long seconds = Duration.between(opened, due).toSeconds();
        return opened.plusSeconds(seconds * 4 / 5);
    }

    private static RequestType type(String name, String key) {
        for (RequestType t : RequestType.values()) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        throw new IllegalArgumentException("service levels: " + key + " names no request type");
    }

    private static boolean isArea(String name) {
        for (ServiceArea a : ServiceArea.values()) {
            if (a.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isKind(String name) {
        for (ServiceKind k : ServiceKind.values()) {
            if (k.name().equals(name)) {
                return true;
            }
        }
        return false;
    }
}
