package cn.keyaccount.outage.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.Importance;
import cn.keyaccount.customer.SupplyMode;
import cn.keyaccount.network.NetworkService;
import cn.keyaccount.outage.OutageDetails;
import cn.keyaccount.outage.OutageFixtures;
import cn.keyaccount.outage.OutageKind;
import cn.keyaccount.outage.OutageRow;
import cn.keyaccount.outage.OutageQueries;
import cn.keyaccount.outage.OutageService;
import cn.keyaccount.outage.OutageStatus;
import cn.keyaccount.outage.WarningClass;
import cn.keyaccount.security.Role;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.upload.Upload;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Set;
import org.junit.jupiter.api.Test;

@QuarkusTest
class OutageViewsTest extends BrowserlessQuarkusTest {

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    OutageFixtures fx;
    @Inject
    OutageService outages;

    @Inject
    OutageQueries outageQueries;
    @Inject
    NetworkService network;
    @Inject
    OutagesCustomerTab customerTab;

    @Test
    void a_scheduler_registers_next_weeks_maintenance_in_the_form_and_sees_its_customers() {
        long line = fx.newLine();
        long customer = fx.customer(SupplyMode.DUAL, Importance.FIRST, line, fx.newLine());
        signIn("scheduler", Role.SCHEDULER_NAME);
        OutagesView view = open("outages", OutagesView.class);
        Upload upload = $(Upload.class).id("outage-import");
        assertEquals("将文件拖放到此处", upload.getI18n().getDropFiles().getOne(), "the upload speaks Chinese");
        test(view.register).click();
        roundTrip();
        OutageForm form = view.form;
        form.title.setValue("界面测试检修");
        form.reason.setValue("刀闸检修");
        var start = OffsetDateTime.now(ZONE).plusDays(9).withHour(8).withMinute(0).toLocalDateTime()
                .withSecond(0).withNano(0);
        form.start.setValue(start);
        form.end.setValue(start.plusHours(8));
        form.lines.setValue(Set.of(network.line(line)));
        test(form.save).click();
        roundTrip();

        OutageRow saved = outageQueries.list(fx.viewer("scheduler"), OutageQueries.OutageFilter.all(), 0, 500).stream()
                .filter(r -> r.title().equals("界面测试检修") && r.lines().equals(network.line(line).code()))
                .findFirst().orElseThrow();
        assertEquals(OutageStatus.ANNOUNCED, saved.status());
        assertTrue(view.detail.isVisible());
        assertEquals(1, test(view.detail.customers).size());
        assertEquals(customer, test(view.detail.customers).getRow(0).customerId());
        assertEquals(1, saved.oneSourceOut(), "dual supply: one source out");
        assertTrue(view.detail.move.isVisible() && view.detail.cancel.isVisible());
        assertFalse(view.detail.release.isVisible());
        TabSheet tabs = $(TabSheet.class).first();
        tabs.setSelectedTab(tabs.getTab(view.detail.notices));
        roundTrip();
        var notices = test(view.detail.notices);
        int last = notices.size() - 1;
        assertEquals("前一日提醒", notices.getCellText(last, 0), "the reminder, written when due");
        assertEquals("到时生成", notices.getCellText(last, 7));
    }

    @Test
    void a_supervisor_releases_a_late_outage_with_a_reason_from_its_panel() {
        long line = fx.newLine();
        fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        OutageDetails held = fx.register(fx.viewer("scheduler"), OutageKind.PLANNED,
                OffsetDateTime.now(ZONE).plusDays(3), line);
        signIn("supervisor", Role.SUPERVISOR_NAME);
        OutagesView view = open("outages", OutagesView.class);
        view.detail.show(held.id());
        assertTrue(view.detail.hold.isVisible());
        assertTrue(view.detail.release.isVisible());
        test(view.detail.release).click();
        roundTrip();
        click($(Button.class).id("outage-reason-ok"));
        assertEquals(OutageStatus.HELD, outageQueries.get(fx.viewer("supervisor"), held.id()).status(), "a reason first");
        assertTrue(view.detail.reason.isInvalid(), "the missing reason is marked at its field");
        view.detail.reason.setValue("客户已电话确认");
        test($(Button.class).id("outage-reason-ok")).click();
        assertEquals(OutageStatus.ANNOUNCED, outageQueries.get(fx.viewer("supervisor"), held.id()).status());
    }

    @Test
    void the_approval_banner_names_each_reason_once_in_chinese_punctuation() {
        long line = fx.newLine();
        fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        OutageDetails held = fx.register(fx.viewer("scheduler"), OutageKind.PLANNED,
                OffsetDateTime.now(ZONE).plusDays(3), line);
        signIn("supervisor", Role.SUPERVISOR_NAME);
        OutagesView view = open("outages", OutagesView.class);
        view.detail.show(held.id());
        String banner = view.detail.hold.getText();
        assertEquals("待主管审批：首次通知迟报（计划不足5天，临时不足24小时）", banner);
        assertEquals(banner.indexOf("迟报"), banner.lastIndexOf("迟报"), "the late reason once: " + banner);
    }

    @Test
    void the_outage_list_shows_how_early_the_customers_were_warned() {
        long early = fx.newLine();
        fx.customer(SupplyMode.SINGLE, Importance.NORMAL, early);
        long soon = fx.newLine();
        fx.customer(SupplyMode.SINGLE, Importance.NORMAL, soon);
        OutageDetails onTime = fx.register(fx.viewer("scheduler"), OutageKind.PLANNED,
                OffsetDateTime.now(ZONE).plusDays(12), early);
        OutageDetails belowRule = fx.register(fx.viewer("scheduler"), OutageKind.PLANNED,
                OffsetDateTime.now(ZONE).plusDays(6), soon);
        signIn("scheduler", Role.SCHEDULER_NAME);
        OutagesView view = open("outages", OutagesView.class);
        var rows = view.grid.getLazyDataView().getItems().toList();
        OutageRow first = rows.stream().filter(r -> r.id() == onTime.id()).findFirst().orElseThrow();
        OutageRow second = rows.stream().filter(r -> r.id() == belowRule.id()).findFirst().orElseThrow();
        assertEquals(WarningClass.ON_TIME, first.warningClass());
        assertEquals(WarningClass.BELOW_REGULATION, second.warningClass());
        assertEquals("按时", view.warningBadge(first).getText());
        assertEquals("提前5–7天", view.warningBadge(second).getText());
        assertTrue(view.grid.getColumns().stream().anyMatch(c -> "首次通知".equals(headerOf(c))), "a column of its own");
    }

    private static String headerOf(com.vaadin.flow.component.grid.Grid.Column<?> column) {
        return column.getHeaderText();
    }

    @Test
    void the_customer_sees_the_outage_on_their_account_in_the_portal_and_on_the_customer_page() {
        long line = fx.newLine();
        long account = fx.customer(SupplyMode.SINGLE, Importance.NORMAL, line);
        String customerUser = fx.portalUser(account);
        OutageDetails o = fx.register(fx.viewer("scheduler"), OutageKind.PLANNED,
                OffsetDateTime.now(ZONE).plusDays(12), line);
        signIn(customerUser, Role.CUSTOMER_NAME);
        PortalOutagesView portal = open("portal/outages", PortalOutagesView.class);
        assertTrue(portal.grid.getListDataView().getItems().anyMatch(c -> c.outageId() == o.id()
                && c.customerId() == account));
        assertTrue(portal.warnings.isVisible(), "the warnings sent are on the page without a click");
        assertTrue(portal.warningsTitle.getText().startsWith("已发出的通知"), portal.warningsTitle.getText());

        signIn("supervisor", Role.SUPERVISOR_NAME);
        CustomerOutagesTab tab = (CustomerOutagesTab) customerTab.create(fx.viewer("supervisor"), account, true);
        assertEquals(1, tab.outageGrid.getListDataView().getItemCount());
        tab.from.setValue(OffsetDateTime.now(ZONE).plusDays(20).toLocalDateTime().withNano(0));
        tab.to.setValue(OffsetDateTime.now(ZONE).plusDays(21).toLocalDateTime().withNano(0));
        tab.reason.clear();
        asUser(tab, tab::addPeriod);
        assertTrue(tab.reason.isInvalid(), "a period without a reason is refused at the reason field");
        assertEquals(0, tab.periodGrid.getListDataView().getItemCount());
        tab.reason.setValue("设备调试");
        tab.addPeriod();
        assertEquals(1, tab.periodGrid.getListDataView().getItemCount());
        assertFalse(tab.reason.isInvalid(), "the mark goes once the period is saved");
    }

    @Test
    void the_compliance_view_shows_twelve_months_for_the_supervisors_unit() {
        signIn("supervisor", Role.SUPERVISOR_NAME);
        OutageComplianceView view = open("outages/compliance", OutageComplianceView.class);
        assertEquals(12, view.trend.getListDataView().getItemCount());
        assertTrue(view.unit.getValue() != null);
    }
}
