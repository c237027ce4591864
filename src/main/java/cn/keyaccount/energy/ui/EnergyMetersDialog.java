package cn.keyaccount.energy.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.customer.TransformerDetails;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.energy.MeterDetails;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.select.Select;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Which transformer each of the customer's meters measures: the analysis loads a transformer from its own meters and
 * shares the meters on no transformer among the others by rating. A change is saved as it is chosen.
 */
class EnergyMetersDialog extends Dialog {

    final Grid<MeterDetails> meters = new Grid<>();
    final Span error = new Span();

    private final EnergyService energy;
    private final Viewer viewer;
    private final long customerId;

    EnergyMetersDialog(EnergyService energy, Viewer viewer, long customerId, Runnable onClose) {
        this.energy = energy;
        this.viewer = viewer;
        this.customerId = customerId;
        setHeaderTitle(getTranslation("energy.meters.title"));
        setWidth("760px");
        List<TransformerDetails> transformers = energy.transformersOf(viewer, customerId);
        Map<Long, TransformerDetails> byId = transformers.stream()
                .collect(Collectors.toMap(TransformerDetails::id, Function.identity()));
        meters.addColumn(MeterDetails::meterNo).setHeader(getTranslation("energy.meters.meter-no"));
        meters.addColumn(MeterDetails::name).setHeader(getTranslation("energy.meters.name")).setFlexGrow(2);
        meters.addColumn(MeterDetails::days).setHeader(getTranslation("energy.meters.days"));
        meters.addComponentColumn(m -> {
            Select<TransformerDetails> on = new Select<>();
            on.setItems(transformers);
            on.setEmptySelectionAllowed(true);
            on.setEmptySelectionCaption(getTranslation("energy.meters.none"));
            on.setItemLabelGenerator(t -> t == null ? getTranslation("energy.meters.none")
                    : t.name() + " (" + t.ratedKva().stripTrailingZeros().toPlainString() + " kVA)");
            on.setValue(m.transformerId() == null ? null : byId.get(m.transformerId()));
            on.addValueChangeListener(e -> {
                if (e.isFromClient() && !assign(m, e.getValue())) {
                    on.setValue(e.getOldValue());
                }
            });
            return on;
        }).setHeader(getTranslation("energy.meters.transformer")).setFlexGrow(2);
        meters.setItems(energy.coverage(viewer, customerId).meters());
        meters.setAllRowsVisible(true);
        error.getStyle().set("color", "var(--lumo-error-text-color)");
        add(new Span(getTranslation("energy.meters.intro")), meters, error);
        getFooter().add(new Button(getTranslation("common.close"), e -> close()));
        addOpenedChangeListener(e -> {
            if (!e.isOpened()) {
                onClose.run();
            }
        });
    }

    /** Saves the meter's transformer (null: none); false, with the reason shown, when it was refused. */
    boolean assign(MeterDetails meter, TransformerDetails transformer) {
        try {
            energy.assignMeter(viewer, customerId, meter.id(), new EnergyService.MeterAssignment(
                    transformer == null ? null : transformer.id()));
            error.setText("");
            return true;
        } catch (BusinessException ex) { // the row's select needs the answer to go back to the old transformer
            BusinessException.FieldError f = ex.fieldErrors().isEmpty() ? null : ex.fieldErrors().getFirst();
            error.setText(f == null ? getTranslation(ex.key(), ex.args()) : getTranslation(f.key(), f.args()));
            return false;
        }
    }
}
