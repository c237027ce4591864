package cn.keyaccount.report.ui;

import cn.keyaccount.base.ui.NarrowScreen;
import cn.keyaccount.report.ReportService;
import cn.keyaccount.security.Role;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;

/** A key customer's energy-audit reports (能效报告) of all their accounts, to download as Excel and Word. */
@Route("portal/reports")
@PageTitle("report.menu.portal")
@Menu(title = "report.menu.portal", order = 6, icon = "vaadin:file-text-o")
@RolesAllowed(Role.CUSTOMER_NAME)
class PortalReportsView extends VerticalLayout {

    final ReportGrid grid;

    PortalReportsView(ReportService reports, CurrentViewer currentViewer) {
        grid = new ReportGrid(reports, currentViewer.get(), null);
        grid.cards(NarrowScreen.of(this), reports, currentViewer.get());
        add(new H2(getTranslation("report.menu.portal")), new Paragraph(getTranslation("report.ui.portal-intro")), grid);
    }
}
