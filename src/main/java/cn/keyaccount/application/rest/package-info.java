/**
 * REST for 业扩 applications ({@code /api/applications}): thin; visibility and who may run what are decided in
 * {@link cn.keyaccount.application.ApplicationService}.
 */
package cn.keyaccount.application.rest;
