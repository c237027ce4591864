package cn.keyaccount.audit.ui;

import java.util.List;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How the audit log reads on screen. The services record an action code ({@code REPORT_DOWNLOADED}), an entity type
 * ({@code USER}) and a short summary written for operators in English ("signed in from 10.0.0.7", "… → APPROVED");
 * the stored record stays as written (it is evidence), and the screen shows each in the user's language: the action
 * and the entity type by their {@code audit.action.*} / {@code audit.entity.*} keys, the summaries the services
 * write by the phrases below, with the codes inside them (statuses, kinds, roles) by the owning feature's keys. A
 * summary that matches no phrase (a customer's name, a file name, a title) is shown as stored. Public for the
 * customer page's audit tab.
 */
public final class AuditLabels {

    /** A summary phrase: the pattern of what a service writes, the key that says it, which groups are codes. */
    private record Phrase(Pattern pattern, String key, String[] codePrefixes) {
    }

    private static final String ADDRESS = "(?: from (\\S+))?";
    private static final List<Phrase> PHRASES = List.of(
            phrase("signed in" + ADDRESS, "audit.summary.signed-in"),
            phrase("wrong password" + ADDRESS, "audit.summary.wrong-password"),
            phrase("account disabled", "audit.summary.account-disabled"),
            phrase("account locked until (\\S+)", "audit.summary.locked-until"),
            phrase("too many failed sign-ins: locked until (\\S+)" + ADDRESS, "audit.summary.locked-now", null, null),
            phrase("unknown user name" + ADDRESS
                    + "(?:; (\\d+) sign-ins with unknown names since the previous such entry)?",
                    "audit.summary.unknown-name", null, null),
            phrase("signed out: every session of this user ended", "audit.summary.signed-out"),
            phrase("first administrator (\\S+) \\((generated|configured) password\\)",
                    "audit.summary.first-admin", null, "audit.summary.password."),
            phrase("user (\\S+) \\(([A-Z_]+)\\)", "audit.summary.user", null, "role."),
            phrase("(PLANNED|TEMPORARY|FAULT) (.+) → (\\d+) customers, (HELD|ANNOUNCED|CANCELLED)",
                    "audit.summary.outage-registered", "outage.kind.", null, null, "outage.status."),
            phrase("(.+): (\\d+) revised, (HELD|ANNOUNCED|CANCELLED)", "audit.summary.outage-changed",
                    null, null, "outage.status."),
            phrase("(.+): (.+) \\((\\d+) told\\)", "audit.summary.outage-cancelled", null, null, null),
            phrase("(.+): (.+?) \\[late\\] \\[conflict\\]", "audit.summary.outage-released-late-conflict", null, null),
            phrase("(.+): (.+?) \\[late\\]", "audit.summary.outage-released-late", null, null),
            phrase("(.+): (.+?) \\[conflict\\]", "audit.summary.outage-released-conflict", null, null),
            phrase("(\\d+) managers (\\S+)…(\\S+): (\\d+) planned, (\\d+) kept, (\\d+) unplaced",
                    "audit.summary.visits-planned", null, null, null, null, null, null),
            phrase("(.+) → (DRAFT|SUBMITTED|APPROVED|ACTIVE|CLOSED|SUPERSEDED)", "audit.summary.plan-status",
                    null, "plan.status."),
            phrase("((?:TIER|IMPORTANCE)_[A-Z_]+): (\\S+) → (\\S+)", "audit.summary.visit-policy", "visit.policy.",
                    null, null));

    private AuditLabels() {
    }

    private static Phrase phrase(String regex, String key, String... codePrefixes) {
        return new Phrase(Pattern.compile(regex, Pattern.DOTALL), key, codePrefixes);
    }

    /** An action code in words; a code without a translation as stored (a new action reads as its code). */
    public static String action(BiFunction<String, Object[], String> translate, String code) {
        return orCode(translate, "audit.action." + code, code);
    }

    /** The changed record: its type in words and its number, "用户 #1". */
    public static String entity(BiFunction<String, Object[], String> translate, String type, Long id) {
        if (type == null) {
            return "";
        }
        String name = orCode(translate, "audit.entity." + type, type);
        return id == null ? name : name + " #" + id;
    }

    /** A stored summary in the user's language where it is one of the services' phrases; else as stored. */
    public static String summary(BiFunction<String, Object[], String> translate, String stored) {
        if (stored == null) {
            return "";
        }
        for (Phrase p : PHRASES) {
            Matcher m = p.pattern().matcher(stored);
            if (!m.matches()) {
                continue;
            }
            Object[] args = new Object[m.groupCount()];
            for (int i = 0; i < args.length; i++) {
                String value = m.group(i + 1);
                String prefix = i < p.codePrefixes().length ? p.codePrefixes()[i] : null;
                args[i] = value == null ? "" : prefix == null ? value : orCode(translate, prefix + value, value);
            }
            if (p.key().equals("audit.summary.signed-in") || p.key().equals("audit.summary.wrong-password")
                    || p.key().equals("audit.summary.locked-now") || p.key().equals("audit.summary.unknown-name")) {
                int address = p.key().equals("audit.summary.locked-now") ? 1 : 0;
                args[address] = args[address].toString().isEmpty() ? ""
                        : translate.apply("audit.summary.from", new Object[] {args[address]});
            }
            if (p.key().equals("audit.summary.unknown-name")) {
                args[1] = args[1].toString().isEmpty() ? ""
                        : translate.apply("audit.summary.unknown-names-since", new Object[] {args[1]});
            }
            return translate.apply(p.key(), args);
        }
        return stored;
    }

    private static String orCode(BiFunction<String, Object[], String> translate, String key, String code) {
        String label = translate.apply(key, new Object[0]);
        return label.startsWith("!") ? code : label;
    }
}
