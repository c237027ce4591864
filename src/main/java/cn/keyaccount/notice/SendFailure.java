package cn.keyaccount.notice;

/**
 * A send that did not work. Transient failures (link down, throttled) are retried with backoff; permanent ones
 * (channel disabled, address refused) fail the message at once. Two kinds matter to the "sent once" rules: a link that
 * was down, so that nothing was submitted (another provider may take the message at once), and a submit that went out
 * without an answer (the gateway may have it: the message becomes UNCERTAIN, to be settled by its delivery report).
 * A lost claim (another node took the message over before it was submitted) leaves it to that node, with nothing
 * submitted and nothing recorded.
 */
public class SendFailure extends Exception {

    /** What is known about the message after the failure. */
    public enum Kind {
        /** Refused for good: fail the message. */
        PERMANENT,
        /** Not taken now (throttled, busy): try again later. */
        RETRYABLE,
        /** No link to the gateway: nothing was submitted, another provider may send it now. */
        LINK_DOWN,
        /** Submitted, no answer: the gateway may have it; never sent again on its own. */
        UNCERTAIN,
        /** Another node took the message over before the submit gate opened: nothing submitted, nothing recorded. */
        CLAIM_LOST
    }

    private final Kind kind;

    protected SendFailure(String message, Kind kind, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    SendFailure(String message, boolean transientFailure, Throwable cause) {
        this(message, transientFailure ? Kind.RETRYABLE : Kind.PERMANENT, cause);
    }

    static SendFailure claimLost() {
        return new SendFailure("claim taken over by another node before the submit", Kind.CLAIM_LOST, null);
    }

    boolean isClaimLost() {
        return kind == Kind.CLAIM_LOST;
    }

    public static SendFailure permanent(String message) {
        return new SendFailure(message, Kind.PERMANENT, null);
    }

    public static SendFailure retryable(String message, Throwable cause) {
        return new SendFailure(message, Kind.RETRYABLE, cause);
    }

    public static SendFailure linkDown(String message, Throwable cause) {
        return new SendFailure(message, Kind.LINK_DOWN, cause);
    }

    public static SendFailure uncertain(String message, Throwable cause) {
        return new SendFailure(message, Kind.UNCERTAIN, cause);
    }

    public Kind kind() {
        return kind;
    }

    boolean isTransient() {
        return kind == Kind.RETRYABLE || kind == Kind.LINK_DOWN;
    }
}
