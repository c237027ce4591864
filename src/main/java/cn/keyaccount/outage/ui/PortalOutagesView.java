package cn.keyaccount.outage.ui;

import cn.keyaccount.base.ui.NarrowScreen;
import java.util.Comparator;
import cn.keyaccount.base.ui.MainLayout;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.outage.CustomerOutage;
import cn.keyaccount.outage.Effect;
import cn.keyaccount.outage.OutageQueries;
import cn.keyaccount.outage.OutageStatus;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * 停电信息 (portal): the upcoming and running outages on the customer's accounts — when, which lines, what it does to
 * the account (a dual-supply account keeps one source) — and the warnings the company sent about each.
 */
@Route("portal/outages")
@PageTitle("outage.menu.portal")
@Menu(title = "outage.menu.portal", order = 2, icon = "vaadin:power-off")
@RolesAllowed(Role.CUSTOMER_NAME)
class PortalOutagesView extends VerticalLayout {

    final Grid<CustomerOutage> grid = new Grid<>();
    final Grid<MessageDetails> warnings = new Grid<>();
    final H3 warningsTitle = new H3();

    private final OutageQueries outages;
    private final Viewer viewer;

    PortalOutagesView(OutageQueries outages, CurrentViewer currentViewer) {
        this.outages = outages;
        this.viewer = currentViewer.get();
        List<CustomerOutage> upcoming = outages.upcomingForCustomer(viewer);
        grid.setId("portal-outages");
        grid.addColumn(o -> OutageUi.time(o.startsAt()) + " – " + OutageUi.time(o.endsAt()))
                .setHeader(OutageUi.t("outage.period")).setAutoWidth(true);
        grid.addColumn(o -> OutageUi.t("outage.kind." + o.kind())).setHeader(OutageUi.t("outage.kind"))
                .setAutoWidth(true);
        grid.addColumn(CustomerOutage::customerName).setHeader(OutageUi.t("outage.account")).setFlexGrow(2)
                .setWidth("10rem").setTooltipGenerator(CustomerOutage::customerName);
        grid.addColumn(CustomerOutage::linesOut).setHeader(OutageUi.t("outage.lines-out")).setAutoWidth(true);
        grid.addColumn(o -> OutageUi.t("outage.effect." + o.effect())
                        + (o.effect() == Effect.ONE_SOURCE_OUT ? " · " + OutageUi.t("outage.portal.check-loads") : ""))
                .setHeader(OutageUi.t("outage.effect")).setFlexGrow(1);
        grid.addColumn(CustomerOutage::reason).setHeader(OutageUi.t("outage.reason")).setFlexGrow(2)
                .setWidth("10rem").setTooltipGenerator(CustomerOutage::reason);
        grid.addColumn(o -> o.status() == OutageStatus.CANCELLED ? OutageUi.t("outage.status.CANCELLED") : "")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        warnings.setId("portal-outage-warnings");
        warnings.addColumn(m -> OutageUi.time(m.sentAt())).setHeader(OutageUi.t("outage.sent-at")).setAutoWidth(true)
                .setFlexGrow(0);
        warnings.addColumn(m -> OutageUi.t("notice.channel." + m.channel().name()))
                .setHeader(OutageUi.t("outage.channel")).setAutoWidth(true).setFlexGrow(0);
        warnings.addColumn(MessageDetails::noticeTitle).setHeader(OutageUi.t("outage.notice")).setFlexGrow(1)
                .setWidth("10rem").setTooltipGenerator(MessageDetails::noticeTitle);
        warnings.addColumn(m -> m.subject() == null ? m.body() : m.subject()).setHeader(OutageUi.t("outage.text"))
                .setFlexGrow(3).setWidth("14rem").setTooltipGenerator(m -> m.subject() == null ? m.body() : m.subject());
        warnings.setAllRowsVisible(true);
        // the warnings sent are shown with the page (all upcoming outages'); choosing an outage narrows them to it
        grid.asSingleSelect().addValueChangeListener(e -> showWarnings(e.getValue() == null ? upcoming
                : List.of(e.getValue())));
        NarrowScreen narrow = NarrowScreen.of(this);
        narrow.cards(grid, o -> NarrowScreen.card(OutageUi.time(o.startsAt()) + " – " + OutageUi.time(o.endsAt()),
                o.customerName(), OutageUi.t("outage.kind." + o.kind()), o.linesOut(),
                OutageUi.t("outage.effect." + o.effect()), o.reason(),
                o.status() == OutageStatus.CANCELLED ? OutageUi.t("outage.status.CANCELLED") : null));
        narrow.cards(warnings, m -> NarrowScreen.card(m.noticeTitle(), OutageUi.time(m.sentAt()),
                OutageUi.t("notice.channel." + m.channel().name()), m.subject() == null ? m.body() : m.subject()));
        add(new Paragraph(OutageUi.t("outage.portal.intro")));
        if (upcoming.isEmpty()) {
            add(MainLayout.emptyState(OutageUi.t("outage.portal.none")));
        } else {
            add(grid, warningsTitle, warnings);
            grid.setItems(upcoming);
            showWarnings(upcoming);
        }
    }

    /** The warnings sent to the customer about these outages, newest first. */
    private void showWarnings(List<CustomerOutage> about) {
        List<MessageDetails> sent = about.stream().flatMap(o -> outages.messages(viewer, o.outageId(), o.customerId(),
                        0, 200).stream()).filter(m -> m.sentAt() != null)
                .sorted(Comparator.comparing(MessageDetails::sentAt).reversed()).toList();
        warnings.setItems(sent);
        warningsTitle.setText(OutageUi.t("outage.portal.warnings", sent.size()));
    }
}
