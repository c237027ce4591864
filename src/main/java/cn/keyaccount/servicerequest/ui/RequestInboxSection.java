package cn.keyaccount.servicerequest.ui;

import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.RequestRow;
import cn.keyaccount.servicerequest.RequestStatus;
import cn.keyaccount.servicerequest.RequestType;
import cn.keyaccount.servicerequest.ServiceRequestQueries;
import cn.keyaccount.workbench.SectionRow;
import cn.keyaccount.workbench.SectionSummary;
import cn.keyaccount.workbench.ui.WorkbenchFormats;
import cn.keyaccount.workbench.ui.WorkbenchSection;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The owner's inbox on the workbench of managers and supervisors: open requests they own (a supervisor's also those
 * waiting in their units), oldest first; overdue, complaints and reopened requests stand out. Others who were handed a
 * request find it under 服务工单 with 只看我的待办.
 */
@ApplicationScoped
class RequestInboxSection implements WorkbenchSection {

    private final ServiceRequestQueries queries;

    RequestInboxSection(ServiceRequestQueries queries) {
        this.queries = queries;
    }

    @Override
    public int order() {
        return 12;
    }

    @Override
    public boolean shownTo(Viewer viewer) {
        return viewer.isManager() || viewer.isSupervisor();
    }

    @Override
    public SectionSummary summarise(Viewer viewer, Texts t) {
        return new SectionSummary("requests-inbox", t.getTranslation("workbench.requests-inbox"),
                queries.countInbox(viewer), "service-requests?mine=true",
                t.getTranslation("workbench.requests-inbox.link"),
                queries.inbox(viewer, 8).stream().map(r -> row(r, t)).toList(),
                t.getTranslation("workbench.requests-inbox.none"));
    }

    private static SectionRow row(RequestRow r, Texts t) {
        return new SectionRow(r.customerName() + " · " + r.subject(),
                t.getTranslation("request.type." + r.type()) + " · " + WorkbenchFormats.time(r.openedAt()),
                "service-requests/" + r.id(), r.overdue() || r.type() == RequestType.COMPLAINT
                || r.status() == RequestStatus.REOPENED);
    }
}
