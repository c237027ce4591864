/**
 * The supply network the customers hang off: substations ({@link Substation}) and their supply lines (线路 / 馈线,
 * {@link SupplyLine}), each belonging to a unit.
 * <p>
 * <b>Start with</b> {@link NetworkService} (lines and substations for pickers, the customer profile and outages).
 * <p>
 * <b>Depends on</b> {@code org} and {@code base} only.
 */
package cn.keyaccount.network;
