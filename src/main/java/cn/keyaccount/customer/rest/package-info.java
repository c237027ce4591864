/**
 * REST for key customers: {@code /api/customers} (scoped, paged, filtered and sorted list; create; get; update with the
 * version read) and each customer's {@code contacts} and {@code transformers}.
 * <p>
 * <b>Start with</b> {@code CustomerResource}. <b>Depends on</b> {@code customer}, {@code security} and
 * {@code base.rest}. Other features' customer sub-resources (assignments, notices, energy, reports) live in their own
 * {@code rest} packages.
 */
package cn.keyaccount.customer.rest;
