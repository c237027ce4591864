package cn.keyaccount.report.ui;

import cn.keyaccount.base.ui.NarrowScreen;
import com.vaadin.flow.component.html.Div;
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
                    .setFlexGrow(3).setWidth("14rem").setTooltipGenerator(r -> r.accountNo() + " " + r.customerName());
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
        // both links always whole: a fixed width, not the auto width measured before the links exist
        addComponentColumn(r -> files(reports, viewer, r)).setHeader(getTranslation("report.ui.files"))
                .setWidth("9rem").setFlexGrow(0);
        setItems(q -> reports.list(viewer, customerId, q.getOffset(), q.getLimit()).stream(),
                q -> (int) reports.count(viewer, customerId));
        setEmptyStateText(getTranslation("report.ui.none"));
        setAllRowsVisible(true);
    }

    /** On a phone one card per report: customer, period, issue and score, with its download links. */
    void cards(NarrowScreen narrow, ReportService reports, Viewer viewer) {
        narrow.cards(this, r -> {
            Div card = NarrowScreen.card(r.accountNo() + " " + r.customerName(), r.period(),
                    getTranslation("report.ui.issue") + " " + r.issue(),
                    getTranslation("report.health-score") + " " + r.healthScore(), time(r.generatedAt()));
            card.add(files(reports, viewer, r));
            return card;
        });
    }

    private static HorizontalLayout files(ReportService reports, Viewer viewer, ReportDetails r) {
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
            a.getStyle().set("white-space", "nowrap");
            links.add(a);
        }
        return links;
    }

    private static String time(OffsetDateTime t) {
        return t == null ? "" : t.atZoneSameInstant(ReportService.ZONE).format(TIME);
    }
}
