package cn.keyaccount.outage.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.outage.CriticalPeriodService;
import cn.keyaccount.outage.CriticalPeriodDetails;
import cn.keyaccount.outage.CustomerOutage;
import cn.keyaccount.outage.OutageQueries;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/**
 * The outages affecting one customer (the last 90 days and ahead) with the effect and the first warning's class, and
 * the customer's declared critical-production periods, which its manager adds and removes here.
 */
class CustomerOutagesTab extends VerticalLayout implements ShowsFieldErrors {

    private final CriticalPeriodService periods;
    private final Viewer viewer;
    private final long customerId;
    final Grid<CustomerOutage> outageGrid = new Grid<>();
    final Grid<CriticalPeriodDetails> periodGrid = new Grid<>();
    final DateTimePicker from = new DateTimePicker();
    final DateTimePicker to = new DateTimePicker();
    final TextField reason = new TextField();
    final Button add = new Button();

    private final Clock clock;

    CustomerOutagesTab(Clock clock, OutageQueries outages, CriticalPeriodService periods, Viewer viewer, long customerId,
                       boolean editable) {
        this.clock = clock;
        this.periods = periods;
        this.viewer = viewer;
        this.customerId = customerId;
        setPadding(false);
        outageGrid.setId("customer-outages");
        outageGrid.addColumn(o -> OutageUi.time(o.startsAt()) + " – " + OutageUi.time(o.endsAt()))
                .setHeader(OutageUi.t("outage.period")).setAutoWidth(true);
        outageGrid.addColumn(o -> OutageUi.t("outage.kind." + o.kind())).setHeader(OutageUi.t("outage.kind"));
        outageGrid.addColumn(CustomerOutage::title).setHeader(OutageUi.t("outage.title")).setFlexGrow(2);
        outageGrid.addColumn(o -> OutageUi.t("outage.status." + o.status())).setHeader(OutageUi.t("outage.status"));
        outageGrid.addColumn(o -> OutageUi.t("outage.effect." + o.effect())).setHeader(OutageUi.t("outage.effect"));
        outageGrid.addColumn(CustomerOutage::linesOut).setHeader(OutageUi.t("outage.lines-out"));
        outageGrid.addComponentColumn(o -> OutageUi.badge(o.warningClass()))
                .setHeader(OutageUi.t("outage.warning-class"));
        outageGrid.addColumn(o -> OutageUi.time(o.firstWarningAt())).setHeader(OutageUi.t("outage.first-warning-at"));
        outageGrid.setItems(outages.ofCustomer(viewer, customerId, OffsetDateTime.now(clock).minusDays(90)));
        outageGrid.setAllRowsVisible(true);
        periodGrid.setId("customer-critical-periods");
        periodGrid.addColumn(p -> OutageUi.time(p.startsAt()) + " – " + OutageUi.time(p.endsAt()))
                .setHeader(OutageUi.t("outage.period")).setAutoWidth(true);
        periodGrid.addColumn(CriticalPeriodDetails::reason).setHeader(OutageUi.t("outage.reason")).setFlexGrow(2);
        periodGrid.addColumn(CriticalPeriodDetails::createdBy).setHeader(OutageUi.t("outage.created-by"));
        if (editable) {
            periodGrid.addComponentColumn(p -> {
                Button remove = new Button(OutageUi.t("outage.critical.remove"), e -> remove(p));
                remove.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_ERROR);
                return remove;
            }).setAutoWidth(true);
        }
        periodGrid.setAllRowsVisible(true);
        from.setLabel(OutageUi.t("outage.starts-at"));
        to.setLabel(OutageUi.t("outage.ends-at"));
        reason.setLabel(OutageUi.t("outage.reason"));
        add.setText(OutageUi.t("outage.critical.add"));
        add.setId("critical-period-add");
        add.addClickListener(e -> addPeriod());
        HorizontalLayout form = new HorizontalLayout(from, to, reason, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setVisible(editable);
        add(outageGrid, new H4(OutageUi.t("outage.critical.title")), periodGrid, form);
        loadPeriods();
    }

    void addPeriod() {
        periods.add(viewer, customerId, from.getValue() == null ? null
                        : from.getValue().atZone(OutageUi.ZONE).toOffsetDateTime(),
                to.getValue() == null ? null : to.getValue().atZone(OutageUi.ZONE).toOffsetDateTime(),
                reason.getValue());
        reason.clear();
        loadPeriods();
    }

    private void remove(CriticalPeriodDetails p) {
        periods.delete(viewer, p.id());
        loadPeriods();
    }

    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("startsAt", from, "endsAt", to, "reason", reason));
    }

    private void loadPeriods() {
        periodGrid.setItems(periods.list(viewer, customerId));
    }
}
