package cn.keyaccount.customer;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Validation;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Everything that happened with one customer, newest first: the {@link TimelineSource}s of the features merged by
 * time. Paged by a cursor rather than an offset, so that a deep page costs what the first does: each source reads at
 * most one page beyond the cursor in one statement, and the merge keeps the newest. Entries of the same moment are
 * ordered by source key, then id descending; the cursor ({@code seconds.nanos.key.id} of the last entry shown) says
 * for each source which of them are left.
 */
@ApplicationScoped
public class CustomerTimeline {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;
    private static final Pattern CURSOR = Pattern.compile("(-?\\d{1,12})\\.(\\d{1,9})\\.([a-z-]{1,20})\\.(\\d{1,19})");
    private static final Comparator<TimelineEntry> NEWEST_FIRST = Comparator
            .comparing((TimelineEntry e) -> e.at().toInstant()).reversed()
            .thenComparing(TimelineEntry::source)
            .thenComparing(Comparator.comparingLong(TimelineEntry::id).reversed());

    private final CustomerService customers;
    private final List<TimelineSource> sources;
    private final Clock clock;

    CustomerTimeline(Clock clock, CustomerService customers, Instance<TimelineSource> sources) {
        this.clock = clock;
        this.customers = customers;
        this.sources = sources.stream().sorted(Comparator.comparing(TimelineSource::key)).toList();
    }

    /**
     * One page of the customer's timeline (404 when the customer is out of the viewer's reach).
     *
     * @param kinds  which kinds to show; empty or null: all
     * @param from   the first day (company zone), or null
     * @param to     the last day (inclusive), or null
     * @param before the cursor of the page before ({@link TimelinePage#next}), or null for the newest
     */
    @Transactional
    public TimelinePage page(Viewer viewer, long customerId, Set<TimelineKind> kinds, LocalDate from, LocalDate to,
                             String before, int size, Locale locale) {
        customers.get(viewer, customerId);
        new Validation()
                .require(size >= 1 && size <= MAX_SIZE, "size", "error.timeline-size", String.valueOf(MAX_SIZE))
                .require(from == null || to == null || !from.isAfter(to), "to", "error.timeline-period")
                .throwIfInvalid();
        Cursor cursor = Cursor.parse(before, sources);
        Set<TimelineKind> wanted = kinds == null || kinds.isEmpty() ? EnumSet.allOf(TimelineKind.class) : kinds;
        OffsetDateTime start = from == null ? null : from.atStartOfDay(clock.getZone()).toOffsetDateTime();
        OffsetDateTime end = to == null ? null : to.plusDays(1).atStartOfDay(clock.getZone()).toOffsetDateTime();
        List<TimelineEntry> merged = new ArrayList<>();
        for (TimelineSource source : sources) {
            if (wanted.contains(source.kind())) {
                merged.addAll(source.entries(new TimelineQuery(customerId, start, end,
                        cursor == null ? null : cursor.at, cursor == null ? 0 : cursor.idBoundFor(source.key()),
                        locale, size + 1)));
            }
        }
        merged.sort(NEWEST_FIRST);
        if (merged.size() <= size) {
            return new TimelinePage(List.copyOf(merged), null);
        }
        List<TimelineEntry> page = List.copyOf(merged.subList(0, size));
        return new TimelinePage(page, Cursor.of(page.getLast()));
    }

    /** Whether a cursor is written as {@link TimelinePage#next} writes one (for a 400 on a malformed parameter). */
    public static boolean wellFormedCursor(String value) {
        return value == null || value.isBlank() || CURSOR.matcher(value.trim()).matches();
    }

    private record Cursor(OffsetDateTime at, String key, long id) {

        static String of(TimelineEntry last) {
            Instant i = last.at().toInstant();
            return i.getEpochSecond() + "." + i.getNano() + "." + last.source() + "." + last.id();
        }

        static Cursor parse(String value, List<TimelineSource> sources) {
            if (value == null || value.isBlank()) {
                return null;
            }
            Matcher m = CURSOR.matcher(value.trim());
            if (!m.matches() || sources.stream().noneMatch(s -> s.key().equals(m.group(3)))) {
                throw BusinessException.invalid("error.timeline-cursor", value);
            }
            try {
                return new Cursor(Instant.ofEpochSecond(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)))
                        .atOffset(ZoneOffset.UTC), m.group(3), Long.parseLong(m.group(4)));
            } catch (RuntimeException e) { // an id beyond a long, or a moment beyond Instant's range
                throw BusinessException.invalid("error.timeline-cursor", value);
            }
        }

        /**
         * At the cursor's moment: a source ordered before the cursor's has shown all its entries of that moment, the
         * cursor's own those above its id, a source after it none.
         */
        long idBoundFor(String source) {
            int c = source.compareTo(key);
            return c < 0 ? Long.MIN_VALUE : c == 0 ? id : Long.MAX_VALUE;
        }
    }
}
