/**
 * REST for the notice engine: {@code /api/notices} (schedule, list, a notice's messages, retry all or one failed
 * message, decide an uncertain one, templates and their preview), {@code /api/customers/{id}/notices} (a customer's
 * history) and {@code /api/inbox} (a customer's portal inbox or a staff user's own messages, marking read).
 * <p>
 * <b>Start with</b> {@code NoticeResource}. <b>Depends on</b> {@code notice}, {@code security}, {@code base} and
 * {@code base.rest}.
 */
package cn.keyaccount.notice.rest;
