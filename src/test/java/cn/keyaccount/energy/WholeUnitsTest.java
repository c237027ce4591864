package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class WholeUnitsTest {

    @Test
    void three_halves_show_as_two_not_three() {
        assertEquals(2, WholeUnits.total(0.5, 0.5, 0.5));
        long[] parts = WholeUnits.apportion(0.5, 0.5, 0.5);
        assertArrayEquals(new long[] {1, 1, 0}, parts, "ties go to the earlier part");
    }

    @Test
    void the_largest_remainders_get_the_missing_units() {
        // 10.2 + 20.7 + 30.6 = 61.5 → 62: floors 10 + 20 + 30 = 60, the two largest remainders (0.7, 0.6) get one each
        assertArrayEquals(new long[] {10, 21, 31}, WholeUnits.apportion(10.2, 20.7, 30.6));
    }

    @Test
    void parts_add_up_to_a_given_total_and_each_is_within_one_unit_of_its_value() {
        Random random = new Random(7);
        for (int run = 0; run < 1000; run++) {
            double[] parts = random.doubles(1 + random.nextInt(12), 0, 50_000).toArray();
            long[] whole = WholeUnits.apportion(parts);
            assertEquals(WholeUnits.total(parts), Arrays.stream(whole).sum());
            long shownElsewhere = (long) Math.floor(Arrays.stream(parts).sum()) + random.nextInt(2);
            long[] toGiven = WholeUnits.apportion(shownElsewhere, parts);
            assertEquals(shownElsewhere, Arrays.stream(toGiven).sum());
            for (int i = 0; i < parts.length; i++) {
                assertTrue(Math.abs(whole[i] - parts[i]) < 1 && Math.abs(toGiven[i] - parts[i]) < 1,
                        parts[i] + " shown as " + whole[i] + " / " + toGiven[i]);
            }
        }
    }

    @Test
    void a_map_keeps_its_keys_and_order() {
        Map<String, Double> months = new LinkedHashMap<>();
        months.put("2025-01", 100.4);
        months.put("2025-02", 200.4);
        months.put("2025-03", 300.4);
        Map<String, Long> shown = WholeUnits.apportion(months);
        assertEquals(List.of("2025-01", "2025-02", "2025-03"), List.copyOf(shown.keySet()));
        assertEquals(601, shown.values().stream().mapToLong(Long::longValue).sum()); // 601.2
    }
}
