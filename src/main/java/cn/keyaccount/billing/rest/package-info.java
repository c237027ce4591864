/**
 * REST for billing: {@code /api/billing/bills} and {@code /payments} imports (the file as body; 422 with the rows
 * refused), bill lists, a customer's bills and {@code POST /api/billing/customers/{id}/balance}.
 * <p>
 * <b>Start with</b> {@code BillingResource}. <b>Depends on</b> {@code billing}, {@code notice} (the notice an import
 * raised), {@code security} and {@code base.rest}.
 */
package cn.keyaccount.billing.rest;
