package cn.keyaccount.notice.gateway;

import cn.keyaccount.notice.SubmitGate;

import cn.keyaccount.audit.AuditService;
import cn.keyaccount.base.BusinessException;
import cn.keyaccount.base.Messages;
import cn.keyaccount.customer.ContactService;
import cn.keyaccount.notice.NoticeConfig;
import cn.keyaccount.notice.SendFailure;
import cn.keyaccount.security.Viewer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An administrator's connection test from the notice centre: one test SMS per provider (or to the one named) to a
 * number they type, each provider's answer as the gateway gave it (result code and its meaning, message id, time).
 * The test SMS is no notice message: nothing is retried, and its status report is kept as an unmatched receipt.
 * Every test is in the audit log (the number masked).
 */
@ApplicationScoped
public class SmsConnectionTest {

    /** How a provider answered the test. */
    public enum Outcome {
        /** The gateway took the submit (result 0) and gave its message id. */
        ACCEPTED,
        /** The gateway answered with an error code. */
        REFUSED,
        /** No link: connecting or logging in failed (wrong address, SP id or shared secret). */
        LINK_DOWN,
        /** Submitted, no answer within the response timeout. */
        NO_ANSWER,
        /** Anything else (the provider is off, the text could not be encoded). */
        FAILED
    }

    /**
     * One provider's answer: {@code resultCode} is the gateway's code (null without one), {@code detail} the
     * technical description (English, as logged), {@code messageId} the id its status report will carry.
     */
    public record Answer(String provider, String protocol, Outcome outcome, Long resultCode, String detail,
                         String messageId, long millis, Instant at) {
    }

    private final SmsProviders providers;
    private final AuditService audit;
    private final Clock clock;
    private final NoticeConfig config;

    SmsConnectionTest(SmsProviders providers, AuditService audit, Clock clock, NoticeConfig config) {
        this.providers = providers;
        this.audit = audit;
        this.clock = clock;
        this.config = config;
    }

    /** Sends the test SMS through each enabled provider, or only through {@code provider} when it names one. */
    public List<Answer> test(Viewer viewer, String mobile, String provider) {
        if (!viewer.isAdmin()) {
            throw BusinessException.forbidden("error.sms-test-admin-only");
        }
        String number = mobile == null ? "" : mobile.trim();
        if (!ContactService.MOBILE.matcher(number).matches()) {
            throw BusinessException.invalid("error.sms-test-mobile", number);
        }
        List<SmsGateway> chosen = provider == null || provider.isBlank() ? providers.enabled()
                : List.of(providers.named(provider.trim()).filter(SmsGateway::enabled)
                        .orElseThrow(() -> BusinessException.notFound("error.sms-provider-not-found", provider)));
        if (chosen.isEmpty()) {
            throw BusinessException.conflict("error.sms-no-provider");
        }
        List<Answer> answers = new ArrayList<>();
        for (SmsGateway g : chosen) {
            Answer a = send(g, number);
            answers.add(a);
            audit.record(viewer.username(), "SMS_PROVIDER_TESTED", "SMS_PROVIDER", null, null, viewer.unitPath(),
                    g.name() + " → " + number.substring(0, 3) + "****" + number.substring(7) + ": " + a.outcome()
                            + (a.resultCode() == null ? "" : " " + a.resultCode()), null, null);
        }
        return answers;
    }

    private Answer send(SmsGateway g, String mobile) {
        Instant at = clock.instant();
        String text = Messages.get(Locale.CHINESE, "gateway.test.sms", g.name(),
                DateTimeFormatter.ofPattern("HH:mm:ss").withZone(config.zone()).format(at));
        long start = System.nanoTime();
        try {
            String id = g.send(mobile, text, SubmitGate.none());
            return new Answer(g.name(), g.protocol(), Outcome.ACCEPTED, 0L, "accepted", id, millis(start), at);
        } catch (CarrierRefusal e) {
            return new Answer(g.name(), g.protocol(), Outcome.REFUSED, e.result().code(), e.getMessage(), null,
                    millis(start), at);
        } catch (SendFailure e) {
            Outcome o = switch (e.kind()) {
                case LINK_DOWN -> Outcome.LINK_DOWN;
                case UNCERTAIN -> Outcome.NO_ANSWER;
                case PERMANENT, RETRYABLE, CLAIM_LOST -> Outcome.FAILED;
            };
            return new Answer(g.name(), g.protocol(), o, null, e.getMessage(), null, millis(start), at);
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
