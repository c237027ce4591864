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

    /** One SMS account at a carrier's gateway. */
    interface Provider {

        /** The protocol: cmpp (China Mobile CMPP 2.0/3.0). */
        @WithDefault("cmpp")
        String type();

        /** CMPP version: 3.0 or 2.0, as the gateway's operator says. */
        @WithDefault("3.0")
        String version();

        String host();

        @WithDefault("7890")
        int port();

        /** The SP id (企业代码, six digits) the account logs in with (Source_Addr). */
        String spId();

        /** The shared secret (共享密钥) of the login; no default: set it from the environment. */
        String sharedSecret();

        /** The service code (业务代码, Service_Id) the carrier assigned. */
        String serviceCode();

        /** The source number (接入号 with any extension, Src_Id) handsets see and reply to. */
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
    }
}
