/**
 * REST for users and sessions: {@code GET /api/me} (who am I), sign-out for the browser, and {@code /api/users}
 * (supervisors see their part of the organisation, administrators everyone and add users).
 * <p>
 * <b>Start with</b> {@code SessionResource}, {@code UserResource}. <b>Depends on</b> {@code security} and
 * {@code base.rest}.
 */
package cn.keyaccount.security.rest;
