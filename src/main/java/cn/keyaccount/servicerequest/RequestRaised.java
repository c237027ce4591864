package cn.keyaccount.servicerequest;

/**
 * A request just raised, fired synchronously inside the transaction that stores it, so that what follows at once
 * (a repair's dispatch to a crew, {@code servicerequest.repair}) commits or fails with it.
 */
public record RequestRaised(long requestId, RequestType type, long customerId) {
}
