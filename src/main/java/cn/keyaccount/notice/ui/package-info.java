/**
 * The notice screens: the notice centre 通知中心 (route {@code notices}: compose with a live SMS preview, follow each
 * notice message by message, retry, decide uncertain messages), the staff inbox 我的消息 ({@code inbox}), the customer
 * portal's inbox 消息中心 ({@code portal/inbox}) and the customer page's 通知记录 tab.
 * <p>
 * <b>Start with</b> {@code NoticeCentreView}, {@code NoticeComposer}.
 * <p>
 * <b>Depends on</b> {@code notice}, {@code customer}/{@code customer.ui} (customer picker, tab seam),
 * {@code security}/{@code security.ui} and {@code base}/{@code base.ui}.
 */
package cn.keyaccount.notice.ui;
