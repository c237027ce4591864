/**
 * REST for energy-audit reports: {@code /api/reports} (list, get, download {@code xlsx}/{@code docx} with
 * {@code X-Checksum-SHA256}) and {@code POST /api/customers/{id}/reports} (issue one now, 201).
 * <p>
 * <b>Start with</b> {@code ReportResource}. <b>Depends on</b> {@code report}, {@code security} and {@code base.rest}.
 */
package cn.keyaccount.report.rest;
