package cn.keyaccount.visit.ui;

import cn.keyaccount.visit.TaskDraft;
import cn.keyaccount.visit.VisitRecordDraft;
import cn.keyaccount.visit.VisitType;
import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The visit record (走访记录): done date, type, participants, contacts met, findings, demands, satisfaction and
 * follow-up tasks. Publishes a save event with the draft; never calls a service.
 */
class VisitRecordForm extends VerticalLayout {

    /** One follow-up task row of the form. */
    static final class TaskLine extends HorizontalLayout {
        final TextField description = new TextField();
        final TextField owner = new TextField();
        final DatePicker due = new DatePicker();

        TaskLine() {
            description.setPlaceholder(VisitUi.t("visit.task.description"));
            owner.setPlaceholder(VisitUi.t("visit.task.owner"));
            due.setPlaceholder(VisitUi.t("visit.task.due"));
            description.setWidth("22em");
            add(description, owner, due);
        }

        boolean isBlank() {
            return description.isEmpty() && owner.isEmpty() && due.isEmpty();
        }

        TaskDraft draft() {
            return new TaskDraft(description.getValue(), owner.getValue(), due.getValue());
        }
    }

    static final class SaveEvent extends ComponentEvent<VisitRecordForm> {
        private final VisitRecordDraft draft;

        SaveEvent(VisitRecordForm source, VisitRecordDraft draft) {
            super(source, false);
            this.draft = draft;
        }

        VisitRecordDraft draft() {
            return draft;
        }
    }

    final DatePicker doneDate = new DatePicker();
    final Select<VisitType> type = new Select<>();
    final TextField participants = new TextField();
    final TextField contactsMet = new TextField();
    final TextArea findings = new TextArea();
    final TextArea demands = new TextArea();
    final IntegerField satisfaction = new IntegerField();
    final List<TaskLine> taskLines = new ArrayList<>();
    final Button addTask = new Button();
    final Button save = new Button();
    private final VerticalLayout tasks = new VerticalLayout();
    private Long version;

    private final LocalDate today;

    /** {@code today}: the company's day now, the latest day a visit can be recorded as done. */
    VisitRecordForm(LocalDate today) {
        this.today = today;
        doneDate.setLabel(VisitUi.t("visit.record.done-date"));
        doneDate.setMax(today);
        type.setLabel(VisitUi.t("visit.type"));
        type.setItems(VisitType.values());
        type.setItemLabelGenerator(t -> VisitUi.t("visit.type." + t));
        participants.setLabel(VisitUi.t("visit.record.participants"));
        contactsMet.setLabel(VisitUi.t("visit.record.contacts-met"));
        findings.setLabel(VisitUi.t("visit.record.findings"));
        demands.setLabel(VisitUi.t("visit.record.demands"));
        satisfaction.setLabel(VisitUi.t("visit.record.satisfaction"));
        satisfaction.setMin(1);
        satisfaction.setMax(5);
        satisfaction.setStepButtonsVisible(true);
        FormLayout form = new FormLayout(doneDate, type, participants, contactsMet, findings, demands, satisfaction);
        form.setColspan(findings, 2);
        form.setColspan(demands, 2);
        tasks.setPadding(false);
        addTask.setText(VisitUi.t("visit.task.add"));
        addTask.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        addTask.addClickListener(e -> addTaskLine());
        save.setText(VisitUi.t("visit.record.save"));
        save.setId("visit-record-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> fireEvent(new SaveEvent(this, draft())));
        setPadding(false);
        add(form, new H4(VisitUi.t("visit.tasks")), tasks, addTask, save);
    }

    void edit(VisitType current, LocalDate planned, long visitVersion) {
        type.setValue(current);
        doneDate.setValue(planned.isAfter(today) ? today : planned);
        version = visitVersion;
    }

    TaskLine addTaskLine() {
        TaskLine line = new TaskLine();
        taskLines.add(line);
        tasks.add(line);
        return line;
    }

    VisitRecordDraft draft() {
        List<TaskDraft> drafts = taskLines.stream().filter(l -> !l.isBlank()).map(TaskLine::draft).toList();
        return new VisitRecordDraft(doneDate.getValue(), type.getValue(), participants.getValue(),
                contactsMet.getValue(), findings.getValue(), demands.getValue(), satisfaction.getValue(), drafts,
                version);
    }

    Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }
}
