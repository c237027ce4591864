package cn.keyaccount.opportunity.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.opportunity.OpportunityDetails;
import cn.keyaccount.opportunity.OpportunityDraft;
import cn.keyaccount.opportunity.OpportunityStage;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;

/**
 * An opportunity as its owner works it: stage (a lost one with its reason), expected yearly value, next step and date,
 * and the visit, application and report it led to. Publishes save and reopen events; a won or lost one is read-only
 * until reopened.
 */
class OpportunityForm extends VerticalLayout implements ShowsFieldErrors {

    final Span reason = new Span();
    final ComboBox<OpportunityStage> stage = new ComboBox<>();
    final TextField lostReason = new TextField();
    final BigDecimalField expectedValue = new BigDecimalField();
    final TextField nextStep = new TextField();
    final DatePicker nextStepDate = new DatePicker();
    final IntegerField visitId = new IntegerField();
    final IntegerField applicationId = new IntegerField();
    final IntegerField reportId = new IntegerField();
    final Button save = new Button();
    final Button reopen = new Button();
    private long version;

    OpportunityForm() {
        setPadding(false);
        stage.setLabel(getTranslation("opportunity.stage"));
        stage.setItems(OpportunityStage.values());
        stage.setItemLabelGenerator(s -> getTranslation("opportunity.stage." + s.name()));
        stage.addValueChangeListener(e -> lostReason.setVisible(e.getValue() == OpportunityStage.LOST));
        lostReason.setLabel(getTranslation("opportunity.lostReason"));
        lostReason.setMaxLength(500);
        expectedValue.setLabel(getTranslation("opportunity.expectedValue"));
        expectedValue.setSuffixComponent(new Span(getTranslation("opportunity.yuan-per-year")));
        nextStep.setLabel(getTranslation("opportunity.nextStep"));
        nextStep.setMaxLength(200);
        nextStepDate.setLabel(getTranslation("opportunity.nextStepDate"));
        visitId.setLabel(getTranslation("opportunity.visitId"));
        applicationId.setLabel(getTranslation("opportunity.applicationId"));
        reportId.setLabel(getTranslation("opportunity.reportId"));
        save.setText(getTranslation("opportunity.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> fireEvent(new SaveEvent(this, draft())));
        reopen.setText(getTranslation("opportunity.reopen"));
        reopen.addClickListener(e -> fireEvent(new ReopenEvent(this, version)));
        FormLayout form = new FormLayout(stage, lostReason, expectedValue, nextStep, nextStepDate, visitId,
                applicationId, reportId);
        add(reason, form, new HorizontalLayout(save, reopen));
    }

    void edit(OpportunityDetails o) {
        reason.setText(o.tagReason());
        stage.setValue(o.stage());
        lostReason.setValue(o.lostReason() == null ? "" : o.lostReason());
        lostReason.setVisible(o.stage() == OpportunityStage.LOST);
        expectedValue.setValue(o.expectedValue());
        nextStep.setValue(o.nextStep() == null ? "" : o.nextStep());
        nextStepDate.setValue(o.nextStepDate());
        visitId.setValue(o.visitId() == null ? null : o.visitId().intValue());
        applicationId.setValue(o.applicationId() == null ? null : o.applicationId().intValue());
        reportId.setValue(o.reportId() == null ? null : o.reportId().intValue());
        version = o.version();
        boolean closed = o.stage().isClosed();
        stage.setReadOnly(closed);
        lostReason.setReadOnly(closed);
        expectedValue.setReadOnly(closed);
        nextStep.setReadOnly(closed);
        nextStepDate.setReadOnly(closed);
        visitId.setReadOnly(closed);
        applicationId.setReadOnly(closed);
        reportId.setReadOnly(closed);
        save.setVisible(!closed);
        reopen.setVisible(closed);
        showFieldErrors(List.of());
    }

    private OpportunityDraft draft() {
        return new OpportunityDraft(stage.getValue(), expectedValue.getValue(), nextStep.getValue(),
                nextStepDate.getValue(), lostReason.getValue(), id(visitId), id(applicationId), id(reportId), version);
    }

    private static Long id(IntegerField f) {
        return f.getValue() == null ? null : f.getValue().longValue();
    }

    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("stage", stage, "lostReason", lostReason, "expectedValue",
                expectedValue, "nextStep", nextStep, "nextStepDate", nextStepDate, "visitId", visitId,
                "applicationId", applicationId, "reportId", reportId), "opportunity.");
    }

    static final class SaveEvent extends ComponentEvent<OpportunityForm> {
        final OpportunityDraft draft;

        SaveEvent(OpportunityForm source, OpportunityDraft draft) {
            super(source, false);
            this.draft = draft;
        }
    }

    static final class ReopenEvent extends ComponentEvent<OpportunityForm> {
        final long version;

        ReopenEvent(OpportunityForm source, long version) {
            super(source, false);
            this.version = version;
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    Registration addReopenListener(ComponentEventListener<ReopenEvent> listener) {
        return addListener(ReopenEvent.class, listener);
    }
}
