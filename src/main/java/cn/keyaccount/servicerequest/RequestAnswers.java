package cn.keyaccount.servicerequest;

import cn.keyaccount.base.Messages;
import java.util.Locale;

/**
 * The answers the suite writes itself, stored as a message key and the text typed with them (the cause the crew
 * found, the fault outage's note) and read in the reader's language: a repair its crew closed (已恢复供电。故障原因：…),
 * repairs closed with their fault outage (已随故障停电一并恢复供电。…). An answer typed by staff has no key and reads
 * as typed.
 */
public final class RequestAnswers {

    /** Power restored by the crew, no cause given. */
    public static final String REPAIR_RESTORED = "request.answer.repair-restored";
    /** Power restored by the crew; {0}: the cause it found. */
    public static final String REPAIR_RESTORED_CAUSE = "request.answer.repair-restored-cause";
    /** Closed with the fault outage's restoration, no note. */
    public static final String FAULT_RESTORED = "request.answer.fault-restored";
    /** Closed with the fault outage's restoration; {0}: the fault's note. */
    public static final String FAULT_RESTORED_NOTE = "request.answer.fault-restored-note";

    private RequestAnswers() {
    }

    /** The key for a crew's restoration, with or without the cause it found. */
    public static String repairRestored(String cause) {
        return blank(cause) ? REPAIR_RESTORED : REPAIR_RESTORED_CAUSE;
    }

    /** The key for a restoration with the fault outage, with or without its note. */
    public static String faultRestored(String note) {
        return blank(note) ? FAULT_RESTORED : FAULT_RESTORED_NOTE;
    }

    /** The answer as the reader reads it: the key in their language with the typed text in it, or the text. */
    public static String text(Locale locale, String key, String text) {
        if (key == null) {
            return text;
        }
        return Messages.get(locale, key, text == null ? "" : text);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
