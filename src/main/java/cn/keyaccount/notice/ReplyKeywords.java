package cn.keyaccount.notice;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Which replies are keywords ({@code keyaccount.notice.replies.*}): a reply to a visit reminder that is one of the
 * confirm words confirms the visit, a reply to an outage warning that is one of the acknowledge words acknowledges
 * it. A keyword is the whole reply, compared without case, surrounding blanks and closing punctuation ("确认。", "y!"),
 * so that a free text that merely contains "1" or "是" means nothing.
 */
final class ReplyKeywords {

    private final Set<String> confirm;
    private final Set<String> acknowledge;

    ReplyKeywords(List<String> confirm, List<String> acknowledge) {
        this.confirm = normalised(confirm);
        this.acknowledge = normalised(acknowledge);
    }

    /** The meaning of {@code text} as a reply to a message of this purpose; null when it is no keyword there. */
    ReplyMeaning meaning(NoticePurpose repliedTo, String text) {
        if (repliedTo == null || text == null) {
            return null;
        }
        String word = normalise(text);
        return switch (repliedTo) {
            case VISIT -> confirm.contains(word) ? ReplyMeaning.CONFIRM : null;
            case OUTAGE -> acknowledge.contains(word) ? ReplyMeaning.ACKNOWLEDGE : null;
            default -> null;
        };
    }

    private static Set<String> normalised(List<String> words) {
        return words.stream().map(ReplyKeywords::normalise).filter(w -> !w.isEmpty()).collect(Collectors.toSet());
    }

    static String normalise(String text) {
        String t = text.strip().toLowerCase(Locale.ROOT);
        int end = t.length();
        while (end > 0 && "。.！!，,；;~～ ".indexOf(t.charAt(end - 1)) >= 0) {
            end--;
        }
        return t.substring(0, end).strip();
    }
}
