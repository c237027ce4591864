package cn.keyaccount.base;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Money as people read it on every screen and in every message: yuan with two decimals and thousands separators
 * ({@code 3,237,810.50}), rounded half-up as a bill is, whatever the user's language (Chinese and English both
 * group by thousands with a comma).
 */
public final class Money {

    private Money() {
    }

    /** {@code 3237810.5} → {@code 3,237,810.50}; a missing amount is a dash. */
    public static String yuan(BigDecimal amount) {
        if (amount == null) {
            return "—";
        }
        // DecimalFormat is not thread-safe: one per call (cheap next to what a screen does with the text)
        DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(amount);
    }

    /**
     * A quantity shown beside money (kWh, kvarh, kW) grouped by thousands the same way, with only the decimals it has
     * (up to four): {@code 7500.50} → {@code 7,500.5}, {@code 12000} → {@code 12,000}; a missing one is a dash.
     */
    public static String grouped(BigDecimal quantity) {
        if (quantity == null) {
            return "—";
        }
        DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.ROOT));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(quantity);
    }
}
