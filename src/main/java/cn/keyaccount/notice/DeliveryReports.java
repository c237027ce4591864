package cn.keyaccount.notice;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where the SMS gateways of {@code notice.gateway} hand a delivery report: stored as proof and matched to its message
 * by the provider's message id as the dispatcher recorded it, or used to settle an UNCERTAIN message to that handset.
 */
@ApplicationScoped
public class DeliveryReports {

    private final NoticeOutbox outbox;

    DeliveryReports(NoticeOutbox outbox) {
        this.outbox = outbox;
    }

    public void received(String providerMessageId, String mobile, boolean delivered, String status, String errorCode,
                         String raw) {
        outbox.recordReceipt(providerMessageId, mobile, delivered, status, errorCode, raw);
    }
}
