package cn.keyaccount.servicerequest.ui;

import cn.keyaccount.base.ui.MainLayout;
import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.base.ui.Uploads;
import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.customer.CustomerService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.servicerequest.RequestAttachmentService;
import cn.keyaccount.servicerequest.RequestDetails;
import cn.keyaccount.servicerequest.RequestDraft;
import cn.keyaccount.servicerequest.RequestFilter;
import cn.keyaccount.servicerequest.RequestRow;
import cn.keyaccount.servicerequest.ServiceRequestQueries;
import cn.keyaccount.servicerequest.ServiceRequestService;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;

/**
 * 我的服务工单: a key customer's own requests (newest first, paged in SQL; a click opens one with its progress) and
 * the form to raise a new one — the account (with several), the type, the subject, what happened, and a file (PDF,
 * JPG or PNG, at most 5 MB, judged by its content). The customer sees only their own requests: the service scopes
 * every read to the accounts they hold.
 */
@Route("portal/requests")
@PageTitle("request.portal.title")
@Menu(title = "request.portal.menu", order = 2, icon = "vaadin:comment-ellipsis")
@RolesAllowed(Role.CUSTOMER_NAME)
class PortalRequestsView extends VerticalLayout {

    private final ServiceRequestService requests;
    private final RequestAttachmentService attachments;
    private final CurrentViewer currentViewer;
    final Grid<RequestRow> grid = new Grid<>();
    final Select<CustomerDetails> account = new Select<>();
    final Button submit = new Button();
    RequestForm form;
    byte[] pendingFile;
    String pendingName;

    PortalRequestsView(ServiceRequestService requests, ServiceRequestQueries queries,
                       RequestAttachmentService attachments, CustomerService customers, CurrentViewer currentViewer) {
        this.requests = requests;
        this.attachments = attachments;
        this.currentViewer = currentViewer;
        Viewer viewer = currentViewer.get();
        add(new H2(getTranslation("request.portal.menu")));
        List<CustomerDetails> accounts = customers.ownAccounts(viewer);
        if (accounts.isEmpty()) {
            add(MainLayout.emptyState(getTranslation("portal.no-accounts")));
            return;
        }
        grid.setId("portal-requests");
        grid.addColumn(r -> "#" + r.id()).setHeader(getTranslation("request.id")).setAutoWidth(true);
        grid.addColumn(r -> r.accountNo() + " " + r.customerName()).setHeader(getTranslation("request.customer"))
                .setFlexGrow(2);
        grid.addColumn(RequestUi::type).setHeader(getTranslation("request.type")).setAutoWidth(true);
        grid.addColumn(RequestRow::subject).setHeader(getTranslation("request.subject")).setFlexGrow(3);
        grid.addColumn(RequestUi::status).setHeader(getTranslation("request.status")).setAutoWidth(true);
        grid.addColumn(r -> RequestUi.time(r.openedAt())).setHeader(getTranslation("request.opened-at"))
                .setAutoWidth(true);
        grid.setItems(q -> queries.list(currentViewer.get(), RequestFilter.all(), q.getOffset(), q.getLimit())
                .stream(), q -> (int) queries.count(currentViewer.get(), RequestFilter.all()));
        grid.addItemClickListener(e -> UI.getCurrent().navigate("portal/requests/" + e.getItem().id()));
        grid.setEmptyStateText(getTranslation("request.none"));
        add(grid, new H3(getTranslation("request.portal.new")), newRequest(accounts));
    }

    private VerticalLayout newRequest(List<CustomerDetails> accounts) {
        account.setId("portal-request-account");
        account.setLabel(getTranslation("portal.account"));
        account.setItems(accounts);
        account.setItemLabelGenerator(a -> a.accountNo() + " " + a.name());
        account.setValue(accounts.getFirst());
        account.setVisible(accounts.size() > 1);
        form = new RequestForm(accounts.getFirst().id());
        Upload upload = new Upload(Uploads.inMemory((metadata, data) -> {
            pendingName = metadata.fileName();
            pendingFile = data;
        }, RequestAttachmentService.MAX_BYTES));
        upload.setAcceptedFileTypes(".pdf", ".jpg", ".jpeg", ".png", "application/pdf", "image/jpeg", "image/png");
        Uploads.limit(upload, RequestAttachmentService.MAX_BYTES);
        upload.setMaxFiles(1);
        upload.setUploadButton(new Button(getTranslation("request.attachment.add"), VaadinIcon.PAPERCLIP.create()));
        upload.setDropLabel(new Span(""));
        upload.setId("portal-request-file");
        upload.addFileRemovedListener(e -> {
            pendingFile = null;
            pendingName = null;
        });
        Uploads.localized(upload);
        submit.setText(getTranslation("request.portal.submit"));
        submit.setId("portal-request-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submit());
        VerticalLayout box = new VerticalLayout(account, form, upload, submit);
        box.setPadding(false);
        return box;
    }

    /** Checks the file before raising the request, so that a refused file raises nothing. */
    void submit() {
        if (pendingFile != null) {
            RequestAttachmentService.check(pendingName, pendingFile);
        }
        RequestDraft d = form.draft();
        RequestDetails made = requests.create(currentViewer.get(), new RequestDraft(account.getValue().id(),
                d.type(), d.serviceKind(), d.area(), d.subject(), d.description(), null));
        long id = made.request().id();
        if (pendingFile != null) {
            attachments.attach(currentViewer.get(), id, pendingName, pendingFile);
        }
        Notices.success(getTranslation("request.portal.sent", id));
        UI.getCurrent().navigate("portal/requests/" + id);
    }
}
