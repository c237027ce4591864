package cn.keyaccount.energy.ui;

import cn.keyaccount.energy.EnergyAnalyzer;
import cn.keyaccount.energy.TransformerLoad;
import com.vaadin.flow.component.grid.Grid;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The transformers' load rates and losses of the analysed period: one row per transformer, saying whether its own
 * meters or a share by rating of the unmapped meters load it, and the customer's transformers together last. The
 * losses are whole kWh that add up to the total row.
 */
class TransformerGrid extends Grid<TransformerGrid.Row> {

    /** A shown row: its place (rows of equal figures stay apart), the transformer, the shown losses. */
    record Row(int index, TransformerLoad load, long lossKwh) {
    }

    private List<Row> rows = List.of();

    TransformerGrid() {
        addColumn(r -> r.load().basis() == TransformerLoad.Basis.CUSTOMER_TOTAL
                ? getTranslation("energy.transformer.total") : r.load().name())
                .setHeader(getTranslation("energy.transformer")).setFlexGrow(2);
        addColumn(r -> r.load().measured() ? getTranslation("energy.basis." + r.load().basis().name())
                : getTranslation("energy.transformer.no-readings"))
                .setHeader(getTranslation("energy.transformer.basis")).setFlexGrow(2);
        addColumn(r -> Math.round(r.load().ratedKva())).setHeader(getTranslation("energy.rated-kva"));
        addColumn(r -> rate(r.load(), r.load().maxLoadRate(), r.load().maxBand()))
                .setHeader(getTranslation("energy.max-load-rate"));
        addColumn(r -> rate(r.load(), r.load().averageLoadRate(), r.load().averageBand()))
                .setHeader(getTranslation("energy.average-load-rate"));
        addColumn(r -> percent(r.load().economicLoadRate())).setHeader(getTranslation("energy.economic-load-rate"));
        addColumn(r -> r.load().measured() ? String.valueOf(r.lossKwh()) : "—")
                .setHeader(getTranslation("energy.loss-kwh"));
        setAllRowsVisible(true);
    }

    void show(EnergyAnalyzer.Result result) {
        List<TransformerLoad> each = result.transformers();
        long[] losses = result.wholeTransformerLossKwh();
        List<Row> shown = new ArrayList<>();
        long total = 0;
        for (int i = 0; i < each.size(); i++) {
            shown.add(new Row(i, each.get(i), losses[i]));
            total += losses[i];
        }
        if (result.transformerTotal() != null) {
            shown.add(new Row(each.size(), result.transformerTotal(), total));
        }
        rows = List.copyOf(shown);
        setItems(rows);
    }

    List<Row> rows() {
        return rows;
    }

    private String rate(TransformerLoad t, double rate, TransformerLoad.LoadBand band) {
        return t.measured() ? getTranslation("energy.rate-band", percent(rate),
                getTranslation("energy.band." + band.name())) : "—";
    }

    private static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f %%", rate * 100);
    }
}
