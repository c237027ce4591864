package cn.keyaccount.customer.ui;

import cn.keyaccount.base.TimeSettings;
import cn.keyaccount.customer.CustomerTimeline;
import cn.keyaccount.customer.TimelineEntry;
import cn.keyaccount.customer.TimelineKind;
import cn.keyaccount.customer.TimelinePage;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.EnumSet;
import java.util.Set;

/**
 * The customer's activity timeline: everything that happened with it, newest first and grouped by day, filtered by
 * kind and period, a page at a time ("show more" reads the next page from where the last one ended). Each entry links
 * to where it is handled. Read when first shown: a tab never opened costs nothing.
 */
class TimelinePanel extends VerticalLayout {

    static final int PAGE = 30;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final CustomerTimeline timeline;
    private final Viewer viewer;
    private final long customerId;
    final CheckboxGroup<TimelineKind> kinds = new CheckboxGroup<>();
    final DatePicker from = new DatePicker();
    final DatePicker to = new DatePicker();
    final Div entries = new Div();
    final Button more = new Button();
    private String next;
    private LocalDate lastDay;
    private boolean loaded;

    TimelinePanel(CustomerTimeline timeline, Viewer viewer, long customerId) {
        this.timeline = timeline;
        this.viewer = viewer;
        this.customerId = customerId;
        setId("customer-timeline");
        setPadding(false);
        kinds.setLabel(getTranslation("customer.timeline.kinds"));
        kinds.setItems(TimelineKind.values());
        kinds.setItemLabelGenerator(k -> getTranslation("customer.timeline.kind." + k.name()));
        kinds.setValue(EnumSet.allOf(TimelineKind.class));
        kinds.setId("timeline-kinds");
        from.setLabel(getTranslation("customer.timeline.from"));
        from.setId("timeline-from");
        to.setLabel(getTranslation("customer.timeline.to"));
        to.setId("timeline-to");
        kinds.addValueChangeListener(e -> reload());
        from.addValueChangeListener(e -> reload());
        to.addValueChangeListener(e -> reload());
        FlexLayout filters = new FlexLayout(kinds, from, to);
        filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        filters.setAlignItems(FlexLayout.Alignment.BASELINE);
        filters.getStyle().set("gap", "0 var(--lumo-space-m)");
        entries.setId("timeline-entries");
        entries.setWidthFull();
        more.setText(getTranslation("customer.timeline.more"));
        more.setId("timeline-more");
        more.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        more.addClickListener(e -> loadPage());
        add(filters, entries, more);
        addAttachListener(e -> {
            if (!loaded) {
                reload();
            }
        });
    }

    /** Starts again from the newest entry with the filters as they are now. */
    void reload() {
        loaded = true;
        entries.removeAll();
        next = null;
        lastDay = null;
        loadPage();
    }

    private void loadPage() {
        Set<TimelineKind> wanted = kinds.getValue();
        if (wanted.isEmpty()) {
            more.setVisible(false);
            entries.add(new Span(getTranslation("customer.timeline.no-kind")));
            return;
        }
        TimelinePage page = timeline.page(viewer, customerId, wanted, from.getValue(), to.getValue(), next, PAGE,
                getLocale());
        for (TimelineEntry e : page.items()) {
            ZonedDateTime at = e.at().atZoneSameInstant(TimeSettings.companyZone());
            if (!at.toLocalDate().equals(lastDay)) {
                lastDay = at.toLocalDate();
                H4 day = new H4(DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(getLocale())
                        .format(lastDay));
                day.addClassName("timeline-day");
                day.getStyle().set("margin", "var(--lumo-space-m) 0 var(--lumo-space-xs)");
                entries.add(day);
            }
            entries.add(entry(e, at));
        }
        if (entries.getComponentCount() == 0) {
            entries.add(new Span(getTranslation("customer.timeline.empty")));
        }
        next = page.next();
        more.setVisible(next != null);
    }

    private Component entry(TimelineEntry e, ZonedDateTime at) {
        Span time = new Span(TIME.format(at));
        time.getStyle().set("font-variant-numeric", "tabular-nums").set("color", "var(--lumo-secondary-text-color)")
                .set("min-width", "3em");
        Span kind = new Span(getTranslation("customer.timeline.kind." + e.kind().name()));
        kind.getElement().getThemeList().add("badge" + (e.kind() == TimelineKind.NOTICE ? "" : " contrast"));
        Anchor title = new Anchor(e.link(), e.title());
        title.getElement().setAttribute("router-link", true);
        title.getStyle().set("font-weight", "500");
        Div text = new Div(title);
        text.getStyle().set("flex", "1 1 16rem").set("min-width", "0").set("overflow-wrap", "anywhere");
        if (e.detail() != null && !e.detail().isBlank()) {
            Div detail = new Div(new Span(e.detail()));
            detail.getStyle().set("color", "var(--lumo-secondary-text-color)")
                    .set("font-size", "var(--lumo-font-size-s)");
            text.add(detail);
        }
        FlexLayout row = new FlexLayout(time, kind, text);
        row.addClassName("timeline-entry");
        row.getElement().setAttribute("data-kind", e.kind().name());
        row.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        row.setAlignItems(FlexLayout.Alignment.BASELINE);
        row.getStyle().set("gap", "var(--lumo-space-xs) var(--lumo-space-s)")
                .set("padding", "var(--lumo-space-xs) 0").set("border-bottom", "1px solid var(--lumo-contrast-5pct)");
        return row;
    }
}
