/**
 * Energy-efficiency analysis (能效分析 / 用电健康体检): 15-minute interval data, time-of-use tariffs and the diagnosis.
 * <p>
 * <b>Interval-data store.</b> One row per meter and day ({@code meter_day}: primary key (meter_id, day), two
 * {@code real[96]} arrays for kWh and kvarh, NULL elements for missing readings). 10,000 meters × a year of
 * 15-minute data is 350 million readings but only 3.65 million rows of ~900 bytes (inline, below the TOAST
 * threshold): about a tenth of the disk of narrow rows with their index, a customer-year is a primary-key range
 * scan of 365 rows per meter, an import writes one COPY row per 96 readings, and re-importing a day replaces one row.
 * Range partitioning with BRIN over narrow rows was the alternative: better for ad-hoc SQL over single readings,
 * which no screen needs, and 96 times the rows to write and to read back. The wide rows are partitioned by month
 * (V24, docs/scale.md): every read names its days and touches only their months; months are made at write time
 * ({@code meter_day_ensure_months}, {@link cn.keyaccount.energy.MeterDayMonths} ahead) and old ones archived to files
 * by deploy/meter-days.
 * <p>
 * <b>Import</b> ({@link cn.keyaccount.energy.ReadingImporter}): CSV (UTF-8 or GBK, detected) or XLSX (POI streaming
 * reader), gathered into meter-days in a bounded window, COPY into a temporary table, then the file's days replace
 * the stored ones in one transaction; any error rejects the whole file and the report lists every issue by row.
 * <p>
 * <b>Diagnosis</b> ({@link cn.keyaccount.energy.EnergyAnalyzer}): pure computation over a series, with the rules in
 * {@link cn.keyaccount.energy.PowerFactorStandard} ((83)水电财字第215号 tables),
 * {@link cn.keyaccount.energy.BasicChargeRules}, {@link cn.keyaccount.energy.TouTariff},
 * {@link cn.keyaccount.energy.TransformerLoad}, {@link cn.keyaccount.energy.Anomalies} and
 * {@link cn.keyaccount.energy.HealthScore}. Transformers are analysed one by one: each is loaded by the meters mapped
 * to it ({@code meter.transformer_id}, read in the same pass as the customer's sum), those without a meter of their
 * own by the meters mapped to no transformer, shared by rated kVA. Money is decimal from the prices on: each month's
 * time-of-use amounts are rounded to the cent as billed and everything else adds those up; energy stays in floating
 * point and is shown in whole kWh by {@link cn.keyaccount.energy.WholeUnits}, so that shown parts add up to shown
 * totals.
 * <p>
 * <b>Screens</b> ({@code ui}): the dashboard {@code EnergyPanel} (customer tab and portal) with charts drawn by Apache
 * ECharts inside the {@code <energy-chart>} Lit element (src/main/frontend/energy-chart.ts; the options are built on
 * the server by {@code EnergyCharts}; the built frontend bundles are committed in src/main/bundles so that no Node is
 * needed to build or run), the upload dialog (import on a background thread with a progress bar, report by file and
 * row), the energy-profile dialog and the administrators' tariff screen.
 * <p>
 * <b>Start with</b> {@link cn.keyaccount.energy.EnergyService} (analysis and import within the viewer's scope),
 * {@link cn.keyaccount.energy.EnergyAnalyzer}, {@link cn.keyaccount.energy.TariffService} and
 * {@link cn.keyaccount.energy.EnergyConfig} ({@code keyaccount.energy.*}).
 * <p>
 * <b>Depends on</b> {@code customer} (the customer, its transformers and who may see or change it), {@code security}
 * and {@code base}. Reports build on energy ({@code cn.keyaccount.report}), never the reverse.
 */
package cn.keyaccount.energy;
