package cn.keyaccount.servicerequest.repair.ui;

import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.UnitDetails;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.servicerequest.repair.CrewDetails;
import cn.keyaccount.servicerequest.repair.CrewService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.stream.Collectors;

/**
 * 抢修班: the repair crews per unit, with their members, duty mobile, area and sign-ins. Administrators and
 * supervisors (within their unit) add and change them; the other staff read.
 */
@Route("repair-crews")
@PageTitle("repair.crews.menu")
@Menu(title = "repair.crews.menu", order = 37, icon = "vaadin:tools")
@RolesAllowed(Roles.STAFF)
class CrewsView extends VerticalLayout {

    private final CrewService crews;
    private final OrgService org;
    private final Viewer viewer;
    final Grid<CrewDetails> grid = new Grid<>();
    final Button add = new Button();
    CrewForm form;

    CrewsView(CrewService crews, OrgService org, CurrentViewer currentViewer) {
        this.crews = crews;
        this.org = org;
        this.viewer = currentViewer.get();
        setSizeFull();
        grid.setId("crews");
        grid.addColumn(CrewDetails::unitName).setHeader(getTranslation("repair.crew.unit")).setAutoWidth(true);
        grid.addColumn(CrewDetails::name).setHeader(getTranslation("repair.crew.name")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation("request.area." + c.area())).setHeader(getTranslation("repair.crew.area"))
                .setAutoWidth(true);
        grid.addColumn(CrewDetails::members).setHeader(getTranslation("repair.crew.members")).setFlexGrow(1);
        grid.addColumn(CrewDetails::mobile).setHeader(getTranslation("repair.crew.mobile")).setAutoWidth(true);
        grid.addColumn(c -> c.accounts().stream().map(CrewDetails.Account::username)
                .collect(Collectors.joining("、"))).setHeader(getTranslation("repair.crew.accounts")).setAutoWidth(true);
        grid.addColumn(c -> getTranslation(c.active() ? "repair.crew.on-duty" : "repair.crew.off-duty"))
                .setHeader(getTranslation("repair.crew.active")).setAutoWidth(true);
        if (viewer.isAdmin() || viewer.isSupervisor()) {
            add.setText(getTranslation("repair.crew-new"));
            add.setIcon(VaadinIcon.PLUS.create());
            add.setId("crew-add");
            add.addClickListener(e -> open(null));
            grid.addItemClickListener(e -> {
                if (viewer.isAdmin() || e.getItem().unitName() != null && managedUnits().stream()
                        .anyMatch(u -> u.id() == e.getItem().unitId())) {
                    open(e.getItem());
                }
            });
            add(add);
        }
        add(grid);
        refresh();
    }

    void refresh() {
        grid.setItems(crews.list(viewer));
    }

    private List<UnitDetails> managedUnits() {
        return org.all().stream().filter(u -> viewer.isAdmin() || u.path().startsWith(viewer.unitPath())).toList();
    }

    void open(CrewDetails editing) {
        form = new CrewForm(managedUnits(), crews.crewAccounts(viewer, null), editing);
        form.addSaveListener(e -> {
            if (e.getSource().editing() == null) {
                crews.add(viewer, e.draft());
            } else {
                crews.update(viewer, e.getSource().editing().id(), e.draft());
            }
            form.close();
            Notices.success(getTranslation("common.saved"));
            refresh();
        });
        form.open();
    }
}
