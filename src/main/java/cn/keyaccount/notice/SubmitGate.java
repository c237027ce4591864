package cn.keyaccount.notice;

/**
 * What a channel opens right before a message's first byte goes to the provider (after the link is up and the
 * throughput slot is taken): it commits the start mark, so that only a message whose submit may have reached the
 * provider is ever found started without an outcome. Every channel that submits to an outside provider calls
 * {@link #open} exactly once per message, immediately before the first submit, and submits nothing when it throws.
 */
@FunctionalInterface
public interface SubmitGate {

    /**
     * Commits the start mark. Throws {@link SendFailure#claimLost()} when the claim is no longer this attempt's
     * (another node took it over: submit nothing, record nothing), or a retryable failure when the mark could not be
     * written (submit nothing; the message goes back to the queue).
     */
    void open() throws SendFailure;

    /** A gate for a send that no journal follows (an administrator's test SMS): nothing to mark. */
    static SubmitGate none() {
        return () -> { };
    }

    /**
     * This gate opened at most once, however many providers try the message in turn (a provider whose link turns out
     * down after the gate opened wrote nothing, and the next one must not open it again).
     */
    default SubmitGate once() {
        SubmitGate inner = this;
        return new SubmitGate() {
            private boolean opened;

            @Override
            public synchronized void open() throws SendFailure {
                if (!opened) {
                    inner.open();
                    opened = true;
                }
            }
        };
    }
}
