package cn.keyaccount.notice;

/**
 * A send that did not work. Transient failures (link down, throttled, timeout) are retried with backoff; permanent
 * ones (channel disabled, address refused) fail the message at once; a lost claim (another node took the message
 * over before it was submitted) leaves it to that node, with nothing submitted and nothing recorded.
 */
class SendFailure extends Exception {

    private final boolean transientFailure;
    private final boolean claimLost;

    SendFailure(String message, boolean transientFailure, Throwable cause) {
        this(message, transientFailure, false, cause);
    }

    private SendFailure(String message, boolean transientFailure, boolean claimLost, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
        this.claimLost = claimLost;
    }

    static SendFailure claimLost() {
        return new SendFailure("claim taken over by another node before the submit", false, true, null);
    }

    boolean isClaimLost() {
        return claimLost;
    }

    static SendFailure permanent(String message) {
        return new SendFailure(message, false, null);
    }

    static SendFailure retryable(String message, Throwable cause) {
        return new SendFailure(message, true, cause);
    }

    boolean isTransient() {
        return transientFailure;
    }
}
