package cn.keyaccount.security;

/**
 * The six roles. The constants are the names used in {@code @RolesAllowed}. {@code REPAIR_CREW} is a repair crew's
 * sign-in (the repair green channel): it holds none of the lists of {@link Roles}, so it reaches only what names it.
 */
public enum Role {
    ADMIN, SUPERVISOR, ACCOUNT_MANAGER, SCHEDULER, CUSTOMER, REPAIR_CREW;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String SUPERVISOR_NAME = "SUPERVISOR";
    public static final String MANAGER_NAME = "ACCOUNT_MANAGER";
    public static final String SCHEDULER_NAME = "SCHEDULER";
    public static final String CUSTOMER_NAME = "CUSTOMER";
    public static final String REPAIR_CREW_NAME = "REPAIR_CREW";
}
