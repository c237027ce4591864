package cn.keyaccount.energy.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.energy.ImportReport;
import cn.keyaccount.energy.MeterDetails;
import cn.keyaccount.energy.Recommendation;
import cn.keyaccount.energy.TransformerLoad;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.UserService;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@QuarkusTest
class EnergyViewsTest extends BrowserlessQuarkusTest {

    @Inject
    EnergyService energy;
    @Inject
    CustomerService customers;
    @Inject
    UserService users;

    private CustomerDetails demoAccount() {
        return customers.ownAccounts(users.viewer("customer")).getFirst();
    }

    @Test
    void the_dashboard_draws_its_five_charts_and_adds_last_year_when_asked() {
        signIn("manager", Role.MANAGER_NAME);
        Viewer manager = users.viewer("manager");
        EnergyPanel panel = new EnergyPanel(energy, manager, demoAccount().id(), true);
        UI.getCurrent().add(panel);

        assertTrue(panel.loadCurve.getOption().contains("\"type\":\"line\""));
        assertTrue(panel.touPie.getOption().contains("\"type\":\"pie\""));
        assertTrue(panel.touPie.getOption().contains("谷"));
        assertTrue(panel.days.getOption().contains("典型日"));
        assertTrue(panel.days.getOption().contains("最大需量日"));
        assertTrue(panel.powerFactor.getOption().contains("markLine"));
        assertTrue(panel.shownMonths().size() >= 12);
        assertFalse(panel.monthly.getOption().contains("去年同期"));

        panel.period.lastYear.setValue(true);
        panel.analyse();

        assertTrue(panel.monthly.getOption().contains("去年同期"));
        assertTrue(panel.loadCurve.getOption().contains("去年同期"));
        assertEquals(2, panel.summary.getChildren().count());

        // after an upload or a profile change the panel is built again, its tables keep their columns
        int columns = panel.months.getColumns().size();
        panel.build();
        assertEquals(columns, panel.months.getColumns().size());
        assertTrue(panel.touPie.getOption().contains("\"type\":\"pie\""));
    }

    @Test
    void the_dashboard_shows_a_row_per_transformer_and_their_total_with_losses_that_add_up() {
        signIn("manager", Role.MANAGER_NAME);
        Viewer manager = users.viewer("manager");
        boolean sharedNoted = false;
        for (CustomerDetails account : customers.ownAccounts(users.viewer("customer"))) {
            EnergyPanel panel = new EnergyPanel(energy, manager, account.id(), true);
            UI.getCurrent().add(panel);
            List<TransformerGrid.Row> rows = panel.transformers.rows();
            assertTrue(rows.size() >= 3, "two transformers and the total");
            TransformerGrid.Row total = rows.getLast();
            assertEquals(TransformerLoad.Basis.CUSTOMER_TOTAL, total.load().basis());
            assertEquals(rows.subList(0, rows.size() - 1).stream().mapToLong(TransformerGrid.Row::lossKwh).sum(),
                    total.lossKwh());
            if (rows.stream().anyMatch(r -> r.load().basis() == TransformerLoad.Basis.SHARED_BY_RATING)) {
                assertTrue(panel.transformerNote.getText().startsWith("按容量分摊"));
                sharedNoted = true;
            }
        }
        assertTrue(sharedNoted, "the demo shows a transformer shared by rating");
        EnergyPanel panel = new EnergyPanel(energy, manager, demoAccount().id(), true);
        assertEquals("负载最不合理的变压器 MAIN：平均负载率 0.24（轻载）",
                panel.explain("energy.health.transformer", List.of(0.24, "LIGHT", "MAIN")));
    }

    @Test
    void advice_that_needs_an_application_has_a_button_to_start_it_pre_filled_for_staff_only() {
        signIn("manager", Role.MANAGER_NAME);
        Viewer manager = users.viewer("manager");
        int withApplication = 0;
        for (CustomerDetails account : customers.ownAccounts(users.viewer("customer"))) {
            EnergyPanel panel = new EnergyPanel(energy, manager, account.id(), true);
            UI.getCurrent().add(panel);
            EnergyPanel readOnly = new EnergyPanel(energy, manager, account.id(), false);
            assertEquals(panel.recommendations.getColumns().size() - 1, readOnly.recommendations.getColumns().size());
            for (int r = 0; r < test(panel.recommendations).size(); r++) {
                Recommendation advice = test(panel.recommendations).getRow(r);
                if (advice.application() == null) {
                    continue;
                }
                withApplication++;
                Button start = panel.startApplication(advice);
                String href = start.getElement().getAttribute("data-href");
                assertTrue(href.startsWith("applications/new?customer=" + account.id() + "&kind="
                        + advice.application().kind().routeName()), href);
                assertEquals("发起业扩申请", start.getText());
            }
        }
        assertTrue(withApplication > 0, "the demo accounts have advice that needs an application");
    }

    @Test
    void the_last_month_preset_picks_the_last_whole_month_with_readings() {
        signIn("manager", Role.MANAGER_NAME);
        EnergyPanel panel = new EnergyPanel(energy, users.viewer("manager"), demoAccount().id(), true);
        UI.getCurrent().add(panel);

        panel.period.preset.setValue(PeriodBar.Preset.LAST_MONTH);

        LocalDate from = panel.period.from.getValue();
        assertEquals(1, from.getDayOfMonth());
        assertEquals(from.lengthOfMonth(), panel.period.to.getValue().getDayOfMonth());
        panel.period.from.setValue(from.minusDays(3));
        assertEquals(PeriodBar.Preset.CUSTOM, panel.period.preset.getValue());
    }

    @Test
    void the_upload_report_lists_each_issue_with_its_file_and_row() {
        signIn("manager", Role.MANAGER_NAME);
        Viewer manager = users.viewer("manager");
        long customer = demoAccount().id();
        String csv = "meter,time,kwh\nUPV-1,2016-01-01 00:15,1\nUPV-1,2016-01-01 00:30,-2\n";
        ImportReport report = energy.importReadings(manager, customer, "bad.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
        EnergyUploadDialog dialog = new EnergyUploadDialog(energy, manager, customer, () -> { });

        dialog.show(report);

        ImportReport.Issue negative = dialog.shownIssues().stream()
                .filter(i -> i.kind() == ImportReport.Kind.NEGATIVE).findFirst().orElseThrow();
        assertEquals("bad.csv", negative.file());
        assertEquals(3, negative.row());
        assertTrue(test(dialog.issues).size() >= 1);
        assertTrue(dialog.files.getElement().getText().contains("bad.csv")
                || dialog.files.getChildren().findFirst().orElseThrow().getElement().getTextRecursively()
                .contains("bad.csv"));
    }

    @Test
    void the_dialog_asks_before_replacing_a_stored_day_with_fewer_readings_and_replaces_it_once_confirmed()
            throws Exception {
        signIn("manager", Role.MANAGER_NAME);
        Viewer manager = users.viewer("manager");
        long customer = demoAccount().id();
        String meter = "UPS-" + System.nanoTime() % 100_000_000;
        java.time.LocalDate day = java.time.LocalDate.of(2013, 2, 1);
        StringBuilder full = new StringBuilder("meter,time,kwh\n");
        for (int k = 1; k <= 96; k++) {
            full.append(meter).append(',').append(day.atStartOfDay().plusMinutes(15L * k).toString().replace('T', ' '))
                    .append(",1\n");
        }
        assertTrue(energy.importReadings(manager, customer, "full.csv",
                new ByteArrayInputStream(full.toString().getBytes(StandardCharsets.UTF_8))).accepted());
        java.nio.file.Path oneRow = java.nio.file.Files.createTempFile("one-row", ".csv");
        java.nio.file.Files.writeString(oneRow, "meter,time,kwh\n" + meter + "," + day + " 00:15,5\n");
        ImportReport refused;
        try (var in = java.nio.file.Files.newInputStream(oneRow)) {
            refused = energy.importReadings(manager, customer, "one-row.csv", in);
        }
        assertTrue(refused.needsConfirmation(), refused.toString());
        EnergyUploadDialog dialog = new EnergyUploadDialog(energy, manager, customer, () -> { });

        dialog.askToReplace(com.vaadin.flow.component.UI.getCurrent(), refused, oneRow.toFile());
        roundTrip();

        var confirm = test(dialog.confirm);
        assertTrue(confirm.getText().contains(meter) && confirm.getText().contains(day.toString()),
                confirm.getText());
        assertEquals(96.0, energy.analyse(manager, customer, day, day).load().energyKwh(), 1e-6);
        confirm.confirm();
        // the dialog's worker imports the kept file again, with the confirmation
        double stored = 96;
        for (int i = 0; i < 200 && stored != 5; i++) {
            Thread.sleep(100);
            stored = energy.analyse(manager, customer, day, day).load().energyKwh();
        }
        assertEquals(5.0, stored, 1e-6);
        for (int i = 0; i < 50 && java.nio.file.Files.exists(oneRow); i++) {
            Thread.sleep(100);
        }
        assertTrue(!java.nio.file.Files.exists(oneRow), "the kept upload is deleted after the import");
    }

    @Test
    void an_administrator_sees_the_tariff_versions_and_a_form_without_prices_is_marked_at_its_fields() {
        signIn("admin", Role.ADMIN_NAME);
        TariffAdminView view = open(TariffAdminView.class);
        assertTrue(test(view.grid).size() >= 2);
        view.province.setValue("广东");
        assertTrue(test(view.grid).size() >= 1);
        for (int i = 0; i < test(view.grid).size(); i++) {
            assertEquals("广东", test(view.grid).getRow(i).province());
        }

        view.form.edit(test(view.grid).getRow(0));
        view.form.peak.setValue(null);
        view.form.validFrom.setValue(LocalDate.of(2030, 1, 1));
        view.form.seasons.setValue("全年 | 1,2,3 | 23:00-07:00 谷");
        asUser(view.form, () -> view.save(view.form.draft()));

        assertTrue(view.form.peak.isInvalid());
        assertTrue(view.form.seasons.isInvalid());
        assertTrue(view.form.errors.getElement().getTextRecursively().contains("4,5,6"));
    }

    @Test
    void a_manager_puts_the_demo_accounts_meters_on_its_transformers_in_the_meters_dialog() {
        signIn("manager", Role.MANAGER_NAME);
        Viewer manager = users.viewer("manager");
        long customer = demoAccount().id();
        EnergyMetersDialog dialog = new EnergyMetersDialog(energy, manager, customer, () -> { });
        List<MeterDetails> meters = IntStream.range(0, test(dialog.meters).size())
                .mapToObj(i -> test(dialog.meters).getRow(i)).toList();
        assertFalse(meters.isEmpty(), "the demo account has meters");
        MeterDetails meter = meters.getFirst();
        var transformers = energy.transformersOf(manager, customer);
        var other = transformers.stream().filter(t -> !Long.valueOf(t.id()).equals(meter.transformerId()))
                .findFirst().orElseThrow();

        try {
            assertTrue(dialog.assign(meter, other));
            assertEquals(other.id(), stored(manager, customer, meter.id()).transformerId());
            assertTrue(dialog.assign(meter, null));
            assertNull(stored(manager, customer, meter.id()).transformerId());
        } finally {
            dialog.assign(meter, meter.transformerId() == null ? null : transformers.stream()
                    .filter(t -> t.id() == meter.transformerId()).findFirst().orElseThrow());
        }
        assertEquals(meter.transformerId(), stored(manager, customer, meter.id()).transformerId());
    }

    private MeterDetails stored(Viewer viewer, long customer, long meterId) {
        return energy.coverage(viewer, customer).meters().stream().filter(m -> m.id() == meterId).findFirst()
                .orElseThrow();
    }

    @Test
    void a_stale_profile_is_refused_and_a_missing_declared_demand_is_marked_when_billing_by_contract() {
        signIn("manager", Role.MANAGER_NAME);
        Viewer manager = users.viewer("manager");
        long customer = customers.ownAccounts(users.viewer("customer")).getLast().id();
        EnergyProfileDialog dialog = new EnergyProfileDialog(energy, manager, customer, () -> { });

        dialog.mode.setValue(cn.keyaccount.customer.BasicChargeMode.CONTRACT_DEMAND);
        dialog.declaredKw.setValue(null);
        asUser(dialog, dialog::save);

        assertTrue(dialog.declaredKw.isInvalid());
    }

    /** One of the manager's customers with the demo's 13 months of readings: last year holds about one month. */
    private long thirteenMonthCustomer(Viewer manager) {
        for (cn.keyaccount.customer.CustomerRow c : customers.search(manager,
                cn.keyaccount.customer.CustomerSearch.all(), cn.keyaccount.customer.CustomerSearch.Order.DEFAULT, 0,
                500)) {
            EnergyService.Coverage coverage = energy.coverage(manager, c.id());
            // a demo customer's thirteen months: not one whose few days another test imported (no last year at all)
            if (coverage.lastDay() != null && coverage.firstDay().isAfter(coverage.lastDay().minusMonths(14))
                    && coverage.firstDay().isBefore(coverage.lastDay().minusMonths(12))) {
                return c.id();
            }
        }
        throw new AssertionError("no customer with 13 months of demo readings");
    }

    @Test
    void comparing_with_a_year_that_holds_less_data_says_so_and_the_months_that_are_not_whole_are_marked() {
        signIn("manager", Role.MANAGER_NAME);
        Viewer manager = users.viewer("manager");
        long id = thirteenMonthCustomer(manager);
        EnergyPanel panel = new EnergyPanel(energy, manager, id, true);
        UI.getCurrent().add(panel);

        LocalDate lastDay = energy.coverage(manager, id).lastDay();
        if (!lastDay.equals(java.time.YearMonth.from(lastDay).atEndOfMonth())) {
            String month = java.time.YearMonth.from(lastDay).toString();
            assertTrue(panel.partialNote.getText().contains(month + "（" + lastDay.getDayOfMonth() + "/"),
                    panel.partialNote.getText());
            assertTrue(panel.monthly.getOption().contains(month + "*"), "starred on the axis");
            assertTrue(panel.monthly.getOption().contains("\"opacity\":0.4"), "drawn lighter");
            assertTrue(panel.monthly.getOption().contains("浅色柱"), "the legend says what lighter means");
        }
        assertEquals("", panel.coverageNote.getText(), "nothing to say before comparing");

        panel.period.lastYear.setValue(true);
        panel.analyse();
        assertTrue(panel.coverageNote.getText().startsWith("注意：去年同期仅"), panel.coverageNote.getText());
        assertTrue(panel.summary.getElement().getTextRecursively().contains("数据覆盖"));
    }

    @Test
    void the_headline_and_the_tables_show_money_with_two_decimals_and_thousands_separators() {
        signIn("manager", Role.MANAGER_NAME);
        Viewer manager = users.viewer("manager");
        EnergyPanel panel = new EnergyPanel(energy, manager, demoAccount().id(), true);
        UI.getCurrent().add(panel);
        panel.period.preset.setValue(PeriodBar.Preset.LAST_MONTH);
        panel.analyse();
        String headline = panel.summary.getElement().getTextRecursively();
        assertTrue(headline.matches(".*电费 \\d{1,3}(,\\d{3})*\\.\\d{2} 元.*"), headline);
        String energyCharge = test(panel.months).getCellText(0, 6);
        assertTrue(energyCharge.matches("\\d{1,3}(,\\d{3})*\\.\\d{2}"), energyCharge);
    }
}
