package cn.keyaccount.visit.ui;

import cn.keyaccount.base.ui.Notices;
import cn.keyaccount.security.Roles;
import cn.keyaccount.security.ui.CurrentViewer;
import cn.keyaccount.visit.PolicyLine;
import cn.keyaccount.visit.VisitPolicyService;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashMap;
import java.util.Map;

/** 走访频次: months between visits per tier and importance level, changed line by line by a supervisor. */
@Route("visits/policy")
@PageTitle("visit.menu.policy")
@Menu(title = "visit.menu.policy", order = 32, icon = "vaadin:time-forward")
@RolesAllowed(Roles.SUPERVISORS)
class VisitPolicyView extends VerticalLayout {

    private final VisitPolicyService policy;
    private final CurrentViewer currentViewer;
    final Grid<PolicyLine> grid = new Grid<>();
    final Map<String, IntegerField> fields = new HashMap<>();

    VisitPolicyView(VisitPolicyService policy, CurrentViewer currentViewer) {
        this.policy = policy;
        this.currentViewer = currentViewer;
        grid.setId("visit-policy");
        grid.addColumn(l -> getTranslation("visit.policy." + l.subject()))
                .setHeader(getTranslation("visit.policy.subject"))
                .setFlexGrow(2);
        grid.addComponentColumn(l -> fields.get(l.subject())).setHeader(getTranslation("visit.policy.months"))
                .setAutoWidth(true);
        grid.addComponentColumn(l -> {
            Button save = new Button(getTranslation("common.save"), e -> save(l));
            save.setId("visit-policy-save-" + l.subject());
            return save;
        }).setAutoWidth(true);
        grid.addColumn(l -> l.updatedBy() == null ? "" : l.updatedBy() + " " + l.updatedAt().toLocalDate())
                .setHeader(getTranslation("visit.policy.updated")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        add(new Paragraph(getTranslation("visit.policy.help")), grid);
        load();
    }

    private IntegerField field(PolicyLine l) {
        IntegerField f = new IntegerField();
        f.setMin(1);
        f.setMax(24);
        f.setValue(l.intervalMonths());
        f.setClearButtonVisible(l.subject().startsWith("IMPORTANCE_"));
        f.setPlaceholder(getTranslation("visit.policy.none"));
        return f;
    }

    void save(PolicyLine l) {
        policy.change(currentViewer.get(), l.subject(), fields.get(l.subject()).getValue(), l.version());
        Notices.success(getTranslation("common.saved"));
        load();
    }

    private void load() {
        fields.clear();
        var lines = policy.lines();
        lines.forEach(l -> fields.put(l.subject(), field(l)));
        grid.setItems(lines);
    }
}
