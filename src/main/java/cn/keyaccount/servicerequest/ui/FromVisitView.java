package cn.keyaccount.servicerequest.ui;

import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.servicerequest.RequestDetails;
import cn.keyaccount.servicerequest.ServiceRequestService;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/**
 * Where a recorded visit's button 转为服务工单 leads: turns the visit's 诉求 into a request (or finds the one made
 * before: one request per visit) and forwards to it, so that the visit screens need only a link.
 */
@Route("service-requests/from-visit/:visitId")
@PageTitle("request.detail")
@RolesAllowed(Roles.ACCOUNT_STAFF)
class FromVisitView extends Div implements BeforeEnterObserver {

    private final ServiceRequestService requests;
    private final CurrentViewer viewer;

    FromVisitView(ServiceRequestService requests, CurrentViewer viewer) {
        this.requests = requests;
        this.viewer = viewer;
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        long visitId = event.getRouteParameters().getLong("visitId").orElse(0L);
        RequestDetails made;
        try {
            made = requests.fromVisit(viewer.get(), visitId, null);
        } catch (BusinessException e) { // navigation has no error note: said in place
            Paragraph refused = new Paragraph(Messages.get(getLocale(), e.key(), e.args()));
            refused.setId("request-from-visit-refused");
            add(refused);
            return;
        }
        event.forwardTo("service-requests/" + made.request().id());
    }
}
