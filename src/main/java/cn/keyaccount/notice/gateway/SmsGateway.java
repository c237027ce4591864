package cn.keyaccount.notice.gateway;

import cn.keyaccount.notice.SubmitGate;

import cn.keyaccount.notice.SendFailure;

/** One SMS provider's account as the dispatcher sees it: a link that takes submits and answers them. */
public interface SmsGateway {

    /** The provider's configured name; "default" for the SMPP account under {@code keyaccount.notice.smpp}. */
    String name();

    /** The protocol, for the screens: CMPP 3.0, CMPP 2.0, SMPP 3.4. */
    String protocol();

    /** Whether the provider is on (the SMPP account is off unless {@code keyaccount.notice.smpp.enabled}). */
    default boolean enabled() {
        return true;
    }

    /** Whether the rule lets this provider take the number (its mobile prefixes, if it has any). */
    boolean takes(String mobile);

    /** Submits in flight at once. */
    int window();

    LinkState linkState();

    /**
     * Submits one SMS (all its parts) and waits for the gateway's answers; returns the message id by which its
     * delivery report will be matched (unique over all providers). Opens {@code gate} exactly once, immediately
     * before the first part goes on the wire (after the link and the throughput slot), and submits nothing when it
     * throws ({@link SubmitGate}).
     */
    String send(String mobile, String text, SubmitGate gate) throws SendFailure;

    /** The link: not opened yet, logged in, or down (the last connect or login failed, or the link broke). */
    enum LinkState { IDLE, UP, DOWN }
}
