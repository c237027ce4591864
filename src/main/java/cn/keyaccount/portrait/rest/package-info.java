/**
 * REST for portraits and segments ({@code /api/customers/{id}/portrait}, {@code /api/portrait/…}): thin, roles
 * declared here, scope left to {@code PortraitService}.
 * <p>
 * <b>Start with</b> {@code PortraitResource}. <b>Depends on</b> {@code portrait}, {@code security} and
 * {@code base.rest}.
 */
package cn.keyaccount.portrait.rest;
