package cn.keyaccount.portrait.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.portrait.StrategyDetails;
import cn.keyaccount.portrait.StrategyDraft;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import java.util.List;
import java.util.Map;

/** A segment's service strategy as a supervisor edits it; publishes a save event with the draft. */
class StrategyForm extends VerticalLayout implements ShowsFieldErrors {

    final H3 title = new H3();
    final Span updated = new Span();
    final IntegerField interval = new IntegerField();
    final TextArea offers = new TextArea();
    final TextArea talkingPoints = new TextArea();
    final Button save = new Button();
    private long version;

    StrategyForm() {
        setPadding(false);
        addClassName("segment-strategy");
        interval.setLabel(getTranslation("portrait.strategy.visitIntervalDays"));
        interval.setMin(1);
        interval.setMax(366);
        interval.setSuffixComponent(new Span(getTranslation("portrait.strategy.days")));
        offers.setLabel(getTranslation("portrait.strategy.offers"));
        offers.setHelperText(getTranslation("portrait.strategy.offers.help"));
        offers.setMaxLength(2000);
        talkingPoints.setLabel(getTranslation("portrait.strategy.talkingPoints"));
        talkingPoints.setMaxLength(4000);
        save.setText(getTranslation("portrait.strategy.save"));
        save.addThemeVariants(ButtonVariant.PRIMARY);
        save.addClickListener(e -> fireEvent(new SaveEvent(this, new StrategyDraft(interval.getValue(),
                offers.getValue(), talkingPoints.getValue(), version))));
        FormLayout form = new FormLayout(interval, offers, talkingPoints);
        form.setColspan(talkingPoints, 2);
        add(title, updated, form, save);
    }

    void edit(StrategyDetails s, boolean english) {
        title.setText(getTranslation("portrait.strategy.title", english ? s.segmentEn() : s.segmentZh()));
        updated.setText(s.defined() ? getTranslation("portrait.strategy.updated", s.updatedBy(),
                s.updatedAt().toLocalDate()) : getTranslation("portrait.strategy.none-yet"));
        interval.setValue(s.visitIntervalDays());
        offers.setValue(s.offers());
        talkingPoints.setValue(s.talkingPoints());
        version = s.version();
        showFieldErrors(List.of());
    }

    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("visitIntervalDays", interval, "offers", offers, "talkingPoints",
                talkingPoints), "portrait.strategy.");
    }

    static final class SaveEvent extends ComponentEvent<StrategyForm> {
        private final StrategyDraft draft;

        SaveEvent(StrategyForm source, StrategyDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        StrategyDraft draft() {
            return draft;
        }
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }
}
