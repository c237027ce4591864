/**
 * Screens of the customer portrait: the customer page's "portrait" tab ({@code PortraitCustomerTab} →
 * {@link cn.keyaccount.portrait.ui.PortraitPanel}), the portal page {@code portal/portrait} (the customer's own shape
 * against their industry's) and the supervisors' segments screen {@code SegmentsView}. Curves are drawn by the
 * energy feature's {@code <energy-chart>} element ({@code energy/ui/EnergyChart}) with options built here
 * ({@code PortraitCharts}).
 * <p>
 * <b>Depends on</b> {@code portrait}, {@code customer}/{@code customer.ui} (the tab seam), {@code energy.ui} (the
 * chart element), {@code security}/{@code security.ui} and {@code base}/{@code base.ui}.
 */
package cn.keyaccount.portrait.ui;
