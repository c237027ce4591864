/**
 * The service-request screens: the list 服务工单 (route {@code service-requests}: search, filters, paging, new
 * request), one request ({@code service-requests/<id>}: history, hand-off, comment, close, reopen), the customer
 * page's 服务工单 tab, the workbench's inbox card and the button on a recorded visit that turns its 诉求 into a
 * request.
 * <p>
 * <b>Start with</b> {@code ServiceRequestsView}, {@code ServiceRequestView}.
 * <p>
 * <b>Depends on</b> {@code servicerequest}, {@code customer}/{@code customer.ui} (the tab seam, customer search),
 * {@code workbench}/{@code workbench.ui} (the card seam), {@code security}/{@code security.ui} and
 * {@code base}/{@code base.ui}.
 */
package cn.keyaccount.servicerequest.ui;
