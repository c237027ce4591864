package cn.keyaccount.servicerequest;

/**
 * A new request as a manager enters a phone call or a customer raises it in the portal. {@code serviceKind} only
 * for a 服务申请; {@code aboutUserId} only for a complaint (the person it is about; by default the customer's
 * manager); {@code area} defaults to 城区.
 */
public record RequestDraft(Long customerId, RequestType type, ServiceKind serviceKind, ServiceArea area,
                           String subject, String description, Long aboutUserId) {
}
