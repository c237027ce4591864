package cn.keyaccount.outage.ui;

import cn.keyaccount.base.ui.Errors;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.notice.MessageDetails;
import cn.keyaccount.outage.AffectedRow;
import cn.keyaccount.outage.ConflictDetails;
import cn.keyaccount.outage.Effect;
import cn.keyaccount.outage.OutageDetails;
import cn.keyaccount.outage.OutageQueries;
import cn.keyaccount.outage.OutageService;
import cn.keyaccount.outage.OutageStatus;
import cn.keyaccount.outage.WarningDetails;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.tabs.TabSheet;
import com.vaadin.flow.component.textfield.TextArea;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The selected outage: what and when, why it is held, the actions open to the viewer, and tabs with the affected
 * customers (dual supply "one source out" with critical loads), conflicts, the notices sent and each message.
 */
class OutageDetailPanel extends VerticalLayout {

    private final OutageService outages;
    private final OutageQueries queries;
    private final Viewer viewer;
    private final Runnable onChange;
    final H3 heading = new H3();
    final Paragraph summary = new Paragraph();
    final Paragraph hold = new Paragraph();
    final Button move = new Button();
    final Button cancel = new Button();
    final Button release = new Button();
    final Button restored = new Button();
    final Checkbox oneSourceOnly = new Checkbox();
    final Grid<AffectedRow> customers = new Grid<>();
    final Grid<ConflictDetails> conflicts = new Grid<>();
    final Grid<WarningDetails> notices = new Grid<>();
    final Grid<MessageDetails> messages = new Grid<>();
    final TextArea reason = new TextArea();
    private OutageDetails current;

    OutageDetailPanel(OutageService outages, OutageQueries queries, Viewer viewer, Consumer<OutageDetails> onMove,
                      Runnable onChange) {
        this.outages = outages;
        this.queries = queries;
        this.viewer = viewer;
        this.onChange = onChange;
        setSizeFull();
        move.setText(OutageUi.t("outage.move"));
        move.setId("outage-move");
        move.addClickListener(e -> onMove.accept(current));
        cancel.setText(OutageUi.t("outage.cancel"));
        cancel.setId("outage-cancel");
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.addClickListener(e -> askReason("outage.cancel", outages::cancel));
        release.setText(OutageUi.t("outage.release"));
        release.setId("outage-release");
        release.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        release.addClickListener(e -> askReason("outage.release", outages::release));
        restored.setText(OutageUi.t("outage.restored"));
        restored.setId("outage-restored");
        restored.addThemeVariants(ButtonVariant.LUMO_SUCCESS);
        restored.addClickListener(e -> askRestored());
        hold.addClassName("outage-hold");
        oneSourceOnly.setLabel(OutageUi.t("outage.one-source-out-only"));
        oneSourceOnly.addValueChangeListener(e -> customers.getDataProvider().refreshAll());
        configureGrids();
        TabSheet tabs = new TabSheet();
        tabs.add(OutageUi.t("outage.tab.customers"), new VerticalLayout(oneSourceOnly, customers));
        tabs.add(OutageUi.t("outage.tab.conflicts"), conflicts);
        tabs.add(OutageUi.t("outage.tab.notices"), notices);
        tabs.add(OutageUi.t("outage.tab.messages"), messages);
        tabs.setSizeFull();
        add(heading, summary, hold, new HorizontalLayout(move, cancel, release, restored), tabs);
        show(null);
    }

    private void configureGrids() {
        customers.setId("outage-customers");
        customers.addColumn(AffectedRow::accountNo).setHeader(OutageUi.t("outage.account-no")).setAutoWidth(true);
        customers.addColumn(AffectedRow::customerName).setHeader(OutageUi.t("outage.customer")).setFlexGrow(2);
        customers.addColumn(r -> OutageUi.t("customer.importance." + r.importance()))
                .setHeader(OutageUi.t("outage.importance")).setAutoWidth(true);
        customers.addColumn(r -> OutageUi.t("outage.effect." + r.effect())).setHeader(OutageUi.t("outage.effect"))
                .setAutoWidth(true);
        customers.addColumn(AffectedRow::linesOut).setHeader(OutageUi.t("outage.lines-out")).setAutoWidth(true);
        customers.addColumn(r -> String.join("；", r.criticalLoads())).setHeader(OutageUi.t("outage.critical-loads"))
                .setFlexGrow(2);
        customers.addColumn(AffectedRow::managerName).setHeader(OutageUi.t("outage.manager")).setAutoWidth(true);
        customers.addComponentColumn(r -> OutageUi.badge(r.warningClass()))
                .setHeader(OutageUi.t("outage.warning-class")).setAutoWidth(true);
        customers.addColumn(r -> OutageUi.time(r.firstWarningAt())).setHeader(OutageUi.t("outage.first-warning-at"))
                .setAutoWidth(true);
        customers.setItems(q -> current == null ? Stream.empty()
                        : queries.affected(viewer, current.id(), effect(), q.getOffset(), q.getLimit()).stream(),
                q -> current == null ? 0 : (int) queries.countAffected(viewer, current.id(), effect()));
        customers.asSingleSelect().addValueChangeListener(e -> messages.getDataProvider().refreshAll());

        conflicts.setId("outage-conflicts");
        conflicts.addColumn(c -> OutageUi.t("outage.conflict." + c.kind())).setHeader(OutageUi.t("outage.conflict"))
                .setAutoWidth(true);
        conflicts.addColumn(ConflictDetails::customerName).setHeader(OutageUi.t("outage.customer")).setFlexGrow(1);
        conflicts.addColumn(ConflictDetails::description).setHeader(OutageUi.t("outage.reason")).setFlexGrow(2);
        conflicts.addColumn(c -> OutageUi.time(c.startsAt()) + " – " + OutageUi.time(c.endsAt()))
                .setHeader(OutageUi.t("outage.period")).setAutoWidth(true);

        notices.setId("outage-notices");
        notices.addColumn(w -> OutageUi.t("outage.warning-kind." + w.kind())).setHeader(OutageUi.t("outage.notice"))
                .setAutoWidth(true);
        notices.addColumn(w -> OutageUi.time(w.plannedAt())).setHeader(OutageUi.t("outage.planned-at"))
                .setAutoWidth(true);
        notices.addColumn(WarningDetails::customers).setHeader(OutageUi.t("outage.affected")).setAutoWidth(true);
        notices.addColumn(WarningDetails::messages).setHeader(OutageUi.t("outage.compliance.messages"));
        notices.addColumn(WarningDetails::scheduled).setHeader(OutageUi.t("outage.scheduled"));
        notices.addColumn(WarningDetails::delivered).setHeader(OutageUi.t("outage.compliance.delivered"));
        notices.addColumn(WarningDetails::failed).setHeader(OutageUi.t("outage.compliance.failed"));
        notices.addColumn(w -> w.withdrawn() ? OutageUi.t("outage.withdrawn")
                : w.pending() ? OutageUi.t("outage.reminder-pending") : "").setAutoWidth(true);
        notices.addColumn(WarningDetails::acknowledged).setHeader(OutageUi.t("outage.acknowledged"))
                .setTooltipGenerator(w -> OutageUi.t("outage.acknowledged.tooltip"));

        messages.setId("outage-messages");
        MessageColumns.add(messages);
        messages.setItems(q -> current == null ? Stream.empty()
                        : queries.messages(viewer, current.id(), selectedCustomer(), q.getOffset(), q.getLimit())
                        .stream(),
                q -> current == null ? 0 : (int) queries.countMessages(viewer, current.id(), selectedCustomer()));
    }

    private Effect effect() {
        return Boolean.TRUE.equals(oneSourceOnly.getValue()) ? Effect.ONE_SOURCE_OUT : null;
    }

    private Long selectedCustomer() {
        AffectedRow r = customers.asSingleSelect().getValue();
        return r == null ? null : r.customerId();
    }

    void show(Long outageId) {
        current = outageId == null ? null : queries.get(viewer, outageId);
        setVisible(current != null);
        if (current == null) {
            return;
        }
        OutageDetails d = current;
        heading.setText(OutageUi.t("outage.kind." + d.kind()) + " · " + d.title());
        summary.setText(OutageUi.t("outage.summary", OutageUi.time(d.startsAt()), OutageUi.time(d.endsAt()),
                String.join(" ", d.lines().stream().map(l -> l.code()).toList()), d.affected(), d.oneSourceOut(),
                d.reason()));
        hold.setVisible(d.status() == OutageStatus.HELD || d.releasedBy() != null || d.cancelReason() != null
                || d.restoredAt() != null);
        // each reason once: the late one names its warning class ("迟报（计划不足5天…）") instead of repeating "迟报"
        String why = String.join(OutageUi.t("outage.held.separator"), java.util.stream.Stream.of(
                d.heldLate() ? OutageUi.t("outage.held.late-as", OutageUi.t("outage.class." + d.prospectiveClass()))
                        : null, d.heldConflict() ? OutageUi.t("outage.held.conflict") : null)
                .filter(java.util.Objects::nonNull).toList());
        hold.setText(d.restoredAt() != null ? OutageUi.t("outage.restored-summary", OutageUi.time(d.restoredAt()),
                d.restoredBy(), d.restoredNote() == null ? "" : "：" + d.restoredNote())
                : d.status() == OutageStatus.HELD ? OutageUi.t("outage.held", why)
                : d.cancelReason() != null ? OutageUi.t("outage.cancelled-because", d.cancelReason())
                : OutageUi.t("outage.released", d.releasedBy(), OutageUi.time(d.releasedAt()), d.releaseReason()));
        move.setVisible(d.manageable());
        cancel.setVisible(d.manageable());
        release.setVisible(d.releasable());
        restored.setVisible(d.restorable());
        conflicts.setItems(d.conflicts());
        notices.setItems(d.warnings());
        customers.asSingleSelect().clear();
        customers.getDataProvider().refreshAll();
        messages.getDataProvider().refreshAll();
    }

    void askReason(String titleKey, ReasonAction action) {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(OutageUi.t(titleKey));
        reason.setLabel(OutageUi.t("outage.why"));
        reason.clear();
        reason.setWidthFull();
        dialog.add(reason);
        Errors.showFieldErrorsWith(dialog, errors -> FieldErrors.mark(errors, Map.of("reason", reason)));
        Button ok = new Button(OutageUi.t(titleKey), e -> {
            action.apply(viewer, current.id(), reason.getValue());
            dialog.close();
            onChange.run();
            show(current.id());
        });
        ok.setId("outage-reason-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(OutageUi.t("common.cancel"), e -> dialog.close()), ok);
        dialog.setWidth("480px");
        dialog.open();
    }

    /** When the fault's power came back (now by default) and a note; the linked repairs close with it. */
    void askRestored() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(OutageUi.t("outage.restored"));
        com.vaadin.flow.component.datetimepicker.DateTimePicker at =
                new com.vaadin.flow.component.datetimepicker.DateTimePicker(OutageUi.t("outage.restored-at"));
        at.setId("outage-restored-at");
        at.setHelperText(OutageUi.t("outage.restored-at.now"));
        TextArea note = new TextArea(OutageUi.t("outage.restored-note"));
        note.setId("outage-restored-note");
        note.setMaxLength(500);
        note.setWidthFull();
        dialog.add(new VerticalLayout(at, note));
        Errors.showFieldErrorsWith(dialog, errors -> FieldErrors.mark(errors, Map.of("at", at, "note", note)));
        Button ok = new Button(OutageUi.t("outage.restored"), e -> {
            outages.restored(viewer, current.id(), at.getValue() == null ? null
                    : at.getValue().atZone(OutageUi.ZONE).toOffsetDateTime(), note.getValue());
            dialog.close();
            onChange.run();
            show(current.id());
        });
        ok.setId("outage-restored-ok");
        ok.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(OutageUi.t("common.cancel"), e -> dialog.close()), ok);
        dialog.setWidth("480px");
        dialog.open();
    }

    /** A service action that takes a reason: cancel or release. */
    @FunctionalInterface
    interface ReasonAction {
        OutageDetails apply(Viewer viewer, long id, String reason);
    }
}
