package cn.keyaccount.notice;

import java.util.ArrayList;
import java.util.List;

/**
 * How an SMS text is cut into segments. Every SMS goes out in UCS-2 (data_coding 0x08), which Chinese needs and
 * which keeps the count the same for every language: 70 characters fit one message, a longer text is split into
 * parts of 67 (the 6-byte concatenation header takes the rest of the 140 bytes). An SMS is at most
 * {@value #MAX_SEGMENTS} parts ({@value #MAX_LENGTH} characters): handsets join that many reliably, the
 * concatenation header counts parts in one byte, and a longer text belongs in the e-mail and the portal, which carry
 * it whole.
 */
public final class SmsText {

    public static final int SINGLE = 70;
    public static final int PART = 67;
    public static final int MAX_SEGMENTS = 10;
    public static final int MAX_LENGTH = MAX_SEGMENTS * PART;
    private static final String CUT = "…";

    private SmsText() {
    }

    /** Segments the text takes; counted in UTF-16 units, as UCS-2 counts them. */
    public static int segments(String text) {
        return segments(text.length());
    }

    /** Segments a text of this many UTF-16 units takes. */
    public static int segments(int length) {
        return length <= SINGLE ? 1 : (length + PART - 1) / PART;
    }

    /**
     * The text as it may go out: unchanged up to {@value #MAX_LENGTH} characters, else cut to that length with
     * "…" at the end (never inside a surrogate pair), so that no SMS takes more than {@value #MAX_SEGMENTS} parts.
     */
    public static String capped(String text) {
        if (text.length() <= MAX_LENGTH) {
            return text;
        }
        int end = MAX_LENGTH - CUT.length();
        if (Character.isHighSurrogate(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(0, end) + CUT;
    }

    /** The parts to submit, never cutting a surrogate pair. */
    public static List<String> parts(String text) {
        if (text.length() <= SINGLE) {
            return List.of(text);
        }
        List<String> parts = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            int end = Math.min(text.length(), i + PART);
            if (end < text.length() && Character.isHighSurrogate(text.charAt(end - 1))) {
                end--;
            }
            parts.add(text.substring(i, end));
            i = end;
        }
        return parts;
    }
}
