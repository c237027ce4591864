/**
 * What every REST resource shares: the one JSON error shape ({@link ErrorBody}, made by {@link ErrorMappers}: 400, 401,
 * 403, 404, 409, 422 in the caller's language), {@link ResultPage} ({@code items, page, size, total}), {@link Rest}
 * (201 + Location, 400 for a missing body), {@link QueryParams} (query parameters read as text, so that a bad one is a
 * 400 naming it rather than JAX-RS's 404) and {@link UnmatchedApiRequests} (an unknown {@code /api} path answers the
 * JSON 404, not the Vaadin page).
 * <p>
 * <b>Depends on</b> {@code base} only.
 */
package cn.keyaccount.base.rest;
