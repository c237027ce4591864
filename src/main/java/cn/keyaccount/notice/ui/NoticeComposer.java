package cn.keyaccount.notice.ui;

import cn.keyaccount.customer.CustomerRow;
import cn.keyaccount.notice.Channel;
import cn.keyaccount.notice.NoticePurpose;
import cn.keyaccount.notice.NoticeRequest;
import cn.keyaccount.notice.SmsText;
import cn.keyaccount.notice.TemplatePreview;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.provider.CallbackDataProvider;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.shared.Registration;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Composes a notice: template, its values, the customers, channels, planned time and urgency, with a live preview
 * of the SMS and its segment count; the text is marked while the SMS would take more than
 * {@value SmsText#MAX_SEGMENTS} parts (the service refuses it then). Publishes a {@link ScheduleEvent}; the view calls the service.
 */
class NoticeComposer extends VerticalLayout {


    final Select<String> template = new Select<>();
    final TextField title = new TextField();
    final MultiSelectComboBox<CustomerRow> customers = new MultiSelectComboBox<>();
    final CheckboxGroup<Channel> channels = new CheckboxGroup<>();
    final DateTimePicker plannedAt = new DateTimePicker();
    final Checkbox urgent = new Checkbox();
    final Div values = new Div();
    final Span preview = new Span();
    final Span segments = new Span();
    final Button schedule = new Button();
    private final Map<String, HasValue<?, String>> valueFields = new LinkedHashMap<>();
    private final Function<String, List<String>> parametersOf;
    private final BiFunction<String, Map<String, String>, TemplatePreview> previewer;

    private final Clock clock;

    NoticeComposer(Clock clock, List<String> templates, Function<String, String> names, Function<String, List<String>> parametersOf,
                   BiFunction<String, Map<String, String>, TemplatePreview> previewer,
                   CallbackDataProvider.FetchCallback<CustomerRow, String> customerSearch) {
        this.clock = clock;
        this.parametersOf = parametersOf;
        this.previewer = previewer;
        template.setLabel(getTranslation("notice.template"));
        template.setId("notice-template");
        template.setItems(templates);
        template.setItemLabelGenerator(names::apply);
        title.setLabel(getTranslation("notice.compose.name"));
        title.setId("notice-title");
        title.setRequired(true);
        customers.setLabel(getTranslation("notice.customers"));
        customers.setId("notice-customers");
        customers.setItems(customerSearch);
        customers.setItemLabelGenerator(c -> c.accountNo() + " " + c.name());
        channels.setLabel(getTranslation("notice.channels"));
        channels.setItems(Channel.values());
        channels.setItemLabelGenerator(c -> getTranslation("notice.channel." + c.name()));
        channels.setValue(Set.of(Channel.values()));
        plannedAt.setLabel(getTranslation("notice.planned-at"));
        plannedAt.setValue(LocalDateTime.now(clock).withSecond(0).withNano(0));
        urgent.setLabel(getTranslation("notice.urgent"));
        schedule.setText(getTranslation("notice.schedule"));
        schedule.setId("notice-schedule");
        schedule.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        schedule.addClickListener(e -> fireEvent(new ScheduleEvent(this, request())));
        template.addValueChangeListener(e -> showValues());
        preview.setId("notice-preview");
        segments.setId("notice-segments");
        FormLayout form = new FormLayout(template, title, customers, channels, plannedAt, urgent);
        form.setColspan(customers, 2);
        add(form, values, new HorizontalLayout(preview, segments), schedule);
        template.setValue(templates.contains("general") ? "general" : templates.getFirst());
    }

    private void showValues() {
        values.removeAll();
        valueFields.clear();
        for (String name : parametersOf.apply(template.getValue())) {
            TextField field = new TextField(NoticeLabels.value(this::getTranslation, name));
            TextArea area = new TextArea(getTranslation("notice.text"));
            boolean longText = name.equals("text");
            HasValue<?, String> input = longText ? area : field;
            if (longText) {
                area.setWidthFull();
                area.setMaxLength(SmsText.MAX_LENGTH);
                area.setValueChangeMode(ValueChangeMode.EAGER);
            } else {
                field.setValueChangeMode(ValueChangeMode.EAGER);
            }
            ((com.vaadin.flow.component.Component) input).setId("notice-value-" + name);
            input.addValueChangeListener(e -> refreshPreview());
            valueFields.put(name, input);
            values.add((com.vaadin.flow.component.Component) input);
        }
        refreshPreview();
    }

    private Map<String, String> enteredValues() {
        Map<String, String> v = new LinkedHashMap<>();
        valueFields.forEach((k, f) -> {
            if (!f.getValue().isBlank()) {
                v.put(k, f.getValue());
            }
        });
        return v;
    }

    /** The preview, its counter, and the text marked invalid while the SMS would take more parts than allowed. */
    void refreshPreview() {
        TemplatePreview p = previewer.apply(template.getValue(), enteredValues());
        preview.setText(p.sms());
        segments.setText(getTranslation("notice.segments", p.smsLength(), p.smsSegments()));
        boolean tooLong = p.smsSegments() > p.smsMaxSegments();
        if (valueFields.get("text") instanceof TextArea text) {
            text.setInvalid(tooLong);
            text.setErrorMessage(tooLong ? getTranslation("error.sms-too-long", String.valueOf(p.smsLength()),
                    String.valueOf(p.smsSegments()), String.valueOf(SmsText.MAX_LENGTH),
                    String.valueOf(p.smsMaxSegments())) : null);
        }
    }

    NoticeRequest request() {
        LocalDateTime at = plannedAt.getValue();
        return NoticeRequest.toCustomers(NoticePurpose.GENERAL, template.getValue(), title.getValue(),
                        customers.getValue().stream().map(CustomerRow::id).toList())
                .channels(channels.getValue()).parameters(enteredValues())
                .plannedAt(at == null ? null : at.atZone(clock.getZone()).toOffsetDateTime()).urgent(urgent.getValue()).build();
    }

    Registration addScheduleListener(com.vaadin.flow.component.ComponentEventListener<ScheduleEvent> l) {
        return addListener(ScheduleEvent.class, l);
    }

    /** The user asked to schedule the composed notice. */
    static class ScheduleEvent extends ComponentEvent<NoticeComposer> {
        private final NoticeRequest request;

        ScheduleEvent(NoticeComposer source, NoticeRequest request) {
            super(source, false);
            this.request = request;
        }

        NoticeRequest request() {
            return request;
        }
    }
}
