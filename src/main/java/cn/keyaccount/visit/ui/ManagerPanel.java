package cn.keyaccount.visit.ui;

import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.visit.VisitFeed;
import cn.keyaccount.visit.VisitReminder;
import cn.keyaccount.visit.VisitReminders;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.details.Details;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * What a manager needs beside the calendar: tomorrow's visits (the in-app reminder), a way to the customers'
 * reschedule requests, and the private calendar-feed URL with a button that replaces (revokes) it.
 */
class ManagerPanel extends HorizontalLayout {

    final HorizontalLayout tomorrow = new HorizontalLayout();
    final TextField feedUrl = new TextField();

    ManagerPanel(VisitReminders reminders, VisitFeed feed, Viewer viewer, LongConsumer open, Runnable requests) {
        setId("visit-manager-panel");
        setWidthFull();
        setAlignItems(FlexComponent.Alignment.CENTER);
        // on one line while it fits, else the parts wrap as wholes: the feed link never falls off the right edge
        setWrap(true);
        addClassName("visit-manager-panel");
        tomorrow.setId("visit-reminders");
        tomorrow.setAlignItems(FlexComponent.Alignment.BASELINE);
        tomorrow.setWrap(true);
        tomorrow.setSpacing(false);
        tomorrow.getStyle().set("gap", "var(--lumo-space-xs)").set("min-width", "min(100%, 20em)");
        List<VisitReminder> due = reminders.forManager(viewer);
        Span heading = new Span(VisitUi.t("visit.reminders", due.size()));
        heading.getStyle().set("white-space", "nowrap");
        tomorrow.add(heading);
        for (VisitReminder r : due) {
            Button b = new Button((r.time() == null ? "" : VisitUi.TIME.format(r.time()) + " ") + r.customerName(),
                    e -> open.accept(r.visitId()));
            b.addThemeVariants(ButtonVariant.LUMO_SMALL);
            tomorrow.add(b);
        }
        Button showRequests = new Button(VisitUi.t("visit.show.RESCHEDULE_REQUESTED"), e -> requests.run());
        showRequests.setId("visit-requests");
        showRequests.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        feedUrl.setId("visit-feed-url");
        feedUrl.setReadOnly(true);
        feedUrl.setWidth("min(30em, 80vw)");
        feedUrl.setHelperText(VisitUi.t("visit.feed.help"));
        show(feed.url(feed.token(viewer)));
        Button renew = new Button(VisitUi.t("visit.feed.renew"), e -> {
            show(feed.url(feed.renew(viewer)));
            Notices.success(VisitUi.t("visit.feed.renewed"));
        });
        renew.setId("visit-feed-renew");
        HorizontalLayout feedRow = new HorizontalLayout(feedUrl, renew);
        feedRow.setAlignItems(FlexComponent.Alignment.BASELINE);
        feedRow.setWrap(true);
        Details feedDetails = new Details(VisitUi.t("visit.feed"), feedRow);
        add(tomorrow, showRequests, feedDetails);
        setFlexGrow(1, tomorrow);
    }

    /** The link, or, with no public address configured, a clear word instead of a link to a guessed host. */
    private void show(Optional<String> url) {
        feedUrl.setValue(url.orElse(""));
        feedUrl.setInvalid(url.isEmpty());
        feedUrl.setErrorMessage(url.isEmpty() ? VisitUi.t("visit.feed.no-public-url") : null);
    }
}
