package cn.keyaccount.servicerequest;

import java.time.OffsetDateTime;
import java.util.Locale;

/**
 * One step of a request's history: when, what, who, the note, and for a hand-off to whom and which unit. A closing
 * the suite wrote has a {@code noteKey} ({@link RequestAnswers}) and {@code noteArgument} (the text typed with it);
 * {@code note} is then that answer in a language ({@link #inLanguage}).
 */
public record RequestEventRow(OffsetDateTime at, RequestEventKind kind, String actor, String note,
                              String toOwnerName, String toUnitName, String noteKey, String noteArgument) {

    /** This step with a written closing's note in the language given. */
    public RequestEventRow inLanguage(Locale locale) {
        return noteKey == null ? this : new RequestEventRow(at, kind, actor,
                RequestAnswers.text(locale, noteKey, noteArgument), toOwnerName, toUnitName, noteKey, noteArgument);
    }
}
