package cn.keyaccount.energy;

import java.util.List;

/**
 * The electricity health check (用电健康体检): a score of 0–100, the weighted mean of components that each explain
 * themselves (an i18n key and its arguments). How each component is scored:
 * <ul>
 *   <li>POWER_FACTOR (weight 25): from the worst month's adjustment a (in %): a refund scales 90 → 100 at the
 *       table's largest refund, exactly the standard is 90, a surcharge costs 10 points per percent;</li>
 *   <li>LOAD_FACTOR (20): load factor / 0.8 × 100, at most 100;</li>
 *   <li>TRANSFORMER (20): band of the average load rate of the worst-loaded transformer (the lowest of these
 *       scores): economic 100, heavy 70, light 60, overload 20 (left out when no transformer is known, or none has
 *       readings of its own or to share);</li>
 *   <li>BASIC_CHARGE (15): 100 − 200 × (what the cheapest mode saves / what the current mode costs);</li>
 *   <li>PEAK_SHARE (10): share of energy in peak and critical peak: 100 up to 30 %, 0 from 70 %;</li>
 *   <li>DATA_QUALITY (10): completeness × 100, minus 2 per spike or stuck-meter run.</li>
 * </ul>
 */
public record HealthScore(int total, List<Component> components) {

    public record Component(String key, int score, int weight, String explanationKey, List<Object> args) {
    }

    static int clamp(double x) {
        return (int) Math.round(Math.max(0, Math.min(100, x)));
    }

    static HealthScore of(List<Component> components) {
        double sum = 0;
        int weights = 0;
        for (Component c : components) {
            sum += c.score() * c.weight();
            weights += c.weight();
        }
        return new HealthScore(weights == 0 ? 0 : (int) Math.round(sum / weights), List.copyOf(components));
    }
}
