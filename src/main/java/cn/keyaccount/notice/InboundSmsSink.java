package cn.keyaccount.notice;

/**
 * Where an SMS channel hands a customer's reply (a mobile-originated message, not a delivery report). Implemented once,
 * by the replies store; channels inject it as {@code Instance<InboundSmsSink>}.
 */
public interface InboundSmsSink {

    void received(InboundSms sms);
}
