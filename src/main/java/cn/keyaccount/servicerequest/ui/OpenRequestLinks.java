package cn.keyaccount.servicerequest.ui;

import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.RequestFilter;
import cn.keyaccount.servicerequest.RequestRow;
import cn.keyaccount.servicerequest.ServiceRequestQueries;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.server.VaadinService;
import java.util.List;

/**
 * A customer's open service requests in a line: how many, and a link to each of the first few (the staff page, or
 * the portal's for a customer user). The customer portrait and the visit screen show it; they need not know the
 * service-request feature beyond this component, which finds its query service itself.
 */
public class OpenRequestLinks extends Div {

    static final int SHOWN = 5;

    OpenRequestLinks(ServiceRequestQueries queries, Viewer viewer, long customerId) {
        setId("open-requests-" + customerId);
        addClassName("open-requests");
        RequestFilter open = new RequestFilter(null, null, null, true, customerId, false);
        long count = queries.count(viewer, open);
        if (count == 0) {
            add(new Span(getTranslation("request.open-requests.none")));
            return;
        }
        add(new Span(getTranslation("request.open-requests", count) + " "));
        List<RequestRow> first = queries.list(viewer, open, 0, SHOWN);
        String base = viewer.isCustomer() ? "portal/requests/" : "service-requests/";
        for (RequestRow r : first) {
            Anchor link = new Anchor(base + r.id(), "#" + r.id() + " " + r.subject()
                    + (r.overdue() ? " · " + getTranslation("request.overdue") : ""));
            link.getStyle().set("margin-inline-end", "var(--lumo-space-m)");
            add(link);
        }
        if (count > SHOWN) {
            add(new Anchor(viewer.isCustomer() ? "portal/requests" : "customers/" + customerId, "…"));
        }
    }

    /** The line for the customer, its query service taken from the running application. */
    public static OpenRequestLinks of(Viewer viewer, long customerId) {
        ServiceRequestQueries queries = VaadinService.getCurrent().getInstantiator()
                .getOrCreate(ServiceRequestQueries.class);
        return new OpenRequestLinks(queries, viewer, customerId);
    }
}
