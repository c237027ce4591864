package cn.keyaccount.energy.ui;

import cn.keyaccount.energy.BasicChargeRules;
import cn.keyaccount.energy.EnergyAnalyzer;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The ways of billing the basic charge over the last twelve months of the analysed period, as the report's chapter
 * six shows them: the current way at today's values first, each other way with its own inputs and its saving
 * against the current one, and below the grid the saving written out as the current way minus the cheapest.
 */
class BasicChargeComparison extends VerticalLayout {

    final Grid<BasicChargeRules.Option> options = new Grid<>();
    final Span savingLine = new Span();
    private final Grid.Column<BasicChargeRules.Option> total;
    private BasicChargeRules.Comparison shown;

    BasicChargeComparison() {
        setPadding(false);
        setSpacing(false);
        options.addColumn(o -> getTranslation(o.nameKey(), o.nameArgs().toArray()))
                .setHeader(getTranslation("energy.basic.option")).setFlexGrow(2);
        options.addColumn(o -> getTranslation(o.inputsKey(), o.inputsArgs().toArray()))
                .setHeader(getTranslation("energy.basic.inputs")).setFlexGrow(3);
        total = options.addColumn(o -> money(o.total())).setTextAlign(ColumnTextAlign.END).setFlexGrow(2);
        options.addColumn(o -> money(o.savingAgainstCurrent()))
                .setTextAlign(ColumnTextAlign.END)
                .setHeader(getTranslation("energy.basic.saving-against-current")).setFlexGrow(2);
        options.addColumn(o -> o.current() ? "✓" : "").setHeader(getTranslation("energy.basic.current"));
        options.addColumn(o -> shown != null && o == shown.cheapest() ? "✓" : "")
                .setHeader(getTranslation("energy.basic.cheapest"));
        options.setAllRowsVisible(true);
        savingLine.setId("energy-basic-saving");
        add(new H3(getTranslation("energy.basic.title")), options, savingLine);
    }

    /** Shows the analysis's comparison; hidden when the customer pays no basic charge. */
    void show(EnergyAnalyzer.Result result) {
        shown = result.billingModes();
        setVisible(shown != null);
        if (shown == null) {
            options.setItems(List.of());
            return;
        }
        int months = shown.months().size();
        total.setHeader(getTranslation("energy.basic.total-months", months));
        options.setItems(shown.options());
        savingLine.setText(shown.cheapest() == shown.current() ? getTranslation("energy.basic.best-line", months)
                : getTranslation("energy.basic.saving-line", money(shown.current().total()),
                money(shown.cheapest().total()), money(shown.saving()), months));
    }

    /** What is shown, for the checks that compare it with the report. */
    BasicChargeRules.Comparison shown() {
        return shown;
    }

    static String money(BigDecimal yuan) {
        return String.format(Locale.ROOT, "%,.2f", yuan);
    }
}
