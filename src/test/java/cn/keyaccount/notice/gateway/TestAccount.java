package cn.keyaccount.notice.gateway;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A CMPP account on loopback as the configuration would give it, for tests that make their own provider. */
record TestAccount(int gatewayPort, String login, String sharedSecret) implements SmsConfig.Provider {

    static TestAccount cmpp(int port, String spId, String secret) {
        return new TestAccount(port, spId, secret);
    }

    @Override
    public String type() {
        return "cmpp";
    }

    @Override
    public String version() {
        return "3.0";
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public Optional<Integer> port() {
        return Optional.of(gatewayPort);
    }

    @Override
    public String serviceCode() {
        return "MKA0012";
    }

    @Override
    public String sourceNumber() {
        return CmppProfile.SOURCE;
    }

    @Override
    public int window() {
        return 4;
    }

    @Override
    public int maxPerSecond() {
        return 100;
    }

    @Override
    public Duration responseTimeout() {
        return Duration.ofSeconds(2);
    }

    @Override
    public Optional<List<String>> prefixes() {
        return Optional.empty();
    }

    @Override
    public Optional<String> spId() {
        return Optional.of(login);
    }

    @Override
    public Optional<String> clientId() {
        return Optional.empty();
    }

    @Override
    public Optional<Long> nodeId() {
        return Optional.empty();
    }

    @Override
    public Optional<String> corpId() {
        return Optional.empty();
    }

    @Override
    public Optional<String> loginName() {
        return Optional.empty();
    }

    @Override
    public Optional<Integer> listenPort() {
        return Optional.empty();
    }

    @Override
    public Optional<String> smgLoginName() {
        return Optional.empty();
    }

    @Override
    public Optional<String> smgPassword() {
        return Optional.empty();
    }
}
