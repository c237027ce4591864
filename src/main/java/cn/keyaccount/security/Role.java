package cn.keyaccount.security;

/** The five roles. The constants are the names used in {@code @RolesAllowed}. */
public enum Role {
    ADMIN, SUPERVISOR, ACCOUNT_MANAGER, SCHEDULER, CUSTOMER;

    public static final String ADMIN_NAME = "ADMIN";
    public static final String SUPERVISOR_NAME = "SUPERVISOR";
    public static final String MANAGER_NAME = "ACCOUNT_MANAGER";
    public static final String SCHEDULER_NAME = "SCHEDULER";
    public static final String CUSTOMER_NAME = "CUSTOMER";
}
