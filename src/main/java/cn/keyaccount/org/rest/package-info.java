/**
 * REST for the organisation: {@code /api/units} (the tree for pickers and filters; administrators add units).
 * <p>
 * <b>Start with</b> {@code UnitResource}. <b>Depends on</b> {@code org}, {@code security} and {@code base.rest}.
 */
package cn.keyaccount.org.rest;
