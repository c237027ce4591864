package cn.keyaccount.notice.ui;

import cn.keyaccount.base.TimeSettings;
import cn.keyaccount.notice.MessageState;
import cn.keyaccount.notice.gateway.CarrierResult;
import com.vaadin.flow.component.html.Span;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How notice values read on screen: states, purposes and the composer's template values by their translated names,
 * and the errors the engine stores for operators (English, with setting names) as a sentence in the user's language
 * that says what happened and who can act; an error not known here is shown as stored.
 */
final class NoticeLabels {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final ZoneId ZONE = TimeSettings.companyZone();

    private NoticeLabels() {
    }

    static String time(OffsetDateTime t) {
        return t == null ? "" : TIME.format(t.atZoneSameInstant(ZONE));
    }

    /** The engine's stored errors, from SmppChannel, EmailChannel and NoticeOutbox, and the key that explains each. */
    private record KnownError(Pattern pattern, String key) {
    }

    private static final List<KnownError> ERRORS = List.of(
            known("SMS channel disabled.*", "notice.error.sms-disabled"),
            known("(CMPP|SGIP|SMGP) gateway (\\S+) refused the submit: result (\\d+) \\(.*", "gateway.error.refused"),
            known("(?:CMPP|SGIP|SMGP) gateway (\\S+) did not answer (\\d+) of (\\d+) parts.*",
                    "gateway.error.no-answer"),
            known("(?:CMPP|SGIP|SMGP) gateway (\\S+) .*not connected.*", "gateway.error.link-down"),
            known("no SMS provider takes .*", "gateway.error.no-provider"),
            known("e-mail channel disabled.*", "notice.error.email-disabled"),
            known("expired before it could be sent", "notice.error.expired"),
            known("withdrawn", "notice.error.withdrawn"),
            known("receipt DELIVRD.*", "notice.error.receipt-delivered"),
            known("receipt (UNDELIV|EXPIRED|DELETED|REJECTD|UNKNOWN)(?: err (\\S+))?", "notice.error.receipt"),
            known("SMSC refused submit_sm for now: (.+)", "notice.error.smsc-busy"),
            known("SMSC refused submit_sm: (.+) \\(part (\\d+)\\)", "notice.error.smsc-refused"),
            known("SMSC did not answer submit_sm \\(part (\\d+) of (\\d+)\\) within (\\d+) s.*", "notice.error.no-answer"),
            known("link failed after part (\\d+) of (\\d+): .*", "notice.error.link-failed"),
            known("SMSC link down.*", "notice.error.link-down"),
            known("SMSC bind to .*", "notice.error.bind-failed"),
            known("SMTP: (.*)", "notice.error.smtp"),
            known("outcome lost in a crash; settled by its delivery receipt", "notice.error.settled-by-receipt"),
            known("recovered: claimed by (.+), never submitted", "notice.error.requeued"),
            known("claimed by (.+), submitted at (.+), outcome never recorded", "notice.error.outcome-unknown"),
            known("sent again on the decision of (.+)", "notice.error.resent-by"),
            known("counted as sent on the decision of (.+)", "notice.error.counted-by"));

    private static KnownError known(String regex, String key) {
        return new KnownError(Pattern.compile(regex, Pattern.DOTALL), key);
    }

    /** A stored error as a sentence in the user's language; an unknown one as stored. */
    static String error(BiFunction<String, Object[], String> translate, String stored) {
        if (stored == null || stored.isBlank()) {
            return "";
        }
        for (KnownError e : ERRORS) {
            Matcher m = e.pattern().matcher(stored.strip());
            if (m.matches()) {
                Object[] args = new Object[m.groupCount()];
                for (int i = 0; i < args.length; i++) {
                    args[i] = m.group(i + 1) == null ? "" : m.group(i + 1);
                }
                if (e.key().equals("notice.error.receipt")) {
                    args[0] = translate.apply("notice.receipt." + args[0], new Object[0]);
                }
                if (e.key().equals("gateway.error.refused")) {
                    long code = Long.parseLong((String) args[2]);
                    args = new Object[] {args[1], args[2], resultMeaning(translate, (String) args[0], code)};
                }
                return translate.apply(e.key(), args);
            }
        }
        return stored;
    }

    /** A carrier's result code (CMPP, SGIP, SMGP) in words. */
    static String resultMeaning(BiFunction<String, Object[], String> translate, String protocol, long code) {
        String family = protocol.toLowerCase(Locale.ROOT);
        return translate.apply("gateway." + family + ".result."
                + (CarrierResult.known(protocol, code) ? code : "other"), new Object[0]);
    }

    /** Why a notice was sent (its {@code NoticePurpose} name) in words; an unknown name as stored. */
    static String purpose(BiFunction<String, Object[], String> translate, String purpose) {
        if (purpose == null) {
            return "";
        }
        String label = translate.apply("notice.purpose." + purpose, new Object[0]);
        return label.startsWith("!") ? purpose : label;
    }

    /** A template value's label: its translated name (notice.value.title), else the template's own name for it. */
    static String value(BiFunction<String, Object[], String> translate, String name) {
        String label = translate.apply("notice.value." + name, new Object[0]);
        return label.startsWith("!") ? name : label;
    }

    /** A state as a coloured badge. */
    static Span state(Span host, MessageState s) {
        Span badge = new Span(host.getTranslation("notice.state." + s.name()));
        badge.getElement().getThemeList().add("badge " + switch (s) {
            case DELIVERED -> "success";
            case FAILED -> "error";
            case EXPIRED -> "contrast";
            case UNCERTAIN -> "warning";
            default -> "";
        });
        return badge;
    }
}
