package cn.keyaccount.org.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.OrgUnit;
import cn.keyaccount.org.UnitView;
import cn.keyaccount.security.Role;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.button.Button;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UnitsViewTest extends BrowserlessQuarkusTest {

    @Inject
    OrgService org;

    @Test
    void an_administrator_adds_a_supply_station_below_a_county() {
        signIn("admin", Role.ADMIN_NAME);
        UnitsView view = open(UnitsView.class);
        UnitView county = org.all().stream().filter(u -> u.level() == OrgUnit.Level.COUNTY).findFirst()
                .orElseThrow();
        int before = org.subtree(county.id()).size();
        view.tree.select(county);

        test(view.add).click();
        UnitForm form = $(UnitForm.class).single();
        assertEquals(county, form.parent.getValue());
        assertEquals(OrgUnit.Level.STATION, form.level.getValue());
        String code = "T-" + (System.nanoTime() % 1_000_000);
        test(form.code).setValue(code);
        test(form.name).setValue("测试供电所");
        test($(Button.class).id("unit-save")).click();

        assertEquals(before + 1, org.subtree(county.id()).size());
        assertEquals(code, view.tree.asSingleSelect().getValue().code());
    }

    @Test
    void a_supervisor_sees_their_part_of_the_tree_read_only() {
        signIn("supervisor.cg", Role.SUPERVISOR_NAME);
        UnitsView view = open(UnitsView.class);

        assertFalse(view.add.isVisible());
        assertTrue(view.tree.getTreeData().getRootItems().stream()
                .allMatch(u -> u.level() == OrgUnit.Level.STATION), "a station supervisor's tree starts at the station");
    }
}
