package cn.keyaccount.org.ui;

import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.UnitDetails;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.Viewer;
import cn.keyaccount.security.ui.CurrentViewer;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.treegrid.TreeGrid;
import com.vaadin.flow.data.provider.hierarchy.TreeData;
import com.vaadin.flow.data.provider.hierarchy.TreeDataProvider;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The organisation (省公司 → 市公司 → 县公司 → 供电所) as a tree. Administrators add units; supervisors see their own
 * part of the tree, read-only.
 */
@Route("units")
@PageTitle("unit.menu")
@Menu(title = "unit.menu", order = 80, icon = "vaadin:sitemap")
@RolesAllowed(Roles.SUPERVISORS)
class UnitsView extends VerticalLayout {

    private final OrgService org;
    private final CurrentViewer currentViewer;

    final TreeGrid<UnitDetails> tree = new TreeGrid<>();
    final Button add = new Button();
    private List<UnitDetails> units = List.of();

    UnitsView(OrgService org, CurrentViewer currentViewer) {
        this.org = org;
        this.currentViewer = currentViewer;
        setSizeFull();
        tree.setId("units-tree");
        tree.addHierarchyColumn(u -> u.displayName(getLocale())).setHeader(getTranslation("unit.name"))
                .setFlexGrow(3);
        tree.addColumn(UnitDetails::code).setHeader(getTranslation("unit.code")).setAutoWidth(true);
        tree.addColumn(u -> getTranslation("unit.level." + u.level())).setHeader(getTranslation("unit.level"))
                .setAutoWidth(true);
        add.setText(getTranslation("unit.add"));
        add.setId("units-add");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add.addClickListener(e -> openDialog(tree.asSingleSelect().getValue()));
        add.setVisible(currentViewer.get().isAdmin());
        add(add, tree);
        setFlexGrow(1, tree);
        refresh();
    }

    private void refresh() {
        Viewer viewer = currentViewer.get();
        units = viewer.isAdmin() ? org.all() : org.subtree(viewer.unitId());
        Map<Long, UnitDetails> byId = units.stream().collect(Collectors.toMap(UnitDetails::id, Function.identity()));
        TreeData<UnitDetails> data = new TreeData<>();
        for (UnitDetails u : units) {
            UnitDetails parent = u.parentId() == null ? null : byId.get(u.parentId());
            data.addItem(parent, u);
        }
        tree.setDataProvider(new TreeDataProvider<>(data));
        tree.expandRecursively(data.getRootItems(), 2);
    }

    private void openDialog(UnitDetails parent) {
        UnitForm form = new UnitForm(units, parent);
        Dialog dialog = new Dialog(form);
        dialog.setId("unit-dialog");
        dialog.setHeaderTitle(getTranslation("unit.add"));
        Button save = new Button(getTranslation("common.save"), e -> form.save());
        save.setId("unit-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("common.cancel"), e -> dialog.close()), save);
        form.addSaveListener(e -> {
            UnitDetails created = org.create(e.code, e.name, e.nameEn, e.level, e.parentId);
            dialog.close();
            refresh();
            tree.select(created);
            Notices.success(getTranslation("common.saved"));
        });
        dialog.open();
    }
}
