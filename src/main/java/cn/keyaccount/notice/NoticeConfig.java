package cn.keyaccount.notice;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** Settings of the notice engine ({@code keyaccount.notice.*}); provider addresses and secrets from env vars. */
@ConfigMapping(prefix = "keyaccount.notice")
public interface NoticeConfig {

    /**
     * The zone in which quiet hours and planned times are read: the company's zone, {@code keyaccount.zone} (not a
     * setting of its own any more; setting it logs a deprecation line, see {@code base/TimeSettings}).
     */
    @WithDefault("${keyaccount.zone}")
    ZoneId zone();

    /** This node's name in claims (with a random suffix per start), e.g. the host name; "node" when unset. */
    Optional<String> node();

    /** How often the Quartz job looks for due messages. */
    @WithDefault("3s")
    String dispatchEvery();

    /** Messages one node claims at a time. */
    @WithDefault("500")
    int batchSize();

    /** Attempts before a message that keeps failing transiently is given up as FAILED. */
    @WithDefault("5")
    int maxAttempts();

    /** The wait before the first retry; doubled for each further attempt. */
    @WithDefault("PT30S")
    Duration retryBackoff();

    /** A message claimed longer ago than this by a node that never finished it goes back to the queue. */
    @WithDefault("PT2M")
    Duration claimTimeout();

    /** How long a notice stays worth sending when the caller names no expiry. */
    @WithDefault("P3D")
    Duration defaultExpiry();

    /** SMS quiet hours for everyone (22:00–08:00): only urgent notices (faults) go out then. */
    @WithDefault("22:00")
    LocalTime smsQuietFrom();

    @WithDefault("08:00")
    LocalTime smsQuietTo();

    Smpp smpp();

    Email email();

    /** The SMS centre (SMSC) reached over SMPP 3.4. */
    interface Smpp {
        /** Off unless an SMSC is configured: SMS messages then fail with "channel disabled" rather than pretend. */
        @WithDefault("false")
        boolean enabled();

        @WithDefault("localhost")
        String host();

        @WithDefault("2775")
        int port();

        @WithDefault("keyaccount")
        String systemId();

        Optional<String> password();

        Optional<String> systemType();

        /** The sender number the operator assigned (a 95598-style service code). */
        @WithDefault("95598")
        String sourceAddress();

        /** The operator's throughput limit: submit_sm PDUs per second over all segments. */
        @WithDefault("200")
        int maxPerSecond();

        /** Submits in flight at once (the SMPP window). */
        @WithDefault("8")
        int window();

        @WithDefault("PT10S")
        Duration responseTimeout();

        /** The wait before binding again after the link dropped. */
        @WithDefault("PT5S")
        Duration reconnectDelay();

        /** enquire_link interval that keeps the link alive and finds a dead one. */
        @WithDefault("PT30S")
        Duration enquireLink();
    }

    /** E-mail through the Quarkus mailer (SMTP settings under quarkus.mailer.*). */
    interface Email {
        /** Off unless an SMTP server is configured: e-mails then fail with "channel disabled". */
        @WithDefault("false")
        boolean enabled();

        /** Mails per second to the SMTP relay. */
        @WithDefault("50")
        int maxPerSecond();
    }
}
