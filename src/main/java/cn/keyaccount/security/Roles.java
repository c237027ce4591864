package cn.keyaccount.security;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The role lists of {@code @RolesAllowed}, named once. An annotation takes only compile-time constants and an array
 * is not one, so each list is a role name of its own that a signed-in identity carries next to its {@link Role}
 * ({@link #held}, added in {@link ViewerIdentity}): {@code @RolesAllowed(Roles.STAFF)} admits the administrator,
 * supervisor, account manager and scheduler, as {@code @RolesAllowed({ADMIN, SUPERVISOR, ACCOUNT_MANAGER,
 * SCHEDULER})} did. A single role is still written {@code Role.ADMIN_NAME} and so on.
 */
public final class Roles {

    /** The four staff roles and the customer: every role but a repair crew's sign-in, which sees its repairs only. */
    public static final String EVERYONE = "any-of:everyone";
    /** Administrator, supervisor, account manager and scheduler: everyone but the customer. */
    public static final String STAFF = "any-of:staff";
    /** Administrator, supervisor and account manager: who look after customer accounts. */
    public static final String ACCOUNT_STAFF = "any-of:account-staff";
    /** Administrator, supervisor and scheduler: who plan outages, trucks and notices. */
    public static final String DISPATCH_STAFF = "any-of:dispatch-staff";
    /** Administrator and supervisor. */
    public static final String SUPERVISORS = "any-of:supervisors";
    /** The four staff roles and a repair crew's sign-in: who reads a repair (the crew its own ones only). */
    public static final String STAFF_AND_CREWS = "any-of:staff-and-crews";

    private static final Map<String, Set<Role>> LISTS = Map.of(
            EVERYONE, EnumSet.complementOf(EnumSet.of(Role.REPAIR_CREW)),
            STAFF, EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.ACCOUNT_MANAGER, Role.SCHEDULER),
            ACCOUNT_STAFF, EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.ACCOUNT_MANAGER),
            DISPATCH_STAFF, EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.SCHEDULER),
            SUPERVISORS, EnumSet.of(Role.ADMIN, Role.SUPERVISOR),
            STAFF_AND_CREWS, EnumSet.of(Role.ADMIN, Role.SUPERVISOR, Role.ACCOUNT_MANAGER, Role.SCHEDULER,
                    Role.REPAIR_CREW));

    private Roles() {
    }

    /** The role names a user in this role holds: its own and every list above that includes it. */
    public static Set<String> held(Role role) {
        Set<String> names = new LinkedHashSet<>();
        names.add(role.name());
        LISTS.forEach((list, members) -> {
            if (members.contains(role)) {
                names.add(list);
            }
        });
        return Set.copyOf(names);
    }
}
