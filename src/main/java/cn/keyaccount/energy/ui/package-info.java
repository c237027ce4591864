/**
 * The energy screens: the customer page's 能效分析 tab ({@code EnergyCustomerTab}) and the portal's own dashboard
 * (route {@code portal/energy}) both show {@link EnergyPanel} (period picker, figures, health score, ECharts charts via
 * {@link EnergyChart} and the {@code <energy-chart>} Lit element); the upload, energy-profile and meters dialogs; the
 * administrators' tariff screen (route {@code energy/tariffs}).
 * <p>
 * <b>Start with</b> {@link EnergyPanel}, {@code EnergyCharts} (the chart options, built on the server).
 * <p>
 * <b>Depends on</b> {@code energy}, {@code customer}/{@code customer.ui} (the tab seam), {@code security}/
 * {@code security.ui} and {@code base}/{@code base.ui}.
 */
package cn.keyaccount.energy.ui;
