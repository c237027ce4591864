package cn.keyaccount.application;

import cn.keyaccount.customer.SupplyMode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The working-day limits of each step by kind, voltage and single/dual supply, read from a versioned CSV
 * ({@code scheduler/application-limits.csv}: {@code # version:} and {@code # valid-from:} lines, then
 * {@code kind,voltage,supply,step,working_days,source} with {@code *} for "any"). The most specific line wins. A file
 * with a negative limit, a bad name, no version, or a step of some kind without a limit is refused whole, with the
 * line number, so that a bad edit is never half-applied. The sources of the defaults are in the file's comments.
 */
public final class ApplicationLimits {

    /** One line of the file; null fields match any value. */
    record Rule(ApplicationKind kind, VoltageClass voltage, SupplyMode supply, ApplicationStep step, int days,
                String source) {

        boolean matches(ApplicationKind k, VoltageClass v, SupplyMode s, ApplicationStep st) {
            return step == st && (kind == null || kind == k) && (voltage == null || voltage == v)
                    && (supply == null || supply == s);
        }

        int specificity() {
            return (kind == null ? 0 : 4) + (voltage == null ? 0 : 2) + (supply == null ? 0 : 1);
        }
    }

    /** A limit and where it comes from. */
    public record Limit(int workingDays, String source) {
    }

    private final String version;
    private final LocalDate validFrom;
    private final List<Rule> rules;

    private ApplicationLimits(String version, LocalDate validFrom, List<Rule> rules) {
        this.version = version;
        this.validFrom = validFrom;
        this.rules = rules.stream().sorted(Comparator.comparingInt(Rule::specificity).reversed()).toList();
    }

    public String version() {
        return version;
    }

    public LocalDate validFrom() {
        return validFrom;
    }

    /** The limit of a step; every step of every kind has one (checked when the file is read). */
    public Limit limit(ApplicationKind kind, VoltageClass voltage, SupplyMode supply, ApplicationStep step) {
        return rules.stream().filter(r -> r.matches(kind, voltage, supply, step)).findFirst()
                .map(r -> new Limit(r.days(), r.source()))
                .orElseThrow(() -> new IllegalStateException("no limit for " + kind + " " + voltage + " " + supply
                        + " " + step));
    }

    public static ApplicationLimits parse(Reader in) throws IOException {
        BufferedReader reader = new BufferedReader(in);
        String version = null;
        LocalDate validFrom = null;
        List<Rule> rules = new ArrayList<>();
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
                String lower = comment.toLowerCase(Locale.ROOT);
                if (lower.startsWith("version:")) {
                    version = comment.substring(8).strip();
                } else if (lower.startsWith("valid-from:")) {
                    validFrom = date(comment.substring(11).strip(), number);
                }
                continue;
            }
            if (text.isEmpty() || text.toLowerCase(Locale.ROOT).startsWith("kind,")) {
                continue;
            }
            rules.add(rule(text.split(",", 6), number));
        }
        if (version == null || version.isEmpty()) {
            throw new IOException("no '# version:' line");
        }
        if (validFrom == null) {
            throw new IOException("no '# valid-from:' line");
        }
        ApplicationLimits limits = new ApplicationLimits(version, validFrom, rules);
        limits.checkComplete();
        return limits;
    }

    private static Rule rule(String[] parts, int number) throws IOException {
        if (parts.length < 5) {
            throw new IOException("line " + number + ": expected kind,voltage,supply,step,working_days,source");
        }
        ApplicationKind kind = null;
        if (!any(parts[0])) {
            kind = ApplicationKind.fromSlug(parts[0]);
            if (kind == null) {
                throw new IOException("line " + number + ": unknown kind " + parts[0].strip());
            }
        }
        VoltageClass voltage = any(parts[1]) ? null : named(VoltageClass.class, parts[1], number);
        SupplyMode supply = any(parts[2]) ? null : named(SupplyMode.class, parts[2], number);
        ApplicationStep step = ApplicationStep.fromSlug(parts[3]);
        if (step == null) {
            throw new IOException("line " + number + ": unknown step " + parts[3].strip());
        }
        int days;
        try {
            days = Integer.parseInt(parts[4].strip());
        } catch (NumberFormatException e) {
            throw new IOException("line " + number + ": working_days is not a whole number: " + parts[4].strip(), e);
        }
        if (days < 0) {
            throw new IOException("line " + number + ": a limit is never negative: " + days);
        }
        return new Rule(kind, voltage, supply, step, days, parts.length > 5 ? parts[5].strip() : "");
    }

    private void checkComplete() throws IOException {
        for (ApplicationKind k : ApplicationKind.values()) {
            for (VoltageClass v : VoltageClass.values()) {
                for (SupplyMode s : SupplyMode.values()) {
                    for (ApplicationStep st : k.steps(v)) {
                        if (rules.stream().noneMatch(r -> r.matches(k, v, s, st))) {
                            throw new IOException("no limit for step " + st.slug() + " of " + k.slug() + " at "
                                    + v.name().toLowerCase(Locale.ROOT) + " voltage, "
                                    + s.name().toLowerCase(Locale.ROOT) + " supply");
                        }
                    }
                }
            }
        }
    }

    private static boolean any(String text) {
        return text.strip().equals("*");
    }

    private static <E extends Enum<E>> E named(Class<E> type, String text, int number) throws IOException {
        try {
            return Enum.valueOf(type, text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IOException("line " + number + ": unknown " + type.getSimpleName() + " " + text.strip(), e);
        }
    }

    private static LocalDate date(String text, int number) throws IOException {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IOException("line " + number + ": valid-from is not a date yyyy-MM-dd: " + text, e);
        }
    }
}
