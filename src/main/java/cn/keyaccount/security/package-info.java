/**
 * Users, roles and sign-in: {@link AppUser} with a bcrypt password ({@link Passwords}), the five roles ({@link Role}:
 * ADMIN, SUPERVISOR, ACCOUNT_MANAGER, SCHEDULER, CUSTOMER), the identity providers for form login and HTTP basic,
 * the sign-in lock after repeated failures ({@link SecurityConfig}, {@code keyaccount.security.*}) and the
 * {@link Viewer}: who, in which role and unit, from which every service decides what may be seen and changed.
 * <p>
 * <b>Start with</b> {@link UserService}, {@link Viewer}, {@link Role}.
 * <p>
 * <b>Depends on</b> {@code org}, {@code audit} (sign-ins are recorded) and {@code base}; never on customers (a
 * customer user's accounts are linked in {@code security.ui}).
 */
package cn.keyaccount.security;
