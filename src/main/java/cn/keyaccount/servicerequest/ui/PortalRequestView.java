package cn.keyaccount.servicerequest.ui;

import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.servicerequest.RequestAttachmentService;
import cn.keyaccount.servicerequest.RequestDetails;
import cn.keyaccount.servicerequest.RequestEventRow;
import cn.keyaccount.servicerequest.RequestRow;
import cn.keyaccount.servicerequest.RequestStatus;
import cn.keyaccount.servicerequest.ReturnVisitService;
import cn.keyaccount.servicerequest.ServiceRequestQueries;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.DescriptionList;
import com.vaadin.flow.component.html.DescriptionList.Description;
import com.vaadin.flow.component.html.DescriptionList.Term;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.Optional;

/**
 * One of the customer's own requests in the portal: what, its state, the steps meant for them with their times (not
 * the internal hand-offs and comments), the answer, the files, and once closed the return-visit form. Another
 * customer's request, or none, says so in place.
 */
@Route("portal/requests/:id")
@PageTitle("request.portal.title")
@RolesAllowed(Role.CUSTOMER_NAME)
class PortalRequestView extends VerticalLayout implements BeforeEnterObserver {

    private final ServiceRequestQueries queries;
    private final ReturnVisitService returnVisits;
    private final RequestAttachmentService attachments;
    private final CurrentViewer viewer;
    final Grid<RequestEventRow> steps = new Grid<>();
    RequestDetails details;
    private long id;

    PortalRequestView(ServiceRequestQueries queries, ReturnVisitService returnVisits,
                      RequestAttachmentService attachments, CurrentViewer viewer) {
        this.queries = queries;
        this.returnVisits = returnVisits;
        this.attachments = attachments;
        this.viewer = viewer;
        steps.setId("portal-request-steps");
        steps.addColumn(e -> RequestUi.time(e.at())).setHeader(getTranslation("request.history.at"))
                .setAutoWidth(true);
        steps.addColumn(e -> getTranslation("request.event." + e.kind())).setHeader(getTranslation(
                "request.history.what")).setAutoWidth(true);
        steps.addColumn(e -> e.note() == null ? "" : e.note()).setHeader(getTranslation("request.history.note"))
                .setFlexGrow(3);
        steps.setAllRowsVisible(true);
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        id = event.getRouteParameters().getLong("id").orElse(0L);
        load();
    }

    private void load() {
        removeAll();
        add(new Anchor("portal/requests", getTranslation("request.portal.back")));
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
        facts.setId("portal-request-facts");
        fact(facts, "request.customer", r.accountNo() + " " + r.customerName());
        fact(facts, "request.type", RequestUi.type(r));
        fact(facts, "request.status", RequestUi.status(r));
        fact(facts, "request.owner", RequestUi.owner(r));
        fact(facts, "request.opened-at", RequestUi.time(r.openedAt()));
        fact(facts, "request.description", details.description() == null ? "—" : details.description());
        if (r.status() == RequestStatus.CLOSED) {
            fact(facts, "request.portal.answer", details.answer());
            fact(facts, "request.closed-at", RequestUi.time(r.closedAt()));
        }
        add(facts);
        steps.setItems(details.events());
        add(new H4(getTranslation("request.portal.steps")), steps, RequestCareParts.returnVisits(details),
                RequestCareParts.attachments(details, attachments, viewer.get()));
        if (details.returnVisitDue()) {
            add(new H4(getTranslation("request.return-visit")), new ReturnVisitForm(f -> {
                RequestDetails now = returnVisits.record(viewer.get(), id, f.satisfaction.getValue(),
                        f.comment.getValue(), details.version());
                Notices.success(getTranslation(now.request().status() == RequestStatus.CLOSED
                        ? "request.return-visit.recorded" : "request.return-visit.reopened", id));
                load();
            }));
        }
    }

    private void fact(DescriptionList list, String key, String value) {
        list.add(new Term(getTranslation(key)), new Description(value));
    }
}
