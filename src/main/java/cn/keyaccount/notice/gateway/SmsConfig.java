package cn.keyaccount.notice.gateway;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The SMS providers beside the SMPP account of {@code keyaccount.notice.smpp} (which is the provider "default"):
 * {@code keyaccount.sms.providers.<name>.*}, and the order in which the rule tries them. See docs/sms-gateways.md.
 */
@ConfigMapping(prefix = "keyaccount.sms")
public interface SmsConfig {

    /**
     * Provider names in the order the rule tries them (the first healthy one that takes the number sends); unset:
     * "default" first, then the others by name.
     */
    Optional<List<String>> order();

    /** The accounts by name (letters and digits), e.g. {@code keyaccount.sms.providers.cmcc.host}. */
    Map<String, Provider> providers();

    /**
     * One SMS account at a carrier's gateway. The settings every protocol has come first; then those of one protocol
     * (required for it, ignored by the others: the node refuses to start when one it needs is missing).
     */
    interface Provider {

        /** The protocol: cmpp (China Mobile CMPP 2.0/3.0), sgip (China Unicom SGIP 1.2), smgp (China Telecom SMGP). */
        @WithDefault("cmpp")
        String type();

        /** CMPP: 3.0 or 2.0; SMGP: 3.0, 2.0 or 1.3 — as the gateway's operator says. */
        @WithDefault("3.0")
        String version();

        String host();

        /** The gateway's port; unset: the protocol's usual one (CMPP 7890, SGIP 8801, SMGP 8890). */
        Optional<Integer> port();

        /** The shared secret (共享密钥; SGIP: the login password 口令); no default: set it from the environment. */
        String sharedSecret();

        /** The service code (业务代码: CMPP Service_Id, SGIP ServiceType, SMGP ServiceID) the carrier assigned. */
        String serviceCode();

        /** The source number (接入号 with any extension: CMPP Src_Id, SGIP SPNumber, SMGP SrcTermID) handsets reply to. */
        String sourceNumber();

        /** Submits in flight at once (the send window). */
        @WithDefault("16")
        int window();

        /** The carrier's throughput limit: submits a second over all parts. */
        @WithDefault("200")
        int maxPerSecond();

        /** How long a submit waits for the gateway's answer before the message counts as UNCERTAIN. */
        @WithDefault("PT10S")
        Duration responseTimeout();

        /** Mobile number prefixes this provider takes (e.g. 134,135,…,198 for China Mobile); unset: every number. */
        Optional<List<String>> prefixes();

        /** CMPP: the SP id (企业代码, six digits) the account logs in with (Source_Addr, Msg_src). */
        Optional<String> spId();

        /** SMGP: the client id (ClientID, up to eight characters) the account logs in with. */
        Optional<String> clientId();

        /** SGIP: the SP's node id (节点编号, 3AAAAQQQQQ: 3, the area code, the corporation code). */
        Optional<Long> nodeId();

        /** SGIP: the corporation code (企业代码, CorpId, five digits); unset: the last five digits of the node id. */
        Optional<String> corpId();

        /** SGIP: the login name the account binds to the SMG with (its password is the shared secret). */
        Optional<String> loginName();

        /** SGIP: the port we listen on, where the SMG connects back to deliver reports and customers' messages. */
        Optional<Integer> listenPort();

        /** SGIP: the login name the SMG binds to us with; unset: the same as {@code login-name}. */
        Optional<String> smgLoginName();

        /** SGIP: the password the SMG binds to us with (agreed with the carrier); no default. */
        Optional<String> smgPassword();
    }
}
