package cn.keyaccount.energy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.Month;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/** Small hand-made tariffs for the tests. */
final class Tariffs {

    static final BasicChargeRules.Prices BASIC = new BasicChargeRules.Prices(new BigDecimal("30"), new BigDecimal("40"));

    private Tariffs() {
    }

    static TouTariff.Band band(String from, String to, TouPeriod p) {
        return new TouTariff.Band(LocalTime.parse(from), LocalTime.parse(to), p);
    }

    /** Valley 23:00–07:00 (across midnight), peak 08–11 and 18–22 with a critical peak 19–20, flat the rest. */
    static TouTariff dayNight(LocalDate from, LocalDate to, String peakPrice) {
        List<TouTariff.Band> bands = List.of(band("23:00", "07:00", TouPeriod.VALLEY),
                band("08:00", "11:00", TouPeriod.PEAK), band("18:00", "22:00", TouPeriod.PEAK),
                band("19:00", "20:00", TouPeriod.CRITICAL_PEAK));
        return new TouTariff(1, "TEST", "1-10kV", from, to, "test", "hand-made",
                List.of(new TouTariff.Season("all", EnumSet.allOf(Month.class), bands)),
                Map.of(TouPeriod.CRITICAL_PEAK, new BigDecimal("1.2"), TouPeriod.PEAK, new BigDecimal(peakPrice),
                        TouPeriod.FLAT, new BigDecimal("0.6"), TouPeriod.VALLEY, new BigDecimal("0.3")),
                BASIC);
    }

    /** One flat price all day. */
    static TouTariff flat(String price) {
        return new TouTariff(2, "TEST", "1-10kV", LocalDate.of(2000, 1, 1), null, "flat", "hand-made",
                List.of(new TouTariff.Season("all", EnumSet.allOf(Month.class), List.of())),
                Map.of(TouPeriod.PEAK, new BigDecimal(price), TouPeriod.FLAT, new BigDecimal(price),
                        TouPeriod.VALLEY, new BigDecimal(price)),
                BASIC);
    }

    /** A series of days with the same kWh and kvarh in every interval. */
    static IntervalSeries constant(LocalDate start, int days, float kwh, float kvarh) {
        float[] p = new float[days * 96];
        float[] q = new float[days * 96];
        java.util.Arrays.fill(p, kwh);
        java.util.Arrays.fill(q, kvarh);
        return new IntervalSeries(start, p, q);
    }
}
