/**
 * The customer list (route {@code customers}: one search box, filters, sorting and paging in SQL, Excel export and
 * import) and the customer page ({@code customers/<id>}: profile, contacts, transformers, lines, assignment history,
 * audit trail).
 * <p>
 * <b>Start with</b> {@code CustomerListView}, {@code CustomerDetailView}, and {@link CustomerTab}: the seam through
 * which other features contribute tabs (visits, notices, outages, energy, reports) as CDI beans in their own
 * {@code ui}, so that the customer page depends on none of them; {@link CustomerCardPart}, the same seam for the
 * header ({@code CustomerCard}: facts, open items and actions); {@code TimelinePanel}, the activity timeline tab.
 * <p>
 * <b>Depends on</b> {@code customer}, {@code assignment} (the history tab), {@code network}, {@code org},
 * {@code audit}, {@code security}/{@code security.ui} and {@code base}/{@code base.ui}.
 */
package cn.keyaccount.customer.ui;
