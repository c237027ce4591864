package cn.keyaccount.customer.ui;

import cn.keyaccount.customer.TransformerDraft;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;

/** A transformer of a customer: its rating and its losses. */
class TransformerForm extends EditorForm<TransformerDraft> {

    TransformerForm() {
        super(TransformerDraft.class);
        binder.forField(field("name", new TextField(getTranslation("transformer.name")))).withNullRepresentation("")
                .bind(TransformerDraft::getName, TransformerDraft::setName);
        binder.forField(field("ratedKva", new BigDecimalField(getTranslation("transformer.rated-kva"))))
                .bind(TransformerDraft::getRatedKva, TransformerDraft::setRatedKva);
        binder.forField(field("noLoadLossKw", new BigDecimalField(getTranslation("transformer.p0"))))
                .bind(TransformerDraft::getNoLoadLossKw, TransformerDraft::setNoLoadLossKw);
        binder.forField(field("loadLossKw", new BigDecimalField(getTranslation("transformer.pk"))))
                .bind(TransformerDraft::getLoadLossKw, TransformerDraft::setLoadLossKw);
    }
}
