package cn.keyaccount.notice;

/**
 * What a channel opens right before a message's first byte goes to the provider (after the link is up and the
 * throughput slot is taken): it commits the start mark, so that only a message whose submit may have reached the
 * provider is ever found started without an outcome. Every channel that submits to an outside provider calls
 * {@link #open} exactly once per message, immediately before the first submit, and submits nothing when it throws.
 */
@FunctionalInterface
interface SubmitGate {

    /**
     * Commits the start mark. Throws {@link SendFailure#claimLost()} when the claim is no longer this attempt's
     * (another node took it over: submit nothing, record nothing), or a retryable failure when the mark could not be
     * written (submit nothing; the message goes back to the queue).
     */
    void open() throws SendFailure;
}
