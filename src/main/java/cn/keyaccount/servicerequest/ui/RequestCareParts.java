package cn.keyaccount.servicerequest.ui;

import cn.keyaccount.security.Viewer;
import cn.keyaccount.servicerequest.AttachmentFile;
import cn.keyaccount.servicerequest.AttachmentRow;
import cn.keyaccount.servicerequest.RequestAttachmentService;
import cn.keyaccount.servicerequest.RequestDetails;
import cn.keyaccount.servicerequest.ReturnVisitRow;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.server.streams.DownloadHandler;

/** A request's return visits and attached files, as the staff page and the portal page both show them. */
final class RequestCareParts {

    private RequestCareParts() {
    }

    /** The return visits, one line each (when, satisfaction, words, by whom); empty when there are none. */
    static VerticalLayout returnVisits(RequestDetails d) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        box.setId("request-return-visits");
        if (d.returnVisits().isEmpty()) {
            return box;
        }
        box.add(new H4(RequestUi.t("request.return-visit")));
        for (ReturnVisitRow v : d.returnVisits()) {
            box.add(new Div(RequestUi.t("request.return-visit.line", RequestUi.time(v.at()), v.satisfaction(),
                    v.comment() == null ? "—" : v.comment(),
                    v.byCustomer() ? RequestUi.t("request.return-visit.by-customer") : v.byName())));
        }
        return box;
    }

    /** The attached files as download links, each read through the service (access checked) when clicked. */
    static VerticalLayout attachments(RequestDetails d, RequestAttachmentService files, Viewer viewer) {
        VerticalLayout box = new VerticalLayout();
        box.setPadding(false);
        box.setSpacing(false);
        box.setId("request-attachments");
        if (d.attachments().isEmpty()) {
            return box;
        }
        box.add(new H4(RequestUi.t("request.attachments")));
        long requestId = d.request().id();
        for (AttachmentRow a : d.attachments()) {
            DownloadHandler handler = event -> {
                AttachmentFile f = files.download(viewer, requestId, a.id());
                event.setFileName(f.fileName());
                event.setContentType(f.contentType());
                event.getOutputStream().write(f.content());
            };
            box.add(new Anchor(handler, RequestUi.t("request.attachment.line", a.fileName(),
                    Math.max(1, (a.sizeBytes() + 1023) / 1024))));
        }
        return box;
    }
}
