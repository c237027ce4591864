package cn.keyaccount.billing.ui;

import cn.keyaccount.base.Money;
import cn.keyaccount.base.ui.Uploads;
import cn.keyaccount.billing.BillDetails;
import cn.keyaccount.billing.BillingService;
import cn.keyaccount.billing.ImportProblem;
import cn.keyaccount.billing.ImportReport;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.NativeLabel;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.util.Locale;
import java.time.LocalDate;

/**
 * Billing notices (电费通知): import the month's bill issuance (each account's billing contacts are told) and the
 * payments; refused files list every bad row; bills with their arrears reminders; today's reminders on demand.
 */
@Route("billing")
@PageTitle("billing.menu")
@Menu(title = "billing.menu", order = 45, icon = "vaadin:invoice")
@RolesAllowed(Roles.DISPATCH_STAFF)
class BillingView extends VerticalLayout {

    private final BillingService billing;
    private final Viewer viewer;
    final Grid<BillDetails> bills = new Grid<>();
    final Grid<ImportProblem> problems = new Grid<>();
    final H4 problemTitle = new H4();
    final Checkbox unpaidOnly = new Checkbox();
    final Button remindNow = new Button();

    private final Clock clock;

    BillingView(Clock clock, BillingService billing, CurrentViewer currentViewer) {
        this.clock = clock;
        this.billing = billing;
        this.viewer = currentViewer.get();
        setSizeFull();
        Upload billUpload = upload("billing-upload-bills", billing::importBills);
        Upload paymentUpload = upload("billing-upload-payments", billing::importPayments);
        unpaidOnly.setLabel(getTranslation("billing.unpaid-only"));
        unpaidOnly.addValueChangeListener(e -> bills.getDataProvider().refreshAll());
        remindNow.setText(getTranslation("billing.remind-now"));
        remindNow.setId("billing-remind-now");
        remindNow.addClickListener(e -> {
            int n = billing.escalateArrears(LocalDate.now(clock));
            Notification.show(getTranslation("billing.reminded", n));
            bills.getDataProvider().refreshAll();
        });
        HorizontalLayout uploads = new HorizontalLayout(
                new VerticalLayout(new NativeLabel(getTranslation("billing.import-bills")), billUpload),
                new VerticalLayout(new NativeLabel(getTranslation("billing.import-payments")), paymentUpload));
        configureProblems();
        configureBills();
        add(uploads, problemTitle, problems, new HorizontalLayout(unpaidOnly, remindNow), bills);
    }

    private Upload upload(String id, Importer importer) {
        Upload upload = Uploads.localized(new Upload());
        Uploads.limit(upload, Uploads.IMPORT_MAX_BYTES);
        upload.setUploadHandler(Uploads.inMemory((meta, data) -> {
            ImportReport report = importer.apply(viewer, meta.fileName(), data);
            upload.getUI().ifPresent(ui -> ui.access(() -> show(report)));
        }, Uploads.IMPORT_MAX_BYTES));
        upload.setId(id);
        upload.setAcceptedFileTypes(".csv", ".xlsx");
        return upload;
    }

    /** The billing service's import, as the upload calls it. */
    @FunctionalInterface
    interface Importer {
        ImportReport apply(Viewer viewer, String file, byte[] content);
    }

    void show(ImportReport report) {
        problems.setItems(report.problems());
        problems.setVisible(!report.ok());
        problemTitle.setVisible(!report.ok());
        problemTitle.setText(getTranslation("billing.refused", report.file(), report.problems().size()));
        if (report.ok()) {
            Notification.show(getTranslation("billing.imported", report.file(), report.imported()))
                    .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
            bills.getDataProvider().refreshAll();
        }
    }

    private void configureProblems() {
        problems.setId("billing-problems");
        problems.addColumn(ImportProblem::row).setHeader(getTranslation("billing.row")).setAutoWidth(true);
        problems.addColumn(ImportProblem::field).setHeader(getTranslation("billing.field")).setAutoWidth(true);
        problems.addColumn(p -> getTranslation(p.key(), p.value())).setHeader(getTranslation("billing.problem")).setFlexGrow(2);
        problems.addColumn(ImportProblem::value).setHeader(getTranslation("billing.value"));
        problems.setAllRowsVisible(true);
        problems.setVisible(false);
        problemTitle.setVisible(false);
    }

    private void configureBills() {
        bills.setId("billing-bills");
        bills.addColumn(BillDetails::accountNo).setHeader(getTranslation("billing.account")).setAutoWidth(true);
        bills.addColumn(BillDetails::customerName).setHeader(getTranslation("billing.customer")).setFlexGrow(2);
        bills.addColumn(BillDetails::period).setHeader(getTranslation("billing.period")).setAutoWidth(true);
        bills.addColumn(b -> new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT))
                .format(b.kwh())).setHeader(getTranslation("billing.kwh"));
        bills.addColumn(b -> Money.yuan(b.total())).setHeader(getTranslation("billing.total"));
        bills.addColumn(BillDetails::dueDate).setHeader(getTranslation("billing.due-date")).setAutoWidth(true);
        bills.addColumn(b -> b.paidAt() == null ? getTranslation("billing.unpaid") : b.paidAt().toString())
                .setHeader(getTranslation("billing.paid-at")).setAutoWidth(true);
        bills.addColumn(BillDetails::remindersSent).setHeader(getTranslation("billing.reminders"));
        bills.setItems(q -> billing.list(viewer, unpaidOnly.getValue(), q.getOffset(), q.getLimit()).stream(),
                q -> (int) billing.count(viewer, unpaidOnly.getValue()));
    }
}
