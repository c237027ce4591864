/**
 * The key-account book (客户档案): customers ({@link Customer}: 户号, credit code, industry, supply, capacity, importance,
 * tariff and basic-charge mode), their contacts with channel consent and quiet hours, and their transformers with
 * their suspensions (暂停) and capacity changes over time ({@link TransformerHistory}). The tier
 * A/B/C is derived, never typed ({@link CustomerTiering}); {@link CustomerAccess} decides who may see and change which
 * customer; {@link PersonalData} masks mobiles. The list searches a narrow copy kept by database triggers ({@code
 * customer_search}, {@link SearchTokens}), read bucket by bucket along its sort order for broad words ({@link
 * CustomerSearchBuckets}); {@link CustomerExcel} exports and imports (all or nothing).
 * <p>
 * <b>Start with</b> {@link CustomerService}, {@link ContactService}, {@link TransformerService}, {@link
 * CustomerAccess}; other features read customers through {@link CustomerQueries} (records, and subqueries for their
 * own lists) rather than naming {@code Customer} in their queries. {@link CustomerTimeline} merges the activity
 * timeline from the {@link TimelineSource}s the features implement in their own packages.
 * <p>
 * <b>Depends on</b> {@code network} (supply lines), {@code org} (units), {@code security} (the viewer), {@code audit}
 * and {@code base}. Features that add to a customer (assignment, visits, notices, outages, energy, reports) depend on
 * customer; the customer core depends on none of them.
 */
package cn.keyaccount.customer;
