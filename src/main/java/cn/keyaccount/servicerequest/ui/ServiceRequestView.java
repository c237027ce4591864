package cn.keyaccount.servicerequest.ui;

import cn.keyaccount.base.ui.Errors;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.org.UnitDetails;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.UserSummary;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.servicerequest.HandOff;
import cn.keyaccount.servicerequest.RequestAttachmentService;
import cn.keyaccount.servicerequest.RequestDetails;
import cn.keyaccount.servicerequest.RequestEventRow;
import cn.keyaccount.servicerequest.RequestRow;
import cn.keyaccount.servicerequest.RequestStatus;
import cn.keyaccount.servicerequest.RequestType;
import cn.keyaccount.servicerequest.ReturnVisitService;
import cn.keyaccount.servicerequest.ServiceRequestQueries;
import cn.keyaccount.servicerequest.ServiceRequestService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.DescriptionList.Description;
import com.vaadin.flow.component.html.DescriptionList.Term;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * One request: who, what, where it stands, its whole history (hand-offs and comments included) and what the viewer
 * may do: start, hand off with a note, comment, close with the answer (not the person a complaint is about), or
 * reopen a closed one. A request out of sight says so in place.
 */
@Route("service-requests/:id")
@PageTitle("request.detail")
@RolesAllowed(Roles.STAFF)
class ServiceRequestView extends VerticalLayout implements BeforeEnterObserver {

    private final ServiceRequestQueries queries;
    private final ServiceRequestService requests;
    private final ReturnVisitService returnVisits;
    private final RequestAttachmentService attachments;
    private final CurrentViewer viewer;
    private long id;
    RequestDetails details;

    final Button start = new Button();
    final ComboBox<UserSummary> toPerson = new ComboBox<>();
    final ComboBox<UnitDetails> toUnit = new ComboBox<>();
    final TextField handOffNote = new TextField();
    final Button handOff = new Button();
    final TextArea comment = new TextArea();
    final Button addComment = new Button();
    final TextArea answer = new TextArea();
    final Button close = new Button();
    final TextArea reopenReason = new TextArea();
    final Button reopen = new Button();
    final Grid<RequestEventRow> history = new Grid<>();

    ServiceRequestView(ServiceRequestQueries queries, ServiceRequestService requests,
                       ReturnVisitService returnVisits, RequestAttachmentService attachments, CurrentViewer viewer) {
        this.queries = queries;
        this.requests = requests;
        this.returnVisits = returnVisits;
        this.attachments = attachments;
        this.viewer = viewer;
        start.setText(getTranslation("request.start"));
        start.setId("request-start");
        start.addClickListener(e -> changed(requests.start(viewer.get(), id, details.version()), "request.started"));
        toPerson.setLabel(getTranslation("request.hand-off.person"));
        toPerson.setItemLabelGenerator(u -> u.displayName() + " · " + u.unitName());
        toPerson.setItems(q -> requests.handOffTargets(q.getFilter().orElse("")).stream().skip(q.getOffset())
                .limit(q.getLimit()));
        toPerson.setId("request-hand-off-person");
        toUnit.setLabel(getTranslation("request.hand-off.unit"));
        toUnit.setItemLabelGenerator(u -> u.displayName(getLocale()));
        toUnit.setId("request-hand-off-unit");
        handOffNote.setLabel(getTranslation("request.hand-off.note"));
        handOffNote.setMaxLength(4000);
        handOffNote.setId("request-hand-off-note");
        handOff.setText(getTranslation("request.hand-off"));
        handOff.setId("request-hand-off");
        handOff.addClickListener(e -> changed(requests.handOff(viewer.get(), id, new HandOff(
                toPerson.getValue() == null ? null : toPerson.getValue().id(),
                toUnit.getValue() == null ? null : toUnit.getValue().id(), handOffNote.getValue(),
                details.version())), "request.handed-off"));
        comment.setLabel(getTranslation("request.comment"));
        comment.setMaxLength(4000);
        comment.setId("request-comment");
        addComment.setText(getTranslation("request.comment.add"));
        addComment.setId("request-comment-add");
        addComment.addClickListener(e -> changed(requests.comment(viewer.get(), id, comment.getValue()),
                "request.commented"));
        answer.setLabel(getTranslation("request.answer"));
        answer.setMaxLength(4000);
        answer.setId("request-answer");
        close.setText(getTranslation("request.close"));
        close.setId("request-close");
        close.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        close.addClickListener(e -> changed(requests.close(viewer.get(), id, answer.getValue(), details.version()),
                "request.closed"));
        reopenReason.setLabel(getTranslation("request.reopen.reason"));
        reopenReason.setMaxLength(4000);
        reopenReason.setId("request-reopen-reason");
        reopen.setText(getTranslation("request.reopen"));
        reopen.setId("request-reopen");
        reopen.addClickListener(e -> changed(requests.reopen(viewer.get(), id, reopenReason.getValue(),
                details.version()), "request.reopened"));
        history.setId("request-history");
        history.addColumn(e -> RequestUi.time(e.at())).setHeader(getTranslation("request.history.at"))
                .setAutoWidth(true);
        history.addColumn(e -> getTranslation("request.event." + e.kind())).setHeader(getTranslation(
                "request.history.what")).setAutoWidth(true);
        history.addColumn(RequestEventRow::actor).setHeader(getTranslation("request.history.who")).setAutoWidth(true);
        history.addColumn(this::eventText).setHeader(getTranslation("request.history.note")).setFlexGrow(3);
        history.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElse(0L);
        load();
    }

    private void load() {
        removeAll();
        Errors.reloadOnConflict(this, this::load);
        Optional<RequestDetails> found = queries.find(viewer.get(), id);
        if (found.isEmpty()) {
            Paragraph absent = new Paragraph(getTranslation("request.not-found", Long.toString(id)));
            absent.setId("request-not-found");
            add(absent);
            return;
        }
        details = found.get().inLanguage(getLocale());
        RequestRow r = details.request();
        add(new H2("#" + r.id() + " " + r.subject()));
        DescriptionList facts = new DescriptionList();
        facts.setId("request-facts");
        fact(facts, "request.customer", new Anchor("customers/" + r.customerId(), r.accountNo() + " "
                + r.customerName()));
        fact(facts, "request.type", RequestUi.type(r));
        fact(facts, "request.source", getTranslation("request.source." + r.source()));
        fact(facts, "request.status", RequestUi.status(r));
        fact(facts, "request.area", getTranslation("request.area." + details.area()));
        fact(facts, "request.owner", RequestUi.owner(r));
        fact(facts, "request.opened-at", RequestUi.time(r.openedAt()) + " · " + details.createdBy());
        if (details.respondDueAt() != null) {
            fact(facts, "request.respond-due." + stageGroup(r), RequestUi.time(details.respondDueAt())
                    + (details.respondedAt() == null ? "" : " · " + getTranslation("request.done-at",
                    RequestUi.time(details.respondedAt()))));
        }
        if (details.resolveDueAt() != null) {
            fact(facts, "request.resolve-due." + stageGroup(r), RequestUi.time(details.resolveDueAt())
                    + (r.overdue() ? " · " + getTranslation("request.overdue") : ""));
        }
        if (details.aboutName() != null) {
            fact(facts, "request.about", details.aboutName());
        }
        if (details.visitId() != null) {
            fact(facts, "request.visit", getTranslation("request.visit.link", details.visitId()));
        }
        fact(facts, "request.description", details.description() == null ? "—" : details.description());
        if (r.status() == RequestStatus.CLOSED) {
            fact(facts, "request.answer", details.answer());
            fact(facts, "request.closed-at", RequestUi.time(r.closedAt()) + " · " + details.closedBy());
        }
        add(facts, RequestCareParts.returnVisits(details),
                RequestCareParts.attachments(details, attachments, viewer.get()));
        if (details.returnVisitDue()) {
            add(new ReturnVisitForm(f -> changed(returnVisits.record(viewer.get(), id, f.satisfaction.getValue(),
                    f.comment.getValue(), details.version()), "request.return-visit.recorded")));
        }
        if (details.editable()) {
            add(actions(r));
        }
        history.setItems(details.events());
        add(new H4(getTranslation("request.history")), history);
    }

    private VerticalLayout actions(RequestRow r) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setId("request-actions");
        if (r.status() == RequestStatus.CLOSED) {
            reopenReason.clear();
            box.add(reopenReason, reopen);
            return box;
        }
        start.setVisible(r.status() != RequestStatus.IN_PROGRESS);
        toPerson.clear();
        toUnit.setItems(requests.handOffUnits());
        toUnit.clear();
        handOffNote.clear();
        HorizontalLayout handOffRow = new HorizontalLayout(toPerson, toUnit, handOffNote, handOff);
        handOffRow.setAlignItems(Alignment.BASELINE);
        handOffRow.setWrap(true);
        comment.clear();
        answer.clear();
        comment.setWidthFull();
        answer.setWidthFull();
        box.add(start, handOffRow, comment, addComment, answer);
        if (details.closable()) {
            box.add(close);
        } else {
            Paragraph note = new Paragraph(getTranslation("request.complaint-about-you"));
            note.setId("request-not-closable");
            box.add(note);
        }
        return box;
    }

    private static String stageGroup(RequestRow r) {
        return r.type() == RequestType.REPAIR ? "REPAIR" : "OTHER";
    }

    private String eventText(RequestEventRow e) {
        if (e.toOwnerName() == null && e.toUnitName() == null) {
            return e.note() == null ? "" : e.note();
        }
        String to = e.toOwnerName() != null ? e.toOwnerName() + " · " + e.toUnitName() : e.toUnitName();
        return getTranslation("request.history.to", to) + (e.note() == null ? "" : " — " + e.note());
    }

    private void fact(DescriptionList list, String key, String value) {
        list.add(new Term(getTranslation(key)), new Description(value));
    }

    private void fact(DescriptionList list, String key, Anchor value) {
        list.add(new Term(getTranslation(key)), new Description(value));
    }

    private void changed(RequestDetails now, String noteKey) {
        Notices.success(getTranslation(noteKey, now.request().id()));
        load();
    }
}
