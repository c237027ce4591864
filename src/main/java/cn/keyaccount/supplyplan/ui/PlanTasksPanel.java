package cn.keyaccount.supplyplan.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.ui.FieldErrors;
import cn.keyaccount.base.ui.ShowsFieldErrors;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.supplyplan.Party;
import cn.keyaccount.supplyplan.PlanDetails;
import cn.keyaccount.supplyplan.PlanTaskService;
import cn.keyaccount.supplyplan.TaskDraft;
import cn.keyaccount.supplyplan.TaskDetails;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Map;

/** The checklist of a plan: tasks are added to a draft and ticked off until the plan is closed. */
class PlanTasksPanel extends VerticalLayout implements ShowsFieldErrors {

    private final PlanTaskService tasks;
    private final Viewer viewer;
    private final long planId;
    final Grid<TaskDetails> grid = new Grid<>();
    final TextField title = new TextField();
    final Select<Party> party = new Select<>();
    final TextField owner = new TextField();
    final DatePicker due = new DatePicker();

    PlanTasksPanel(PlanTaskService tasks, Viewer viewer, PlanDetails plan, Runnable changed) {
        this.tasks = tasks;
        this.viewer = viewer;
        this.planId = plan.id();
        setPadding(false);
        grid.setId("plan-tasks");
        grid.addComponentColumn(t -> {
            Checkbox done = new Checkbox(t.done());
            done.setEnabled(plan.status().ordinal() <= cn.keyaccount.supplyplan.PlanStatus.ACTIVE.ordinal());
            done.addValueChangeListener(e -> {
                try {
                    tasks.setDone(viewer, planId, t.id(), e.getValue());
                } finally {
                    refresh(); // a refused tick goes back to the stored state
                }
            });
            return done;
        }).setHeader(getTranslation("plan.done")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(TaskDetails::title).setHeader(getTranslation("plan.task")).setFlexGrow(3);
        grid.addColumn(t -> getTranslation("plan.party." + t.party())).setHeader(getTranslation("plan.party"));
        grid.addColumn(TaskDetails::ownerName).setHeader(getTranslation("plan.owner"));
        grid.addColumn(t -> t.dueOn().toString()).setHeader(getTranslation("plan.due")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        if (plan.editable()) {
            grid.addComponentColumn(t -> {
                Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                    tasks.remove(viewer, planId, t.id());
                    refresh();
                    changed.run();
                });
                remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
                return remove;
            }).setAutoWidth(true).setFlexGrow(0);
            add(addBar(changed));
        }
        add(grid);
        refresh();
    }

    private HorizontalLayout addBar(Runnable changed) {
        title.setPlaceholder(getTranslation("plan.task"));
        title.setId("task-title");
        party.setItems(Party.values());
        party.setItemLabelGenerator(p -> getTranslation("plan.party." + p));
        party.setValue(Party.COMPANY);
        owner.setPlaceholder(getTranslation("plan.owner"));
        owner.setId("task-owner");
        due.setPlaceholder(getTranslation("plan.due"));
        due.setId("task-due");
        Button add = new Button(getTranslation("common.add"), VaadinIcon.PLUS.create(), e -> {
            tasks.add(viewer, planId, new TaskDraft(title.getValue(), party.getValue(), owner.getValue(), null,
                    due.getValue()));
            title.clear();
            refresh();
            changed.run();
        });
        add.setId("task-add");
        HorizontalLayout bar = new HorizontalLayout(title, party, owner, due, add);
        bar.setAlignItems(FlexComponent.Alignment.BASELINE);
        bar.setWrap(true);
        return bar;
    }

    void refresh() {
        grid.setItems(tasks.list(viewer, planId));
    }

    @Override
    public List<BusinessException.FieldError> showFieldErrors(List<BusinessException.FieldError> errors) {
        return FieldErrors.mark(errors, Map.of("title", title, "party", party, "ownerName", owner, "dueOn", due),
                "plan.field.");
    }
}
