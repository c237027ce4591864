/**
 * REST for service requests: {@code /api/service-requests} (list, raise, one request, start, hand-off, comments,
 * close, reopen, the caller's inbox) and {@code /api/visit-demands/<visitId>/request} (a visit's 诉求 as a request);
 * {@code RequestLanguage} puts the answers the suite wrote into the caller's language.
 * <p>
 * <b>Start with</b> {@code ServiceRequestResource}. <b>Depends on</b> {@code servicerequest}, {@code security} and
 * {@code base.rest}.
 */
package cn.keyaccount.servicerequest.rest;
