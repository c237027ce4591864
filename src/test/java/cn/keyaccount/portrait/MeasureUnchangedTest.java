package cn.keyaccount.portrait;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.energy.IntervalSeries;
import java.lang.management.ManagementFactory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * The one-pass measure ({@link CustomerYear}, {@link TypicalShapes}, {@link CustomerFigures}) against the code it
 * replaced ({@link LegacyMeasure}) on the same readings: shapes, levels, figures, months and tags to the last bit, and
 * the same segments — over customer-years with the faults real data has (gaps, missing days, spikes, flat and zero
 * days, no reactive meter, holidays, part years, ties).
 */
class MeasureUnchangedTest {

    private static final TagRules RULES = new TagRules(TagRules.Settings.DEFAULTS);

    /** A customer-year of one of six load shapes, with faults drawn at random. */
    static IntervalSeries year(Random r, LocalDate start, int days) {
        IntervalSeries s = IntervalSeries.empty(start, start.plusDays(days - 1));
        int shape = r.nextInt(6);
        double level = 5 + r.nextDouble() * 2000;
        boolean reactiveMeter = r.nextInt(4) > 0;
        boolean quantised = r.nextBoolean(); // readings rounded to 0.1 kWh: many ties in the medians
        for (int d = 0; d < days; d++) {
            LocalDate day = start.plusDays(d);
            boolean weekend = day.getDayOfWeek().getValue() >= 6;
            double season = 1 + 0.3 * Math.cos((day.getDayOfYear() - 15) / 365.0 * 2 * Math.PI) * (shape == 5 ? 2 : 1);
            int fault = r.nextInt(60);
            for (int k = 0; k < 96; k++) {
                int h = k / 4;
                double kw = switch (shape) {
                    case 0 -> 100;
                    case 1 -> h >= 8 && h < 18 ? 100 : 20;
                    case 2 -> h >= 22 || h < 6 ? 100 : 30;
                    case 3 -> (h >= 8 && h < 12) || (h >= 14 && h < 18) ? 100 : 25;
                    case 4 -> h >= 17 && h < 23 ? 90 : 15;
                    default -> 60;
                };
                kw *= level / 100 * season * (weekend ? 0.4 : 1) * (1 + r.nextGaussian() * 0.08);
                float kwh = (float) Math.max(0, kw / 4);
                if (quantised) {
                    kwh = Math.round(kwh * 10) / 10f;
                }
                s.kwh()[d * 96 + k] = kwh;
                s.kvarh()[d * 96 + k] = reactiveMeter ? (float) (kwh * (0.2 + 0.4 * r.nextDouble())) : 0;
            }
            switch (fault) {
                case 0 -> Arrays.fill(s.kwh(), d * 96, d * 96 + 96, Float.NaN); // a day missing
                case 1 -> Arrays.fill(s.kwh(), d * 96 + r.nextInt(48), d * 96 + 96, Float.NaN); // cut off
                case 2 -> s.kwh()[d * 96 + r.nextInt(96)] *= 50; // a spike
                case 3 -> Arrays.fill(s.kwh(), d * 96, d * 96 + 96, 0f); // a stopped plant
                case 4 -> s.kwh()[d * 96 + r.nextInt(96)] = Float.NaN; // one reading missing
                case 5 -> Arrays.fill(s.kvarh(), d * 96, d * 96 + 96, Float.NaN); // reactive channel missing
                case 6 -> Arrays.fill(s.kwh(), d * 96, d * 96 + 96, 3.25f); // a stuck meter
                default -> { }
            }
        }
        if (r.nextInt(10) == 0) { // a meter fitted late: the first months empty
            Arrays.fill(s.kwh(), 0, Math.min(s.size(), 96 * r.nextInt(days)), Float.NaN);
        }
        return s;
    }

    /** Weekends and a handful of holidays drawn at random, with a worked Saturday. */
    static Predicate<LocalDate> calendar(Random r, LocalDate start) {
        Set<LocalDate> holidays = new HashSet<>();
        for (int i = 0; i < 12; i++) {
            holidays.add(start.plusDays(r.nextInt(365)));
        }
        LocalDate workedSaturday = start.plusDays(r.nextInt(365));
        return d -> d.equals(workedSaturday) || (d.getDayOfWeek().getValue() <= 5 && !holidays.contains(d));
    }

    @Test
    void the_one_pass_measure_gives_the_same_shapes_figures_tags_and_segments_as_the_code_it_replaced() {
        Random r = new Random(20_261_207);
        List<double[]> before = new ArrayList<>();
        List<double[]> after = new ArrayList<>();
        int compared = 0;
        for (int i = 0; i < 240; i++) {
            LocalDate start = LocalDate.of(2025, 1, 1).plusDays(r.nextInt(365));
            int days = i % 8 == 0 ? 10 + r.nextInt(60) : 300 + r.nextInt(66); // some too short for a shape
            IntervalSeries s = year(r, start, days);
            Predicate<LocalDate> workday = calendar(r, start);
            TypicalShapes.Settings settings = i % 5 == 0 ? new TypicalShapes.Settings(28, 80, 3)
                    : TypicalShapes.Settings.DEFAULTS;
            double capacity = i % 7 == 0 ? 0 : 50 + r.nextDouble() * 3000;
            double pfStandard = new double[] {0.9, 0.85, 0.8}[i % 3];

            TypicalShapes.Result old = LegacyMeasure.shapes(s, workday, settings);
            CustomerFigures oldFigures = LegacyMeasure.figures(s, old, capacity, 1e6, 0.12);
            CustomerYear year = CustomerYear.of(s);
            TypicalShapes.Result now = TypicalShapes.of(year, workday, settings);
            CustomerFigures nowFigures = CustomerFigures.of(year, now, capacity, 1e6, 0.12);

            String who = "customer-year " + i + " from " + start + ", " + days + " days";
            assertSameShapes(old, now, who);
            assertEquals(oldFigures, nowFigures, who); // records: doubles compared bit for bit
            assertEquals(RULES.tags(oldFigures, i % 2 == 0, pfStandard), RULES.tags(nowFigures, i % 2 == 0,
                    pfStandard), who);
            if (old.enough(settings)) {
                before.add(LoadFeatures.of(old));
                after.add(LoadFeatures.of(now));
            }
            compared++;
        }
        assertEquals(240, compared);
        assertTrue(before.size() > 150, "customers segmented: " + before.size());
        SegmentClustering clustering = new SegmentClustering(SegmentClustering.Settings.DEFAULTS);
        SegmentClustering.Outcome a = clustering.cluster(before);
        SegmentClustering.Outcome b = clustering.cluster(after);
        assertEquals(a.k(), b.k());
        assertEquals(a.silhouettes(), b.silhouettes());
        assertArrayEquals(a.assignment(), b.assignment());
        assertArrayEquals(a.distances(), b.distances(), 0.0);
    }

    /** The same usable days, levels and shapes in the same order, every point to the last bit. */
    static void assertSameShapes(TypicalShapes.Result old, TypicalShapes.Result now, String who) {
        assertEquals(old.usableDays(), now.usableDays(), who);
        assertArrayEquals(old.seasonLevels(), now.seasonLevels(), 0.0, who);
        assertEquals(Double.doubleToLongBits(old.restLevel()), Double.doubleToLongBits(now.restLevel()), who);
        assertEquals(old.shapes().size(), now.shapes().size(), who);
        for (int k = 0; k < old.shapes().size(); k++) {
            TypicalShapes.Shape a = old.shapes().get(k);
            TypicalShapes.Shape b = now.shapes().get(k);
            assertEquals(a.season() + " " + a.dayType() + " " + a.days(),
                    b.season() + " " + b.dayType() + " " + b.days(), who);
            assertArrayEquals(a.points(), b.points(), 0f, who + " " + a.season() + " " + a.dayType());
        }
    }

    @Test
    void the_median_by_selection_is_the_median_by_sorting_with_ties_and_any_length() {
        Random r = new Random(5);
        for (int round = 0; round < 20_000; round++) {
            int n = 1 + r.nextInt(round < 10_000 ? 40 : 400);
            float[] a = new float[n];
            int distinct = 1 + r.nextInt(round % 3 == 0 ? 3 : 1000);
            for (int i = 0; i < n; i++) {
                a[i] = r.nextInt(distinct) * 0.25f - (round % 4 == 0 ? 10 : 0);
            }
            float[] sorted = a.clone();
            Arrays.sort(sorted);
            float expected = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
            assertEquals(expected, TypicalShapes.median(a.clone(), n), 0f, "round " + round + ", n " + n);
            int k = r.nextInt(n);
            assertEquals(sorted[k], TypicalShapes.select(a.clone(), n, k), 0f, "select " + k + " of " + n);
        }
    }

    @Test
    void measuring_a_customer_year_makes_no_object_per_reading() {
        Random r = new Random(11);
        IntervalSeries s = year(r, LocalDate.of(2025, 12, 1), 365);
        Predicate<LocalDate> workday = d -> d.getDayOfWeek().getValue() <= 5;
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long bytes = Long.MAX_VALUE;
        for (int round = 0; round < 20; round++) { // warm, then the least of the rounds
            long before = threads.getCurrentThreadAllocatedBytes();
            CustomerYear year = CustomerYear.of(s);
            TypicalShapes.Result shapes = TypicalShapes.of(year, workday, TypicalShapes.Settings.DEFAULTS);
            CustomerFigures figures = CustomerFigures.of(year, shapes, 1000, 1e6, 0.05);
            RULES.tags(figures, false, 0.9);
            bytes = Math.min(bytes, threads.getCurrentThreadAllocatedBytes() - before);
        }
        // 35,040 readings: one object of 16 bytes each would already be 560 kB; the shapes and day arrays are ~30 kB
        assertTrue(bytes < 200_000, "a customer-year allocates " + bytes + " bytes");
    }
}
