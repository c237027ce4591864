package cn.keyaccount.energy.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.CountingStream;
import cn.keyaccount.base.ui.Errors;
import cn.keyaccount.base.ui.Uploads;
import cn.keyaccount.energy.EnergyService;
import cn.keyaccount.energy.ImportReport;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.upload.Upload;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Uploads metering exports (CSV or XLSX, several at once) for a customer: the upload shows its own transfer
 * progress, then each file is imported in the background while a progress bar follows the bytes read; the
 * validation report lists every issue by file and row. Files are imported one after another, each whole or not at all.
 */
class EnergyUploadDialog extends Dialog {

    private static final long PROGRESS_STEP = 4L << 20;

    /**
     * A file may be large (a year of many meters): 256 MB, about 6 million readings as CSV; the same bound as a
     * REST upload's body ({@code quarkus.http.limits.max-body-size}).
     */
    static final long MAX_FILE_BYTES = 256L << 20;

    private final EnergyService energy;
    private final Viewer viewer;
    private final long customerId;
    private final Runnable onImported;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "energy-upload");
        t.setDaemon(true);
        return t;
    });
    final Upload upload = new Upload();
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();
    final Div files = new Div();
    final Grid<ImportReport.Issue> issues = new Grid<>();
    private final List<ImportReport.Issue> shown = new ArrayList<>();
    ConfirmDialog confirm;
    private int running;
    private boolean imported;

    EnergyUploadDialog(EnergyService energy, Viewer viewer, long customerId, Runnable onImported) {
        this.energy = energy;
        this.viewer = viewer;
        this.customerId = customerId;
        this.onImported = onImported;
        setHeaderTitle(getTranslation("energy.upload.title"));
        setWidth("min(1100px, 95vw)");
        upload.setId("energy-upload-files");
        Uploads.localized(upload);
        upload.setAcceptedFileTypes(".csv", ".xlsx", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        Uploads.limit(upload, MAX_FILE_BYTES);
        upload.setUploadHandler(Uploads.toTempFile((meta, file) -> {
            UI ui = upload.getUI().orElseThrow();
            ui.access(() -> started(ui, meta.fileName()));
            worker.submit(() -> importInBackground(ui, meta.fileName(), file, false));
        }, MAX_FILE_BYTES));
        progress.setVisible(false);
        progress.setId("energy-upload-progress");
        issues.addColumn(ImportReport.Issue::file).setHeader(getTranslation("energy.upload.file")).setFlexGrow(2);
        issues.addColumn(ImportReport.Issue::row).setHeader(getTranslation("energy.upload.row"));
        issues.addColumn(ImportReport.Issue::column).setHeader(getTranslation("energy.upload.column"));
        issues.addColumn(i -> getTranslation("energy.severity." + i.severity().name()))
                .setHeader(getTranslation("energy.upload.severity"));
        issues.addColumn(i -> getTranslation("energy.issue." + i.kind().name()))
                .setHeader(getTranslation("energy.upload.kind")).setFlexGrow(2);
        issues.addColumn(ImportReport.Issue::meterNo).setHeader(getTranslation("energy.upload.meter"));
        issues.addColumn(ImportReport.Issue::at).setHeader(getTranslation("energy.upload.at")).setFlexGrow(2);
        issues.addColumn(ImportReport.Issue::detail).setHeader(getTranslation("energy.upload.detail"));
        issues.setHeight("320px");
        issues.setVisible(false);
        add(new Span(getTranslation("energy.upload.help")), upload, progress, status, files, issues);
        Button close = new Button(getTranslation("energy.upload.close"), e -> close());
        getFooter().add(close);
        // files already uploaded are still imported after the dialog closes; nothing new is accepted
        addDetachListener(e -> worker.shutdown());
        addDialogCloseActionListener(e -> close());
    }

    @Override
    public void close() {
        super.close();
        if (imported) {
            onImported.run();
        }
    }

    private void started(UI ui, String fileName) {
        running++;
        ui.setPollInterval(500);
        progress.setVisible(true);
        progress.setValue(0);
        status.setText(getTranslation("energy.upload.importing", fileName));
    }

    private void importInBackground(UI ui, String fileName, File file, boolean replaceShorterDays) {
        ImportReport report = null;
        try {
            long size = Math.max(1, file.length());
            try (InputStream in = counting(Files.newInputStream(file.toPath()),
                    read -> ui.access(() -> progress.setValue(Math.min(1.0, read / (double) size))))) {
                report = energy.importReadings(viewer, customerId, fileName, in, replaceShorterDays);
            }
        } catch (BusinessException e) { // a refused file is reported in the dialog's list of files, beside the others
            ui.access(() -> failed(ui, getTranslation(e.key(), e.args())));
            return;
        } catch (IOException | RuntimeException e) {
            ui.access(() -> {
                failed(ui, fileName);
                Errors.show(this, e);
            });
            return;
        } finally {
            // kept only while the user is asked whether the shorter days may replace the stored ones
            if (report == null || !report.needsConfirmation()) {
                file.delete();
            }
        }
        ImportReport done = report;
        ui.access(() -> {
            show(done);
            if (done.needsConfirmation()) {
                askToReplace(ui, done, file);
            }
            finished(ui);
        });
    }

    /**
     * The file would replace stored days with fewer readings: says which (meter and day) and re-runs the import with
     * the confirmation when the user agrees; the kept file is deleted either way.
     */
    void askToReplace(UI ui, ImportReport report, File file) {
        String days = String.join("、", report.issues().stream()
                .filter(i -> i.kind() == ImportReport.Kind.SHORTER_DAY).limit(10)
                .map(i -> i.meterNo() + " " + i.at() + "（" + i.detail() + "）").toList());
        confirm = new ConfirmDialog(getTranslation("energy.upload.shorter.title"),
                getTranslation("energy.upload.shorter.text", report.file(), report.shorterDays(), days),
                getTranslation("energy.upload.shorter.replace"), e -> {
                    started(ui, report.file());
                    worker.submit(() -> importInBackground(ui, report.file(), file, true));
                });
        confirm.setId("energy-upload-replace-shorter");
        confirm.setConfirmButtonTheme("error primary");
        confirm.setCancelable(true);
        confirm.setCancelText(getTranslation("energy.upload.shorter.keep"));
        confirm.addCancelListener(e -> file.delete());
        confirm.open();
    }

    private void failed(UI ui, String message) {
        files.add(new Div(new Span(message)));
        finished(ui);
    }

    private void finished(UI ui) {
        running--;
        if (running <= 0) {
            running = 0;
            ui.setPollInterval(-1);
            progress.setVisible(false);
            status.setText("");
        }
    }

    /** Shows one file's outcome and adds its issues to the report (newest file first). */
    void show(ImportReport r) {
        String line = r.accepted()
                ? getTranslation("energy.upload.stored", r.file(), r.rows(), r.meterDays(), r.meters(),
                        String.valueOf(r.firstDay()), String.valueOf(r.lastDay()), r.warnings())
                : getTranslation("energy.upload.rejected", r.file(), r.rows(), r.errors(), r.warnings());
        Div d = new Div(new Span(line));
        d.addClassName(r.accepted() ? "energy-upload-stored" : "energy-upload-rejected");
        d.getStyle().set("color", r.accepted() ? "var(--lumo-success-text-color)" : "var(--lumo-error-text-color)");
        files.addComponentAsFirst(d);
        imported |= r.accepted();
        shown.addAll(0, r.issues());
        issues.setItems(shown);
        issues.setVisible(!shown.isEmpty());
    }

    List<ImportReport.Issue> shownIssues() {
        return List.copyOf(shown);
    }

    /** Reports the bytes the importer has read, every 4 MB. */
    private static InputStream counting(InputStream in, java.util.function.LongConsumer report) {
        long[] reported = {0};
        return new CountingStream(in, read -> {
            if (read - reported[0] >= PROGRESS_STEP) {
                reported[0] = read;
                report.accept(read);
            }
        });
    }

}
