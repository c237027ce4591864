/**
 * The organisation screen (route {@code units}): the tree of units; administrators add units ({@code UnitForm}
 * publishes a save event, never calling a service), supervisors see their part read-only.
 * <p>
 * <b>Start with</b> {@code UnitsView}. <b>Depends on</b> {@code org}, {@code security}/{@code security.ui} and
 * {@code base}/{@code base.ui}.
 */
package cn.keyaccount.org.ui;
