/**
 * The portal's landing page (route {@code portal}): four cards (latest bills, outages ahead, the latest energy report,
 * unread messages, each linking to its page; {@code PortalCards}), then the profile of each account the customer user
 * holds (户号, supply, lines, their account manager) and the contacts on file; a selector when they hold several.
 * <p>
 * <b>Start with</b> {@code PortalView}. <b>Depends on</b> {@code customer}, {@code network}, the services of
 * {@code billing}, {@code outage}, {@code report} and {@code notice} (for the cards),
 * {@code security}/{@code security.ui} and {@code base.ui}.
 */
package cn.keyaccount.portal.ui;
