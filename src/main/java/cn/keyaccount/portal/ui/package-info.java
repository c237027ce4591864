/**
 * The portal's landing page (route {@code portal}): the profile of each account the customer user holds (户号, supply,
 * lines, their account manager) and the contacts on file; a selector when they hold several.
 * <p>
 * <b>Start with</b> {@code PortalView}. <b>Depends on</b> {@code customer}, {@code network},
 * {@code security}/{@code security.ui} and {@code base.ui}.
 */
package cn.keyaccount.portal.ui;
