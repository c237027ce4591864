/**
 * The workbench screen (工作台, route {@code ""}, every user's home page): {@code WorkbenchView} shows the
 * {@link WorkbenchSection}s that the features contribute for the viewer's role, as cards with a count, a link to the
 * page where the items are handled and the first few items; a user with no section (the administrator) gets links
 * to the pages their menu offers.
 * <p>
 * <b>Depends on</b> {@code workbench}, {@code security}/{@code security.ui} (the viewer) and {@code base}/{@code
 * base.ui}; no feature. Features depend on this package to contribute.
 */
package cn.keyaccount.workbench.ui;
