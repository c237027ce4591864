package cn.keyaccount.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.annotation.security.RolesAllowed;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolesTest {

    @Test
    void a_scheduler_holds_the_lists_that_name_schedulers_and_no_other() {
        assertEquals(Set.of(Role.SCHEDULER_NAME, Roles.EVERYONE, Roles.STAFF, Roles.DISPATCH_STAFF,
                Roles.STAFF_AND_CREWS),
                Roles.held(Role.SCHEDULER));
    }

    @Test
    void a_customer_holds_only_its_role_and_the_list_of_everyone() {
        assertEquals(Set.of(Role.CUSTOMER_NAME, Roles.EVERYONE), Roles.held(Role.CUSTOMER));
    }

    @Test
    void a_repair_crew_holds_only_its_role_and_the_list_that_names_crews_not_everyone() {
        assertEquals(Set.of(Role.REPAIR_CREW_NAME, Roles.STAFF_AND_CREWS), Roles.held(Role.REPAIR_CREW));
    }

    @Test
    void an_account_manager_and_an_administrator_hold_the_lists_that_name_them() {
        assertEquals(Set.of(Role.MANAGER_NAME, Roles.EVERYONE, Roles.STAFF, Roles.ACCOUNT_STAFF,
                Roles.STAFF_AND_CREWS),
                Roles.held(Role.ACCOUNT_MANAGER));
        assertEquals(Set.of(Role.ADMIN_NAME, Roles.EVERYONE, Roles.STAFF, Roles.ACCOUNT_STAFF, Roles.DISPATCH_STAFF,
                Roles.SUPERVISORS, Roles.STAFF_AND_CREWS), Roles.held(Role.ADMIN));
    }

    @Test
    void no_view_or_resource_lists_several_roles_by_hand_in_RolesAllowed() {
        JavaClasses main = new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages("cn.keyaccount");
        List<String> byHand = new ArrayList<>();
        for (JavaClass c : main) {
            c.tryGetAnnotationOfType(RolesAllowed.class).filter(r -> r.value().length > 1)
                    .ifPresent(r -> byHand.add(c.getName()));
            for (JavaMethod m : c.getMethods()) {
                m.tryGetAnnotationOfType(RolesAllowed.class).filter(r -> r.value().length > 1)
                        .ifPresent(r -> byHand.add(m.getFullName()));
            }
        }
        assertEquals(List.of(), byHand, "@RolesAllowed with a list of roles instead of a name from Roles");
    }
}
