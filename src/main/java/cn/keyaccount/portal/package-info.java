/**
 * The key-customer portal (客户门户): what a customer user sees of their own accounts. The room holds only the
 * landing page ({@code portal.ui.PortalView}); the portal's other pages belong to the features whose data they show
 * and live in those features' {@code ui} packages under routes {@code portal/...}: {@code portal/visits} (visit),
 * {@code portal/plans} (supplyplan), {@code portal/inbox} (notice), {@code portal/outages} (outage),
 * {@code portal/energy} (energy), {@code portal/reports} (report).
 * <p>
 * <b>Depends on</b> {@code customer}, {@code network}, {@code security}/{@code security.ui} and {@code base.ui}.
 */
package cn.keyaccount.portal;
