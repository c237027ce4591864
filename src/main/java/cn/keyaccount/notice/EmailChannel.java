package cn.keyaccount.notice;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * E-mail over SMTP with the Quarkus mailer (server under {@code quarkus.mailer.*}). The relay accepting the mail is
 * the proof recorded (state SENT); the mail carries the message id in a header, so a bounce can be traced.
 */
@ApplicationScoped
class EmailChannel {

    static final String MESSAGE_HEADER = "X-KeyAccount-Message";

    private final Mailer mailer;
    private final NoticeConfig config;
    private final ThroughputLimiter limiter;

    EmailChannel(Mailer mailer, NoticeConfig config) {
        this.mailer = mailer;
        this.config = config;
        this.limiter = new ThroughputLimiter(config.email().maxPerSecond());
    }

    boolean enabled() {
        return config.email().enabled();
    }

    /** Sends one mail, {@code gate} opened right before the relay is asked; returns the id recorded as the provider's. */
    String send(long messageId, String to, String subject, String body, SubmitGate gate) throws SendFailure {
        if (!enabled()) {
            throw SendFailure.permanent("e-mail channel disabled (keyaccount.notice.email.enabled=false)");
        }
        limiter.acquire();
        gate.open();
        String id = "mail-" + messageId;
        try {
            mailer.send(Mail.withText(to, subject, body).addHeader(MESSAGE_HEADER, id));
            return id;
        } catch (RuntimeException e) {
            throw SendFailure.retryable("SMTP: " + rootMessage(e), e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
