package cn.keyaccount.application.ui;

import cn.keyaccount.application.ApplicationDetails;
import cn.keyaccount.application.ApplicationDocuments;
import cn.keyaccount.application.ApplicationDetails.StepDetails;
import cn.keyaccount.application.ApplicationDetails.StopDetails;
import cn.keyaccount.application.ApplicationSchemes;
import cn.keyaccount.application.ApplicationService;
import cn.keyaccount.application.ApplicationTaskService;
import cn.keyaccount.application.TaskDetails;
import cn.keyaccount.application.StopReason;
import cn.keyaccount.base.ui.Errors;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * One application: what it asks for, the clock (working days used of the limit, due date, stopped or overdue), each
 * step with its dates, limit and used days, every stop of the clock, and — for who may run it while it is open —
 * complete the current step, stop or restart the clock, cancel; the tasks of the steps, whose owner (or who runs the
 * application) records a selected task's result. A change made meanwhile by someone else offers a
 * reload (the service refuses the stale version).
 */
@Route("applications/:id([0-9]+)")
@PageTitle("application.detail-title")
@RolesAllowed(Roles.ACCOUNT_STAFF)
class ApplicationView extends VerticalLayout implements BeforeEnterObserver {

    private final ApplicationService applications;
    private final Viewer viewer;
    private long id;
    ApplicationDetails shown;
    final Span status = new Span();
    final Span clock = new Span();
    final Grid<StepDetails> steps = new Grid<>();
    final Grid<StopDetails> stops = new Grid<>();
    final HorizontalLayout actions = new HorizontalLayout();
    final Select<StopReason> reason = new Select<>();
    final TextField stopNote = new TextField();
    final TextField cancelReason = new TextField();
    final Grid<TaskDetails> tasks = new Grid<>();
    final TextField taskResult = new TextField();
    final Button recordTask = new Button();
    private final ApplicationTaskService taskService;
    private final ApplicationDocuments documents;
    DocumentsPanel documentsPanel;
    SchemePanel schemePanel;
    private final ApplicationSchemes schemes;

    ApplicationView(ApplicationService applications, ApplicationTaskService taskService,
                    ApplicationDocuments documents, ApplicationSchemes schemes, CurrentViewer currentViewer) {
        this.applications = applications;
        this.schemes = schemes;
        this.taskService = taskService;
        this.documents = documents;
        this.viewer = currentViewer.get();
        setSizeFull();
        Errors.reloadOnConflict(this, this::load);
        steps.setId("application-steps");
        steps.addColumn(s -> getTranslation("application.step." + s.step()))
                .setHeader(getTranslation("application.steps")).setAutoWidth(true);
        steps.addColumn(s -> date(s.startedOn())).setHeader(getTranslation("application.step-started"))
                .setAutoWidth(true);
        steps.addColumn(s -> date(s.completedOn())).setHeader(getTranslation("application.step-completed"))
                .setAutoWidth(true);
        steps.addColumn(s -> s.completedBy() == null ? "" : s.completedBy())
                .setHeader(getTranslation("application.step-completed-by")).setAutoWidth(true);
        steps.addColumn(s -> getTranslation("application.used-days", s.usedDays(), s.limitDays()))
                .setHeader(getTranslation("application.used")).setAutoWidth(true);
        steps.addColumn(s -> date(s.dueOn())).setHeader(getTranslation("application.due-on")).setAutoWidth(true);
        steps.setPartNameGenerator(s -> s.overdue() ? "application-overdue" : null);
        steps.setAllRowsVisible(true);
        stops.setId("application-stops");
        stops.addColumn(s -> getTranslation("application.reason." + s.reason()))
                .setHeader(getTranslation("application.stop-reason")).setAutoWidth(true);
        stops.addColumn(StopDetails::note).setHeader(getTranslation("application.stop-note")).setFlexGrow(2);
        stops.addColumn(s -> date(s.startedOn())).setHeader(getTranslation("application.stop-started"))
                .setAutoWidth(true);
        stops.addColumn(s -> s.endedOn() == null ? getTranslation("application.stop-open") : date(s.endedOn()))
                .setHeader(getTranslation("application.stop-ended")).setAutoWidth(true);
        stops.setAllRowsVisible(true);
        reason.setItems(StopReason.values());
        reason.setItemLabelGenerator(r -> r == null ? "" : getTranslation("application.reason." + r));
        reason.setValue(StopReason.DOCUMENTS_MISSING);
        reason.setId("application-stop-reason");
        stopNote.setPlaceholder(getTranslation("application.stop-note"));
        stopNote.setMaxLength(500);
        cancelReason.setPlaceholder(getTranslation("application.cancel-reason"));
        cancelReason.setMaxLength(500);
        cancelReason.setId("application-cancel-reason");
        tasks.setId("application-tasks");
        tasks.addColumn(t -> getTranslation("application.task." + t.kind())).setHeader(
                getTranslation("application.task")).setAutoWidth(true);
        tasks.addColumn(t -> getTranslation("application.step." + t.step()))
                .setHeader(getTranslation("application.steps")).setAutoWidth(true);
        tasks.addColumn(TaskDetails::ownerName).setHeader(getTranslation("application.task-owner")).setAutoWidth(true);
        tasks.addColumn(t -> date(t.dueOn())).setHeader(getTranslation("application.task-due")).setAutoWidth(true);
        tasks.addColumn(t -> t.result() == null ? "" : t.result()).setHeader(getTranslation("application.task-result"))
                .setFlexGrow(2);
        tasks.addColumn(t -> t.doneAt() == null ? "" : t.doneBy() + " · " + t.doneAt().atZoneSameInstant(
                        cn.keyaccount.base.TimeSettings.companyZone()).toLocalDateTime().withSecond(0).withNano(0)
                        .toString().replace('T', ' '))
                .setHeader(getTranslation("application.task-done")).setAutoWidth(true);
        tasks.setAllRowsVisible(true);
        taskResult.setPlaceholder(getTranslation("application.task-result"));
        taskResult.setMaxLength(1000);
        taskResult.setId("application-task-result");
        recordTask.setText(getTranslation("application.task-record"));
        recordTask.setId("application-task-record");
        recordTask.addClickListener(e -> tasks.getSelectedItems().stream().findFirst().ifPresent(t -> {
            taskService.recordResult(viewer, id, t.id(), taskResult.getValue(), t.version());
            taskResult.clear();
            load();
        }));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElse(-1L);
        load();
    }

    void load() {
        removeAll();
        ApplicationDetails a = applications.get(viewer, id);
        shown = a;
        H2 title = new H2(a.number() + " · " + getTranslation("application.kind." + a.kind()));
        title.setId("application-heading");
        status.setText(getTranslation("application.status." + a.status())
                + (a.overdue() ? " · " + getTranslation("application.overdue") : ""));
        status.getElement().getThemeList().set("badge", true);
        status.getElement().getThemeList().set("error", a.overdue());
        status.setId("application-status");
        HorizontalLayout header = new HorizontalLayout(title, status);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        List<String> facts = new ArrayList<>();
        facts.add(a.customerName() + " (" + a.accountNo() + ")");
        facts.add(getTranslation("application.voltage." + a.voltageClass()) + " · "
                + getTranslation("application.supply." + a.supplyMode()));
        if (a.capacityKva() != null) {
            facts.add(getTranslation("application.capacity") + " " + kva(a.capacityKva()));
        }
        if (a.periodFrom() != null) {
            facts.add(getTranslation("application.period-from") + " " + a.periodFrom()
                    + (a.periodTo() == null ? "" : " – " + a.periodTo()));
        }
        facts.add(getTranslation("application.accepted-on") + " " + a.acceptedOn());
        facts.add(getTranslation("application.handler") + " " + a.handlerName());
        facts.add(getTranslation("application.limits-version", a.limitsVersion()));
        clock.setText(getTranslation("application.total", a.usedDays(), a.limitDays())
                + (a.dueOn() == null ? "" : " · " + getTranslation("application.due-on") + " " + a.dueOn())
                + (a.status() == cn.keyaccount.application.ApplicationStatus.WAITING
                ? " · " + getTranslation("application.clock-stopped") : ""));
        clock.setId("application-clock");
        add(header, new Paragraph(String.join(" · ", facts)), clock);
        if (!a.masterDataNote().isEmpty()) {
            add(new Paragraph(getTranslation("application.master-data", masterData(a.masterDataNote()))));
        }
        actions.removeAll();
        actions.setAlignItems(FlexComponent.Alignment.BASELINE);
        actions.setWrap(true);
        if (a.runnable()) {
            actionsFor(a);
            add(actions);
        }
        steps.setItems(a.steps());
        stops.setItems(a.stops());
        tasks.setItems(a.tasks());
        add(new H3(getTranslation("application.steps")), steps, new H3(getTranslation("application.tasks")), tasks);
        boolean ownsOpenTask = a.tasks().stream().anyMatch(t -> t.doneAt() == null && t.ownerId() != null
                && t.ownerId() == viewer.userId());
        if (a.status().open() && (a.runnable() || ownsOpenTask)) {
            HorizontalLayout record = new HorizontalLayout(taskResult, recordTask);
            record.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(record);
        }
        add(new H3(getTranslation("application.stops")), stops);
        if (ApplicationSchemes.offered(a)) {
            schemePanel = new SchemePanel(schemes, viewer, id);
            add(new H3(getTranslation("application.scheme")), schemePanel);
        }
        documentsPanel = new DocumentsPanel(documents, viewer, a, this::load);
        add(new H3(getTranslation("application.documents")), documentsPanel);
    }

    private void actionsFor(ApplicationDetails a) {
        if (a.status() == cn.keyaccount.application.ApplicationStatus.WAITING) {
            Button restart = new Button(getTranslation("application.restart-clock"), e -> {
                applications.restartClock(viewer, id, shown.version());
                load();
            });
            restart.setId("application-restart");
            restart.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            actions.add(restart);
        } else if (a.currentStep() != null) {
            String step = getTranslation("application.step." + a.currentStep());
            Button complete = new Button(getTranslation("application.complete-step", step), e -> {
                applications.completeStep(viewer, id, shown.currentStep(), shown.version());
                Notices.success(getTranslation("application.completed-note", step));
                load();
            });
            complete.setId("application-complete");
            complete.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            Button stop = new Button(getTranslation("application.stop-clock"), e -> {
                applications.stopClock(viewer, id, reason.getValue(), stopNote.getValue(), shown.version());
                stopNote.clear();
                load();
            });
            stop.setId("application-stop");
            actions.add(complete, reason, stopNote, stop);
        }
        Button cancel = new Button(getTranslation("application.cancel"), e -> {
            applications.cancel(viewer, id, cancelReason.getValue(), shown.version());
            cancelReason.clear();
            load();
        });
        cancel.addThemeVariants(ButtonVariant.LUMO_ERROR);
        cancel.setId("application-cancel");
        actions.add(cancelReason, cancel);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String kva(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString() + " kVA";
    }

    /** The master-data note in the user's language: one line per change, a key and its arguments ({@code @key}). */
    private String masterData(String note) {
        return note.lines().map(line -> {
            String[] parts = line.split("\t");
            Object[] args = java.util.Arrays.stream(parts, 1, parts.length)
                    .map(p -> p.startsWith("@") ? getTranslation(p.substring(1)) : p).toArray();
            return getTranslation(parts[0], args);
        }).reduce((x, y) -> x + "；" + y).orElse("");
    }
}
