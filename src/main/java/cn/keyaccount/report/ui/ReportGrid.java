package cn.keyaccount.report.ui;

import cn.keyaccount.report.ReportFile;
import cn.keyaccount.report.ReportFormat;
import cn.keyaccount.report.ReportService;
import cn.keyaccount.report.ReportDetails;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Issued reports, loaded lazily from the service (all the viewer may see, or one customer's), with a download link
 * per file; staff also see whether and when the customer downloaded each.
 */
class ReportGrid extends Grid<ReportDetails> {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    ReportGrid(ReportService reports, Viewer viewer, Long customerId) {
        if (customerId == null) {
            addColumn(r -> r.accountNo() + " " + r.customerName()).setHeader(getTranslation("report.ui.customer"))
                    .setFlexGrow(2);
        }
        addColumn(ReportDetails::period).setHeader(getTranslation("report.ui.period")).setAutoWidth(true);
        addColumn(r -> r.periodFrom() + " — " + r.periodTo()).setHeader(getTranslation("report.ui.range"))
                .setAutoWidth(true);
        addColumn(ReportDetails::issue).setHeader(getTranslation("report.ui.issue")).setAutoWidth(true);
        addColumn(r -> getTranslation("report.ui.language." + r.language()))
                .setHeader(getTranslation("report.ui.language")).setAutoWidth(true);
        addColumn(ReportDetails::healthScore).setHeader(getTranslation("report.health-score")).setAutoWidth(true);
        addColumn(ReportDetails::savingYuan).setHeader(getTranslation("report.annual-saving-yuan")).setAutoWidth(true);
        addColumn(r -> r.generatedBy() + " · " + time(r.generatedAt())).setHeader(getTranslation("report.ui.issued"))
                .setAutoWidth(true);
        if (!viewer.isCustomer()) {
            addColumn(r -> r.downloadedByCustomer() ? getTranslation("report.ui.downloaded", r.customerDownloads(),
                    time(r.firstCustomerDownloadAt()), time(r.lastCustomerDownloadAt()))
                    : getTranslation("report.ui.not-downloaded")).setHeader(getTranslation("report.ui.customer-download"))
                    .setFlexGrow(2);
        }
        addComponentColumn(r -> {
            HorizontalLayout links = new HorizontalLayout();
            for (ReportDetails.FileInfo f : r.files()) {
                DownloadHandler handler = event -> {
                    ReportFile file = reports.download(viewer, r.id(), f.format());
                    event.setFileName(file.fileName());
                    event.setContentType(f.format().contentType());
                    event.getOutputStream().write(file.content());
                };
                Anchor a = new Anchor(handler, f.format() == ReportFormat.XLSX ? "Excel" : "Word");
                a.getElement().setAttribute("title", "SHA-256 " + f.sha256());
                links.add(a);
            }
            return links;
        }).setHeader(getTranslation("report.ui.files")).setAutoWidth(true);
        setItems(q -> reports.list(viewer, customerId, q.getOffset(), q.getLimit()).stream(),
                q -> (int) reports.count(viewer, customerId));
        setEmptyStateText(getTranslation("report.ui.none"));
        setAllRowsVisible(true);
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(ReportService.ZONE).format(TIME);
    }
}
