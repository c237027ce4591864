package cn.keyaccount.application.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.application.ApplicationDetails;
import cn.keyaccount.application.ApplicationFixtures;
import cn.keyaccount.application.ApplicationKind;
import cn.keyaccount.application.ApplicationService;
import cn.keyaccount.application.ApplicationStatus;
import cn.keyaccount.application.ApplicationStep;
import cn.keyaccount.application.StopReason;
import cn.keyaccount.customer.BasicChargeMode;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ApplicationViewsTest extends BrowserlessQuarkusTest {

    @Inject
    ApplicationFixtures fixtures;
    @Inject
    ApplicationService applications;
    @Inject
    ApplicationsSection section;
    @Inject
    ApplicationsTab tab;
    @Inject
    cn.keyaccount.application.ApplicationSchemes schemes;

    @Test
    void the_new_application_screen_is_prefilled_from_its_link_and_starts_the_application() {
        long customer = fixtures.managersCustomer();
        signIn("manager", Role.MANAGER_NAME);
        com.vaadin.flow.component.UI.getCurrent().navigate("applications/new", com.vaadin.flow.router.QueryParameters
                .fromString("customer=" + customer + "&kind=billing-change&mode=CONTRACT_DEMAND&demandKw=800"
                        + "&capacityKva=abc"));
        NewApplicationView view = (NewApplicationView) getCurrentView();
        assertEquals(customer, view.form.customer.getValue().id());
        assertEquals(ApplicationKind.BILLING_CHANGE, view.form.kind.getValue());
        assertEquals(BasicChargeMode.CONTRACT_DEMAND, view.form.mode.getValue());
        assertEquals(0, new BigDecimal("800").compareTo(view.form.demand.getValue()));
        assertTrue(view.ignored.isVisible(), "the unparsable capacity is named");
        assertTrue(view.ignored.getText().contains("capacityKva"), view.ignored.getText());
        click(view.form.save);
        ApplicationView opened = (ApplicationView) getCurrentView();
        assertEquals(ApplicationKind.BILLING_CHANGE, opened.shown.kind());
        assertEquals(ApplicationStep.ACCEPTANCE, opened.shown.currentStep());
    }

    @Test
    void a_manager_takes_the_steps_and_stops_the_clock_on_the_application_screen() {
        Viewer manager = fixtures.viewer("manager");
        ApplicationDetails a = fixtures.billingChange(manager, fixtures.managersCustomer());
        signIn("manager", Role.MANAGER_NAME);
        ApplicationView view = open("applications/" + a.id(), ApplicationView.class);
        click(button(view, "application-complete"));
        assertEquals(ApplicationStep.CHANGE, applications.get(manager, a.id()).currentStep());
        view.reason.setValue(StopReason.CUSTOMER_REQUEST);
        click(button(view, "application-stop"));
        assertEquals(ApplicationStatus.WAITING, applications.get(manager, a.id()).status());
        assertEquals(1, view.stops.getListDataView().getItemCount());
        assertTrue(view.clock.getText().contains(getTranslation("application.clock-stopped")), view.clock.getText());
        click(button(view, "application-restart"));
        click(button(view, "application-complete"));
        assertEquals(ApplicationStatus.COMPLETED, applications.get(manager, a.id()).status());
        assertFalse(view.actions.isAttached(), "a closed application offers no action");
    }

    @Test
    void a_change_made_meanwhile_is_not_overwritten_from_a_stale_screen() {
        Viewer manager = fixtures.viewer("manager");
        ApplicationDetails a = fixtures.billingChange(manager, fixtures.managersCustomer());
        signIn("manager", Role.MANAGER_NAME);
        ApplicationView view = open("applications/" + a.id(), ApplicationView.class);
        applications.completeStep(fixtures.viewer("supervisor"), a.id(), ApplicationStep.ACCEPTANCE, a.version());
        click(button(view, "application-complete"));
        assertEquals(ApplicationStep.CHANGE, applications.get(manager, a.id()).currentStep(),
                "the stale click completed nothing more");
    }

    @Test
    void the_manager_tells_the_missing_documents_once_from_the_application_screen() {
        Viewer manager = fixtures.viewer("manager");
        ApplicationDetails a = fixtures.billingChange(manager, fixtures.managersCustomer());
        signIn("manager", Role.MANAGER_NAME);
        ApplicationView view = open("applications/" + a.id(), ApplicationView.class);
        view.documentsPanel.missing.setValue(java.util.Set.of(cn.keyaccount.application.DocumentType.AUTHORISATION,
                cn.keyaccount.application.DocumentType.CHANGE_REQUEST));
        click(view.documentsPanel.tell);
        assertEquals(ApplicationStatus.WAITING, applications.get(manager, a.id()).status());
        assertTrue(view.documentsPanel.missing.isReadOnly(), "told once: the checklist is read-only now");
        assertFalse(view.documentsPanel.tell.isAttached(), "no second telling");
    }

    @Test
    void a_customer_starts_an_application_in_the_portal_and_follows_its_steps() {
        signIn("customer", Role.CUSTOMER_NAME);
        PortalApplicationsView view = open(PortalApplicationsView.class);
        if (view.form.customer.getValue() == null) {
            view.form.customer.setValue(view.form.customer.getGenericDataView().getItems().findFirst().orElseThrow());
        }
        view.form.kind.setValue(ApplicationKind.TARIFF_CHANGE);
        view.form.address.setValue("门户路 8 号");
        click(view.form.save);
        assertTrue(view.detail.getChildren().findAny().isPresent(), "the new application is shown");
        assertTrue(view.grid.getGenericDataView().getItems().anyMatch(r -> r.kind() == ApplicationKind.TARIFF_CHANGE
                && r.currentStep() == ApplicationStep.ACCEPTANCE));
    }

    @Test
    void the_list_shows_the_open_applications_overdue_first() {
        fixtures.billingChange(fixtures.viewer("manager"), fixtures.managersCustomer());
        signIn("manager", Role.MANAGER_NAME);
        ApplicationsView view = open(ApplicationsView.class);
        assertTrue(view.grid.getGenericDataView().getItems().findAny().isPresent());
        assertTrue(view.grid.getGenericDataView().getItems().allMatch(r -> r.status().open()));
    }

    @Test
    void the_workbench_shows_the_managers_open_applications_overdue_first_and_the_customer_tab_lists_them() {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        ApplicationDetails a = fixtures.billingChange(manager, customer);
        cn.keyaccount.workbench.SectionSummary summary = section.summarise(manager,
                (key, params) -> cn.keyaccount.base.Messages.get(cn.keyaccount.base.Messages.CHINESE, key, params));
        assertTrue(summary.count() > 0);
        assertTrue(summary.rows().getFirst().urgent(), "the demo's overdue application comes first");
        signIn("manager", Role.MANAGER_NAME);
        open(ApplicationsView.class);
        com.vaadin.flow.component.Component content = tab.create(manager, customer, true);
        @SuppressWarnings("unchecked")
        com.vaadin.flow.component.grid.Grid<cn.keyaccount.application.ApplicationRow> grid =
                (com.vaadin.flow.component.grid.Grid<cn.keyaccount.application.ApplicationRow>) content.getChildren()
                        .filter(c -> c instanceof com.vaadin.flow.component.grid.Grid).findFirst().orElseThrow();
        assertTrue(grid.getGenericDataView().getItems().anyMatch(r -> r.id() == a.id()));
    }

    @Test
    void the_supply_scheme_reply_is_offered_from_its_step_and_its_document_shows_the_figures_of_the_screen()
            throws Exception {
        Viewer manager = fixtures.viewer("manager");
        long customer = fixtures.managersCustomer();
        BigDecimal capacity = fixtures.capacityOf(customer).add(new BigDecimal("500"));
        ApplicationDetails a = applications.create(manager, new cn.keyaccount.application.ApplicationDraft(customer,
                ApplicationKind.CAPACITY_INCREASE, capacity, new BigDecimal("900"), BasicChargeMode.CONTRACT_DEMAND,
                null, "方案路 2 号", null, null, null, ""));
        signIn("manager", Role.MANAGER_NAME);
        ApplicationView view = open("applications/" + a.id(), ApplicationView.class);
        assertEquals(null, view.schemePanel, "no scheme before its step");
        click(button(view, "application-complete"));
        assertTrue(view.schemePanel != null && view.schemePanel.isAttached(), "offered at 供电方案答复");
        assertTrue(view.schemePanel.download.isAttached());
        var grid = test(view.schemePanel.modes);
        java.util.List<String> screen = new java.util.ArrayList<>();
        for (int row = 0; row < grid.size(); row++) {
            screen.add(grid.getCellText(row, 0) + "|" + grid.getCellText(row, 1));
        }
        assertTrue(screen.size() >= 3, screen.toString());
        assertTrue(view.schemePanel.summary.getText().contains(cn.keyaccount.base.Money.grouped(capacity)),
                view.schemePanel.summary.getText());

        byte[] docx = schemes.write(manager, a.id(), cn.keyaccount.base.Messages.CHINESE).content();
        try (org.apache.poi.xwpf.usermodel.XWPFDocument doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(
                new java.io.ByteArrayInputStream(docx))) {
            org.apache.poi.xwpf.usermodel.XWPFTable modes = doc.getTables().stream()
                    .filter(t -> t.getRow(0).getTableCells().size() > 2 && t.getRow(0).getCell(2).getText()
                            .equals(getTranslation("report.scheme.yearly-basic-charge"))).findFirst().orElseThrow();
            java.util.List<String> written = new java.util.ArrayList<>();
            for (int row = 1; row < modes.getNumberOfRows(); row++) {
                written.add(modes.getRow(row).getCell(0).getText() + "|" + modes.getRow(row).getCell(2).getText());
            }
            assertEquals(screen, written, "the document prices the modes as the screen does");
            String all = doc.getTables().stream().map(org.apache.poi.xwpf.usermodel.XWPFTable::getText)
                    .reduce("", String::concat);
            assertTrue(all.contains(String.format(java.util.Locale.ROOT, "%,.1f", capacity)), "capacity: " + all);
            assertTrue(all.contains(getTranslation("application.scheme.metering.high-high"))
                    || all.contains(getTranslation("application.scheme.metering.high-low")), "metering: " + all);
            assertTrue(doc.getParagraphs().stream().anyMatch(p -> p.getText().contains(a.number())));
        }
    }

    private static com.vaadin.flow.component.button.Button button(ApplicationView view, String id) {
        return view.actions.getChildren().filter(c -> id.equals(c.getId().orElse(null)))
                .map(com.vaadin.flow.component.button.Button.class::cast).findFirst()
                .orElseThrow(() -> new AssertionError("no button " + id));
    }

    private static String getTranslation(String key) {
        return cn.keyaccount.base.Messages.get(cn.keyaccount.base.Messages.CHINESE, key);
    }
}
