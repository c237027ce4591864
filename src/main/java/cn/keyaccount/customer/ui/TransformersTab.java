package cn.keyaccount.customer.ui;

import cn.keyaccount.customer.TransformerDraft;
import cn.keyaccount.customer.TransformerService;
import cn.keyaccount.customer.TransformerDetails;
import cn.keyaccount.security.Viewer;
import java.util.List;

/** The transformers of one customer (rated kVA, no-load and load losses), edited in a dialog. */
class TransformersTab extends EditableListTab<TransformerDetails, TransformerDraft> {

    private final TransformerService transformers;

    TransformersTab(TransformerService transformers, Viewer viewer, long customerId, boolean editable) {
        super(viewer, customerId, editable, "transformer");
        this.transformers = transformers;
        grid.addColumn(TransformerDetails::name).setHeader(getTranslation("transformer.name"));
        grid.addColumn(t -> t.ratedKva().toPlainString()).setHeader(getTranslation("transformer.rated-kva"));
        grid.addColumn(t -> t.noLoadLossKw().toPlainString()).setHeader(getTranslation("transformer.p0"));
        grid.addColumn(t -> t.loadLossKw().toPlainString()).setHeader(getTranslation("transformer.pk"));
        ready();
    }

    @Override
    List<TransformerDetails> items() {
        return transformers.list(viewer, customerId);
    }

    @Override
    long idOf(TransformerDetails row) {
        return row.id();
    }

    @Override
    String nameOf(TransformerDetails row) {
        return row.name();
    }

    @Override
    TransformerDraft newDraft() {
        return new TransformerDraft();
    }

    @Override
    TransformerDraft draftOf(TransformerDetails row) {
        return TransformerDraft.of(row);
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
