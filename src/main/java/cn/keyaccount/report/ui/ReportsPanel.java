package cn.keyaccount.report.ui;

import cn.keyaccount.base.ui.NarrowScreen;
import cn.keyaccount.base.ui.Errors;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.report.ReportService;
import cn.keyaccount.report.ReportDetails;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.component.select.Select;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.stream.IntStream;

/**
 * One customer's reports: who may change the customer issues a report for a month (in the background, with a
 * progress bar fed by the service's steps; the page polls while it runs), and every issue is listed with its files
 * and whether the customer downloaded it.
 */
class ReportsPanel extends VerticalLayout {

    final Select<YearMonth> month = new Select<>();
    final Select<String> language = new Select<>();
    final Checkbox notify = new Checkbox();
    final Button issue = new Button();
    final ProgressBar progress = new ProgressBar();
    final Span status = new Span();
    final ReportGrid grid;
    private final ReportService reports;
    private final Viewer viewer;
    private final long customerId;

    private final Clock clock;

    ReportsPanel(Clock clock, ReportService reports, Viewer viewer, long customerId, boolean editable) {
        this.clock = clock;
        this.reports = reports;
        this.viewer = viewer;
        this.customerId = customerId;
        setPadding(false);
        grid = new ReportGrid(reports, viewer, customerId);
        grid.cards(NarrowScreen.of(this), reports, viewer);
        if (editable) {
            YearMonth last = YearMonth.now(clock).minusMonths(1);
            List<YearMonth> months = IntStream.range(0, 36).mapToObj(last::minusMonths).toList();
            month.setLabel(getTranslation("report.ui.month"));
            month.setItems(months);
            month.setValue(last);
            language.setLabel(getTranslation("report.ui.language"));
            language.setItems("zh", "en");
            language.setItemLabelGenerator(l -> getTranslation("report.ui.language." + l));
            language.setValue("zh");
            notify.setLabel(getTranslation("report.ui.notify"));
            notify.setValue(true);
            issue.setText(getTranslation("report.ui.issue-button"));
            issue.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            issue.addClickListener(e -> start());
            progress.setVisible(false);
            progress.setWidth("16em");
            HorizontalLayout bar = new HorizontalLayout(month, language, notify, issue, progress, status);
            bar.setWrap(true);
            bar.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
            add(bar);
        }
        add(grid);
    }

    /** Issues the report on a virtual thread; the steps come back through UI.access while the page polls. */
    private void start() {
        UI ui = UI.getCurrent();
        YearMonth m = month.getValue();
        String lang = language.getValue();
        boolean tell = notify.getValue();
        issue.setEnabled(false);
        progress.setVisible(true);
        progress.setValue(0);
        ui.setPollInterval(400);
        Thread.ofVirtual().start(() -> {
            try {
                ReportDetails made = reports.generate(viewer, customerId, m, lang, tell, (key, done, of) ->
                        ui.access(() -> {
                            progress.setValue(done / (double) of);
                            status.setText(getTranslation(key));
                        }));
                ui.access(() -> {
                    finish();
                    Notices.success(getTranslation("report.ui.issued-ok", made.period(), made.issue()));
                });
            } catch (RuntimeException e) {
                ui.access(() -> {
                    finish();
                    Errors.show(this, e);
                });
            }
        });
    }

    private void finish() {
        UI.getCurrent().setPollInterval(-1);
        issue.setEnabled(true);
        progress.setVisible(false);
        status.setText("");
        grid.getDataProvider().refreshAll();
    }
}
