package cn.keyaccount.portrait;

/**
 * The vector a customer is clustered by, from its typical shapes: the working day's 24 hourly means (the year's
 * shape, mean 1), the rest day's 24 hourly means in working-day units (its shape times its level, so a plant idle at
 * weekends differs from one that runs through them), and the three season levels weighted by {@link #SEASON_WEIGHT}
 * (three numbers against 48 would otherwise hardly count; a season without data counts as level 1). Hourly rather
 * than quarter-hourly: a quarter of the work for k-means and the silhouette, and the shapes a manager tells apart
 * differ by hours, not minutes. Pure.
 */
final class LoadFeatures {

    static final double SEASON_WEIGHT = 4.0;
    /** A rest day above twice the working day's energy is counted as twice (a broken reading, not a shape). */
    static final double MAX_REST_LEVEL = 2.0;

    private LoadFeatures() {
    }

    static double[] of(TypicalShapes.Result r) {
        double[] v = new double[24 + 24 + 3];
        double[] work = ShapeNamer.hourly(r.shape(Season.YEAR, DayType.WORKDAY).points());
        System.arraycopy(work, 0, v, 0, 24);
        TypicalShapes.Shape restShape = r.shape(Season.YEAR, DayType.REST_DAY);
        double level = restLevel(r.restLevel());
        double[] rest = restShape == null ? work : ShapeNamer.hourly(restShape.points());
        for (int i = 0; i < 24; i++) {
            v[24 + i] = rest[i] * level;
        }
        for (int s = 0; s < 3; s++) {
            double l = r.seasonLevels()[s];
            v[48 + s] = (Double.isNaN(l) ? 1 : Math.min(l, 3)) * SEASON_WEIGHT;
        }
        return v;
    }

    static double restLevel(double restLevel) {
        return Double.isNaN(restLevel) ? 1 : Math.min(restLevel, MAX_REST_LEVEL);
    }
}
