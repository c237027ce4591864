/**
 * Energy-audit reports (能效诊断报告): the customer-year analysis of {@code cn.keyaccount.energy} as native Office
 * files — an XLSX workbook with the data and native charts ({@link cn.keyaccount.report.EnergyAuditWorkbook}, the
 * 35,040-row interval sheet written straight as XML, see IntervalRows) and a DOCX report with chapters, tables and
 * native Word charts ({@link cn.keyaccount.report.EnergyAuditDocument}) — both from templates an auditor restyles
 * ({@link cn.keyaccount.report.ReportTemplates}, reports/README.md). Also the 供电方案答复单 of the application
 * pipeline ({@link cn.keyaccount.report.SupplySchemeDocument}), its basic-charge modes priced by the energy rules.
 * <p>
 * <b>Archive.</b> Every issue is a row of {@code energy_report} (customer, kind, period, issue, who, when, headline
 * figures) that the database refuses to update; reissuing makes the next issue. The unique key customer × kind ×
 * period × issue is what makes the monthly batch produce each report once. The files are kept as {@code bytea} in
 * {@code energy_report_file} with their SHA-256, not as files under a data directory: the row and its bytes commit
 * together (no orphan or missing file after a crash), every node of a cluster reads them without a shared file
 * system, and one database backup holds the whole archive. The cost is database size — about 0.64 MB per customer
 * and month with the interval sheet (XLSX ≈ 0.6 MB, DOCX ≈ 34 KB; see BENCHMARKS.md), ≈ 15 GB a year for 2,000
 * customers — stored out of line and uncompressed ({@code storage external}: Office files are zip already).
 * Should that outgrow the database, the file table is the one place to move to object storage.
 * <p>
 * <b>Monthly batch</b> ({@link cn.keyaccount.report.MonthlyReportBatch}): made by every live node together — the
 * batch's customers split into chunks that nodes claim with {@code for update skip locked} and a lease, each with its
 * cursor, so that a chunk of a node that died is taken over where it stopped; the clustered monthly and resume jobs
 * and a per-node share job lead there; see docs/reports.md and scheduler/README.md.
 * <p>
 * <b>Start with</b> {@link cn.keyaccount.report.ReportService} (issue, list, download within the viewer's scope),
 * {@link cn.keyaccount.report.ReportTemplates} and {@link cn.keyaccount.report.ReportConfig}
 * ({@code keyaccount.report.*}).
 * <p>
 * <b>Depends on</b> {@code energy} (the same analysis the dashboard shows), {@code customer}, {@code notice} (the
 * {@code report-ready} notice), {@code security}, {@code audit} (downloads are audited) and {@code base}.
 */
package cn.keyaccount.report;
