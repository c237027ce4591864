package cn.keyaccount.security;

/**
 * The signed-in user as every service sees it: who, in which role, in which unit. Services decide what a viewer
 * may see and change from this, never from the UI.
 */
public record Viewer(long userId, String username, String displayName, Role role, long unitId, String unitPath) {

    public boolean is(Role r) {
        return role == r;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }

    public boolean isSupervisor() {
        return role == Role.SUPERVISOR;
    }

    public boolean isManager() {
        return role == Role.ACCOUNT_MANAGER;
    }

    public boolean isCustomer() {
        return role == Role.CUSTOMER;
    }

    /** A stand-in for work the system does on its own (demo data, scheduled jobs). */
    public static Viewer system() {
        return new Viewer(0, "system", "system", Role.ADMIN, 0, "/");
    }
}
