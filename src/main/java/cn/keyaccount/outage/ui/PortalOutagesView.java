package cn.keyaccount.outage.ui;

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

    PortalOutagesView(OutageQueries outages, CurrentViewer currentViewer) {
        Viewer viewer = currentViewer.get();
        grid.setId("portal-outages");
        grid.addColumn(o -> OutageUi.time(o.startsAt()) + " – " + OutageUi.time(o.endsAt()))
                .setHeader(OutageUi.t("outage.period")).setAutoWidth(true);
        grid.addColumn(o -> OutageUi.t("outage.kind." + o.kind())).setHeader(OutageUi.t("outage.kind"))
                .setAutoWidth(true);
        grid.addColumn(CustomerOutage::customerName).setHeader(OutageUi.t("outage.account")).setFlexGrow(1);
        grid.addColumn(CustomerOutage::linesOut).setHeader(OutageUi.t("outage.lines-out")).setAutoWidth(true);
        grid.addColumn(o -> OutageUi.t("outage.effect." + o.effect())
                        + (o.effect() == Effect.ONE_SOURCE_OUT ? " · " + OutageUi.t("outage.portal.check-loads") : ""))
                .setHeader(OutageUi.t("outage.effect")).setFlexGrow(1);
        grid.addColumn(CustomerOutage::reason).setHeader(OutageUi.t("outage.reason")).setFlexGrow(1);
        grid.addColumn(o -> o.status() == OutageStatus.CANCELLED ? OutageUi.t("outage.status.CANCELLED") : "")
                .setAutoWidth(true);
        grid.setAllRowsVisible(true);
        warnings.setId("portal-outage-warnings");
        warnings.addColumn(m -> OutageUi.time(m.sentAt())).setHeader(OutageUi.t("outage.sent-at")).setAutoWidth(true);
        warnings.addColumn(m -> OutageUi.t("notice.channel." + m.channel().name()))
                .setHeader(OutageUi.t("outage.channel")).setAutoWidth(true);
        warnings.addColumn(MessageDetails::noticeTitle).setHeader(OutageUi.t("outage.notice")).setAutoWidth(true);
        warnings.addColumn(m -> m.subject() == null ? m.body() : m.subject()).setHeader(OutageUi.t("outage.text"))
                .setFlexGrow(2);
        warnings.setAllRowsVisible(true);
        warnings.setVisible(false);
        grid.asSingleSelect().addValueChangeListener(e -> {
            CustomerOutage o = e.getValue();
            List<MessageDetails> sent = o == null ? List.of() : outages.messages(viewer, o.outageId(), o.customerId(), 0,
                    200).stream().filter(m -> m.sentAt() != null).toList();
            warnings.setItems(sent);
            warnings.setVisible(o != null);
            warningsTitle.setText(o == null ? "" : OutageUi.t("outage.portal.warnings", sent.size()));
        });
        List<CustomerOutage> upcoming = outages.upcomingForCustomer(viewer);
        add(new Paragraph(OutageUi.t("outage.portal.intro")));
        if (upcoming.isEmpty()) {
            add(MainLayout.emptyState(OutageUi.t("outage.portal.none")));
        } else {
            add(grid, warningsTitle, warnings);
            grid.setItems(upcoming);
        }
    }
}
