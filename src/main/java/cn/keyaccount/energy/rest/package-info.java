/**
 * REST for energy: {@code /api/customers/{id}/energy} ({@code readings} import with the file as body, {@code analysis},
 * {@code load-curve}, {@code profile}, {@code meters/{meterId}}) and {@code /api/tariffs} (everyone signed in reads,
 * administrators change prices).
 * <p>
 * <b>Start with</b> {@code EnergyResource}, {@code TariffResource}. <b>Depends on</b> {@code energy}, {@code security}
 * and {@code base.rest}.
 */
package cn.keyaccount.energy.rest;
