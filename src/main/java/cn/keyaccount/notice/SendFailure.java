package cn.keyaccount.notice;

/**
 * A send that did not work. Transient failures (link down, throttled, timeout) are retried with backoff; permanent
 * ones (channel disabled, address refused) fail the message at once.
 */
class SendFailure extends Exception {

    private final boolean transientFailure;

    SendFailure(String message, boolean transientFailure, Throwable cause) {
        super(message, cause);
        this.transientFailure = transientFailure;
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
