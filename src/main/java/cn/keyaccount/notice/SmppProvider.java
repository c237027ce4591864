package cn.keyaccount.notice;

import cn.keyaccount.notice.gateway.SmsGateway;
import jakarta.enterprise.context.ApplicationScoped;

/** The SMPP account under {@code keyaccount.notice.smpp} as the provider named "default" (first in the order). */
@ApplicationScoped
class SmppProvider implements SmsGateway {

    private final SmppChannel channel;
    private final NoticeConfig config;

    SmppProvider(SmppChannel channel, NoticeConfig config) {
        this.channel = channel;
        this.config = config;
    }

    @Override
    public String name() {
        return "default";
    }

    @Override
    public String protocol() {
        return "SMPP 3.4";
    }

    @Override
    public boolean enabled() {
        return channel.enabled();
    }

    @Override
    public boolean takes(String mobile) {
        return true;
    }

    @Override
    public int window() {
        return config.smpp().window();
    }

    @Override
    public LinkState linkState() {
        return switch (channel.linkState()) {
            case BOUND -> LinkState.UP;
            case DOWN -> LinkState.DOWN;
            case IDLE, DISABLED -> LinkState.IDLE;
        };
    }

    @Override
    public String send(String mobile, String text, SubmitGate gate) throws SendFailure {
        return channel.send(mobile, text, gate);
    }
}
