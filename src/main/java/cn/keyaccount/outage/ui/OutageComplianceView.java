package cn.keyaccount.outage.ui;

import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.UnitDetails;
import cn.keyaccount.outage.AffectedRow;
import cn.keyaccount.outage.ComplianceOutage;
import cn.keyaccount.outage.ComplianceSummary;
import cn.keyaccount.outage.ComplianceWorkbook;
import cn.keyaccount.outage.OutageCompliance;
import cn.keyaccount.outage.OutageQueries;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import jakarta.annotation.security.RolesAllowed;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * 停电通知合规 (the supervisor's proof): per month and unit how early the affected customers were warned (≥ 7 days,
 * 5–7 days, late) and how many warning messages were delivered; the twelve months before, the month's outages, and
 * a drill-down to each customer and each message; XLSX export.
 */
@Route("outages/compliance")
@PageTitle("outage.menu.compliance")
@Menu(title = "outage.menu.compliance", order = 43, icon = "vaadin:chart-grid")
@RolesAllowed(Roles.DISPATCH_STAFF)
class OutageComplianceView extends VerticalLayout {

    private final OutageCompliance compliance;
    private final OutageQueries outages;
    private final Viewer viewer;
    final ComboBox<YearMonth> month = new ComboBox<>();
    final ComboBox<UnitDetails> unit = new ComboBox<>();
    final Grid<ComplianceSummary> trend = new Grid<>();
    final Grid<ComplianceOutage> outageGrid = new Grid<>();
    final Grid<AffectedRow> customerGrid = new Grid<>();
    final Grid<MessageDetails> messageGrid = new Grid<>();
    final H3 drillTitle = new H3();

    private final Clock clock;

    OutageComplianceView(Clock clock, OutageCompliance compliance, OutageQueries outages, ComplianceWorkbook workbook,
                         OrgService org, CurrentViewer currentViewer) {
        this.clock = clock;
        this.compliance = compliance;
        this.outages = outages;
        this.viewer = currentViewer.get();
        YearMonth now = YearMonth.now(clock);
        List<YearMonth> months = new ArrayList<>();
        for (int i = -2; i < 24; i++) {
            months.add(now.minusMonths(i));
        }
        month.setLabel(OutageUi.t("outage.compliance.month"));
        month.setItems(months);
        month.setValue(now);
        month.addValueChangeListener(e -> refresh());
        UnitDetails own = compliance.unit(viewer, null);
        unit.setLabel(OutageUi.t("outage.compliance.unit"));
        unit.setItems(org.subtree(own.id()));
        unit.setItemLabelGenerator(u -> "\u3000".repeat(Math.max(0, u.depth() - own.depth())) + u.name());
        unit.setValue(own);
        unit.addValueChangeListener(e -> refresh());
        DownloadHandler xlsx = event -> {
            event.setFileName("outage-compliance-" + month.getValue() + ".xlsx");
            event.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
            workbook.write(viewer, month.getValue(), unitId(), getLocale(), event.getOutputStream());
        };
        Anchor export = new Anchor(xlsx, "");
        export.add(new Button(OutageUi.t("common.export"), VaadinIcon.DOWNLOAD.create()));
        export.setId("outage-compliance-export");
        HorizontalLayout bar = new HorizontalLayout(month, unit, export);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        configureTrend();
        configureOutages();
        customerGrid.setId("outage-compliance-customers");
        customerGrid.addColumn(AffectedRow::accountNo).setHeader(OutageUi.t("outage.account-no")).setAutoWidth(true);
        customerGrid.addColumn(AffectedRow::customerName).setHeader(OutageUi.t("outage.customer")).setFlexGrow(2);
        customerGrid.addColumn(r -> OutageUi.t("outage.effect." + r.effect())).setHeader(OutageUi.t("outage.effect"));
        customerGrid.addComponentColumn(r -> OutageUi.badge(r.warningClass()))
                .setHeader(OutageUi.t("outage.warning-class")).setAutoWidth(true);
        customerGrid.addColumn(r -> OutageUi.time(r.firstWarningAt())).setHeader(OutageUi.t("outage.first-warning-at"));
        customerGrid.setHeight("260px");
        customerGrid.asSingleSelect().addValueChangeListener(e -> messageGrid.getDataProvider().refreshAll());
        messageGrid.setId("outage-compliance-messages");
        MessageColumns.add(messageGrid);
        messageGrid.setHeight("260px");
        messageGrid.setItems(q -> messages(q.getOffset(), q.getLimit()), q -> countMessages());
        add(bar, trend, outageGrid, drillTitle, customerGrid, messageGrid);
        refresh();
    }

    private void configureTrend() {
        trend.setId("outage-compliance-trend");
        trend.addColumn(ComplianceSummary::month).setHeader(OutageUi.t("outage.compliance.month")).setAutoWidth(true);
        trend.addColumn(ComplianceSummary::outages).setHeader(OutageUi.t("outage.compliance.outages"));
        trend.addColumn(ComplianceSummary::affected).setHeader(OutageUi.t("outage.compliance.affected"));
        trend.addColumn(ComplianceSummary::onTime).setHeader(OutageUi.t("outage.class.ON_TIME"));
        trend.addColumn(ComplianceSummary::belowRegulation).setHeader(OutageUi.t("outage.class.BELOW_REGULATION"));
        trend.addColumn(ComplianceSummary::late).setHeader(OutageUi.t("outage.class.LATE"));
        trend.addColumn(s -> OutageUi.percent(s.onTimeShare()))
                .setHeader(OutageUi.t("outage.compliance.on-time-share"));
        trend.addColumn(s -> OutageUi.percent(s.belowRegulationShare()))
                .setHeader(OutageUi.t("outage.compliance.below-share"));
        trend.addColumn(s -> OutageUi.percent(s.lateShare())).setHeader(OutageUi.t("outage.compliance.late-share"));
        trend.addColumn(s -> OutageUi.percent(s.receiptRate())).setHeader(OutageUi.t("outage.compliance.receipt-rate"));
        trend.setAllRowsVisible(true);
    }

    private void configureOutages() {
        outageGrid.setId("outage-compliance-outages");
        outageGrid.addColumn(o -> OutageUi.time(o.startsAt())).setHeader(OutageUi.t("outage.starts-at"))
                .setAutoWidth(true);
        outageGrid.addColumn(o -> OutageUi.t("outage.kind." + o.kind())).setHeader(OutageUi.t("outage.kind"));
        outageGrid.addColumn(ComplianceOutage::title).setHeader(OutageUi.t("outage.title")).setFlexGrow(2);
        outageGrid.addColumn(ComplianceOutage::affected).setHeader(OutageUi.t("outage.compliance.affected"));
        outageGrid.addColumn(ComplianceOutage::onTime).setHeader(OutageUi.t("outage.class.ON_TIME"));
        outageGrid.addColumn(ComplianceOutage::belowRegulation).setHeader(OutageUi.t("outage.class.BELOW_REGULATION"));
        outageGrid.addColumn(ComplianceOutage::late).setHeader(OutageUi.t("outage.class.LATE"));
        outageGrid.addColumn(ComplianceOutage::notWarned).setHeader(OutageUi.t("outage.compliance.not-warned"));
        outageGrid.addColumn(o -> OutageUi.percent(o.receiptRate()))
                .setHeader(OutageUi.t("outage.compliance.receipt-rate"));
        outageGrid.setHeight("240px");
        outageGrid.asSingleSelect().addValueChangeListener(e -> {
            ComplianceOutage o = e.getValue();
            drillTitle.setText(o == null ? "" : OutageUi.t("outage.compliance.drill", o.title()));
            customerGrid.setItems(o == null ? List.of() : outages.affected(viewer, o.outageId(), null, 0, 500));
            messageGrid.getDataProvider().refreshAll();
        });
    }

    private Long unitId() {
        return unit.getValue() == null ? null : unit.getValue().id();
    }

    void refresh() {
        if (month.getValue() == null) {
            return;
        }
        List<ComplianceSummary> months = compliance.months(viewer, month.getValue(), 12, unitId());
        trend.setItems(months.reversed());
        outageGrid.setItems(months.getLast().rows());
    }

    private Stream<MessageDetails> messages(int offset, int limit) {
        ComplianceOutage o = outageGrid.asSingleSelect().getValue();
        if (o == null) {
            return Stream.empty();
        }
        AffectedRow c = customerGrid.asSingleSelect().getValue();
        return outages.messages(viewer, o.outageId(), c == null ? null : c.customerId(), offset, limit).stream();
    }

    private int countMessages() {
        ComplianceOutage o = outageGrid.asSingleSelect().getValue();
        if (o == null) {
            return 0;
        }
        AffectedRow c = customerGrid.asSingleSelect().getValue();
        return (int) outages.countMessages(viewer, o.outageId(), c == null ? null : c.customerId());
    }
}
