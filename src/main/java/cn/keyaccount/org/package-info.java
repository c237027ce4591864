/**
 * The organisation: units as a tree (province company → city → county company → 供电所, {@link OrgUnit}); users and
 * customers belong to a unit, and a supervisor's scope is their unit and the units below.
 * <p>
 * <b>Start with</b> {@link OrgService} (units and their subtrees) and {@link UnitDetails}; other features' queries take
 * a unit's subtree from {@link OrgUnitQueries} rather than naming {@code OrgUnit}.
 * <p>
 * <b>Depends on</b> {@code base} only.
 */
package cn.keyaccount.org;
