package cn.keyaccount.servicerequest;

/**
 * What a request list shows: text in the subject, customer name or account number; a type; a status, or
 * {@code openOnly}; one customer; only the viewer's own inbox ({@code mine}). Null or false means "any".
 */
public record RequestFilter(String text, RequestType type, RequestStatus status, boolean openOnly, Long customerId,
                            boolean mine) {

    public static RequestFilter all() {
        return new RequestFilter(null, null, null, false, null, false);
    }

    public static RequestFilter ofCustomer(long customerId) {
        return new RequestFilter(null, null, null, false, customerId, false);
    }
}
