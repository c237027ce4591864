package cn.keyaccount.energy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import cn.keyaccount.energy.TransformerLoad.LoadBand;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TransformerLoadTest {

    private static final AnalysisSettings S = AnalysisSettings.DEFAULTS;

    @Test
    void losses_are_no_load_loss_plus_the_squared_load_rate_times_load_loss() {
        assertEquals(3.5, TransformerLoad.loss(0.5, 1.0, 10.0), 1e-12); // 1 + 0.25 × 10
        assertEquals(1.0, TransformerLoad.loss(0, 1.0, 10.0), 1e-12);
        assertEquals(Math.sqrt(0.1), TransformerLoad.economicRate(1.0, 10.0), 1e-12);
    }

    @Test
    void bands_at_their_limits() {
        assertEquals(LoadBand.LIGHT, LoadBand.of(0.2999, 0.30, 0.70, 1.00));
        assertEquals(LoadBand.ECONOMIC, LoadBand.of(0.30, 0.30, 0.70, 1.00));
        assertEquals(LoadBand.ECONOMIC, LoadBand.of(0.6999, 0.30, 0.70, 1.00));
        assertEquals(LoadBand.HEAVY, LoadBand.of(0.70, 0.30, 0.70, 1.00));
        assertEquals(LoadBand.HEAVY, LoadBand.of(1.00, 0.30, 0.70, 1.00));
        assertEquals(LoadBand.OVERLOAD, LoadBand.of(1.0001, 0.30, 0.70, 1.00));
    }

    @Test
    void load_rate_counts_apparent_power_and_losses_add_up_over_the_intervals() {
        // 400 kW at cos φ 0.8 is 500 kVA: half of a 1,000 kVA transformer
        IntervalSeries s = Tariffs.constant(LocalDate.of(2025, 1, 1), 1, 100f, 75f);
        TransformerLoad t = TransformerLoad.of("T", TransformerLoad.Basis.METERED, s, 1, 1000, 1.0, 10.0, S);
        assertEquals(0.5, t.maxLoadRate(), 1e-12);
        assertEquals(0.5, t.averageLoadRate(), 1e-12);
        assertEquals(LoadBand.ECONOMIC, t.averageBand());
        assertEquals(3.5 * 24, t.lossKwh(), 1e-9);
        assertEquals(3.5, t.lossAtAverageKw(), 1e-12);
    }
}
