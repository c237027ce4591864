package cn.keyaccount.customer.ui;

import cn.keyaccount.customer.TransformerDraft;
import cn.keyaccount.customer.TransformerHistory;
import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.VaadinIcon;
import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;

/**
 * The transformers of one customer (rated kVA, no-load and load losses, the last suspension and capacity change),
 * edited in a dialog; each row opens its suspensions and capacity changes.
 */
class TransformersTab extends EditableListTab<TransformerHistory, TransformerDraft> {

    private final TransformerService transformers;

    TransformersTab(TransformerService transformers, Viewer viewer, long customerId, boolean editable) {
        super(viewer, customerId, editable, "transformer");
        this.transformers = transformers;
        grid.addColumn(h -> h.transformer().name()).setHeader(getTranslation("transformer.name"));
        grid.addColumn(h -> kva(h.transformer().ratedKva())).setHeader(getTranslation("transformer.rated-kva"));
        grid.addColumn(h -> h.transformer().noLoadLossKw().toPlainString()).setHeader(getTranslation("transformer.p0"));
        grid.addColumn(h -> h.transformer().loadLossKw().toPlainString()).setHeader(getTranslation("transformer.pk"));
        grid.addColumn(this::lastSuspension).setHeader(getTranslation("transformer.suspension")).setAutoWidth(true);
        grid.addColumn(this::lastChange).setHeader(getTranslation("transformer.capacity-change")).setAutoWidth(true);
        grid.addComponentColumn(h -> {
            Button open = new Button(VaadinIcon.CALENDAR_CLOCK.create(), e -> new TransformerHistoryDialog(
                    transformers, viewer, customerId, h.transformer().id(), editable, this::reload).open());
            open.setTooltipText(getTranslation("transformer.history"));
            open.setAriaLabel(getTranslation("transformer.history"));
            open.addThemeVariants(ButtonVariant.LUMO_TERTIARY_INLINE);
            return open;
        }).setAutoWidth(true).setFlexGrow(0);
        ready();
    }

    static String kva(BigDecimal kva) {
        return String.format(Locale.ROOT, "%,.1f", kva);
    }

    private String lastSuspension(TransformerHistory h) {
        if (h.suspensions().isEmpty()) {
            return "—";
        }
        TransformerHistory.Suspension s = h.suspensions().getLast();
        return s.to() == null ? getTranslation("transformer.suspended-open", s.from())
                : getTranslation("transformer.suspended-period", s.from(), s.to());
    }

    private String lastChange(TransformerHistory h) {
        if (h.capacityChanges().isEmpty()) {
            return "—";
        }
        TransformerHistory.CapacityChange c = h.capacityChanges().getLast();
        return getTranslation("transformer.changed", c.effective(), getTranslation("transformer.change." + c.kind()),
                kva(c.kvaBefore()), kva(c.kvaAfter()));
    }

    @Override
    List<TransformerHistory> items() {
        return transformers.histories(viewer, customerId);
    }

    @Override
    long idOf(TransformerHistory row) {
        return row.transformer().id();
    }

    @Override
    String nameOf(TransformerHistory row) {
        return row.transformer().name();
    }

    @Override
    TransformerDraft newDraft() {
        return new TransformerDraft();
    }

    @Override
    TransformerDraft draftOf(TransformerHistory row) {
        return TransformerDraft.of(row.transformer());
    }

    @Override
    EditorForm<TransformerDraft> newForm() {
        return new TransformerForm();
    }

    @Override
    void save(Long id, TransformerDraft draft) {
        if (id == null) {
            transformers.add(viewer, customerId, draft);
        } else {
            transformers.update(viewer, customerId, id, draft);
        }
    }

    @Override
    void delete(long id) {
        transformers.delete(viewer, customerId, id);
    }
}
