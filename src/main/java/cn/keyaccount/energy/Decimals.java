package cn.keyaccount.energy;

/**
 * Plain decimals ("123", "0.25", " 1.5 ") read without {@link Double#parseDouble}'s general machinery: at most 15
 * significant digits and 22 decimals, so that the digits as a long and the power of ten are both exact doubles and
 * their quotient is the correctly rounded value, the same double {@code parseDouble} gives (Clinger's fast path).
 */
final class Decimals {

    private static final double[] POWERS = new double[23];

    static {
        double p = 1;
        for (int i = 0; i < POWERS.length; i++) {
            POWERS[i] = p;
            p *= 10;
        }
    }

    private Decimals() {
    }

    /** The value of a plain decimal, or NaN for anything else (sign, exponent, more digits): ask parseDouble then. */
    static double parse(String text) {
        int n = text.length();
        int i = 0;
        while (i < n && text.charAt(i) <= ' ') {
            i++;
        }
        while (n > i && text.charAt(n - 1) <= ' ') {
            n--;
        }
        if (i == n) {
            return Double.NaN;
        }
        long digits = 0;
        int significant = 0;
        int decimals = 0;
        boolean point = false;
        boolean any = false;
        for (; i < n; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                any = true;
                if (digits != 0 || c != '0') {
                    significant++;
                }
                digits = digits * 10 + (c - '0');
                if (point) {
                    decimals++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return Double.NaN;
            }
        }
        if (!any || significant > 15 || decimals >= POWERS.length) {
            return Double.NaN;
        }
        return decimals == 0 ? (double) digits : digits / POWERS[decimals];
    }
}
