/**
 * The sign-in page (route {@code login}, a plain form posting to Quarkus form authentication), user administration
 * (route {@code users}) and {@link CurrentViewer}, the signed-in user of the current Vaadin request as a {@code Viewer}
 * for the services (every view uses it).
 * <p>
 * <b>Start with</b> {@link CurrentViewer}, {@code UsersView}.
 * <p>
 * <b>Depends on</b> {@code security}, {@code customer} (linking a customer user to accounts, {@code
 * PortalAccessDialog}: here so that the security services stay independent of customers), {@code org} and {@code
 * base}/{@code base.ui}.
 */
package cn.keyaccount.security.ui;
