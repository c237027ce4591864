package cn.keyaccount.org.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import cn.keyaccount.base.Messages;
import cn.keyaccount.org.OrgService;
import cn.keyaccount.org.OrgUnit;
import cn.keyaccount.org.UnitDetails;
import cn.keyaccount.security.Role;
import cn.keyaccount.support.ui.BrowserlessQuarkusTest;
import com.vaadin.flow.component.button.Button;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class UnitsViewTest extends BrowserlessQuarkusTest {

    @Inject
    OrgService org;

    @Test
    void an_administrator_adds_a_supply_station_below_a_county() {
        signIn("admin", Role.ADMIN_NAME);
        UnitsView view = open(UnitsView.class);
        UnitDetails county = org.all().stream().filter(u -> u.level() == OrgUnit.Level.COUNTY).findFirst()
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

    @Test
    void a_unit_without_a_name_is_refused_at_the_name_field_and_the_dialog_stays_open() {
        signIn("admin", Role.ADMIN_NAME);
        UnitsView view = open(UnitsView.class);
        view.tree.select(org.all().stream().filter(u -> u.level() == OrgUnit.Level.COUNTY).findFirst().orElseThrow());
        test(view.add).click();
        UnitForm form = $(UnitForm.class).single();
        test(form.code).setValue("T-" + (System.nanoTime() % 1_000_000));

        click($(Button.class).id("unit-save"));

        assertTrue(form.name.isInvalid());
        assertEquals(Messages.get(Messages.CHINESE, "error.required"), form.name.getErrorMessage());
        assertFalse(form.code.isInvalid());
        assertTrue(form.isAttached(), "the dialog stays open");
        assertEquals(List.of(), notifications(), "the marked field says it all");
    }

    @Test
    void a_refusal_that_names_no_field_is_a_note_in_the_users_language() {
        signIn("admin", Role.ADMIN_NAME);
        UnitsView view = open(UnitsView.class);
        view.tree.select(org.all().stream().filter(u -> u.level() == OrgUnit.Level.STATION).findFirst().orElseThrow());
        test(view.add).click();
        UnitForm form = $(UnitForm.class).single();
        test(form.code).setValue("T-" + (System.nanoTime() % 1_000_000));
        test(form.name).setValue("层级不对的单位");
        form.level.setValue(OrgUnit.Level.COUNTY);

        click($(Button.class).id("unit-save"));

        assertEquals(List.of(Messages.get(Messages.CHINESE, "error.unit-level-order")), notifications());
    }

    @Test
    void an_unexpected_failure_in_a_view_shows_the_generic_note_with_a_reference_and_no_internals() {
        signIn("admin", Role.ADMIN_NAME);
        UnitsView view = open(UnitsView.class);

        asUser(view.add, () -> {
            throw new IllegalStateException("connection pool exhausted");
        });

        String note = notifications().getLast();
        String reference = note.replaceAll("(?s).*?([0-9a-f]{8}).*", "$1");
        assertEquals(Messages.get(Messages.CHINESE, "error.unexpected-ui", reference), note);
    }
}
