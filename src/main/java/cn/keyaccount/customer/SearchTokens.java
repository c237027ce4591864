package cn.keyaccount.customer;

import java.util.List;
import java.util.TreeSet;

/**
 * The characters and character pairs of a search text's words, as the database function search_tokens() computes
 * them for the GIN index; and the tokens a query must all match.
 */
public final class SearchTokens {

    private SearchTokens() {
    }

    /** Every single character and every pair of neighbouring characters of each word, sorted, without repeats. */
    public static List<String> of(String text) {
        TreeSet<String> tokens = new TreeSet<>();
        for (String word : words(text)) {
            int[] cps = word.codePoints().toArray();
            for (int i = 0; i < cps.length; i++) {
                tokens.add(new String(cps, i, 1));
                if (i + 1 < cps.length) {
                    tokens.add(new String(cps, i, 2));
                }
            }
        }
        return List.copyOf(tokens);
    }

    /** What a query must contain: its character pairs, or the character itself for a one-character word. */
    public static List<String> forQuery(String query) {
        TreeSet<String> tokens = new TreeSet<>();
        for (String word : words(query)) {
            int[] cps = word.codePoints().toArray();
            if (cps.length == 1) {
                tokens.add(word);
            }
            for (int i = 0; i + 1 < cps.length; i++) {
                tokens.add(new String(cps, i, 2));
            }
        }
        return List.copyOf(tokens);
    }

    private static String[] words(String text) {
        String t = text == null ? "" : text.toLowerCase().strip();
        return t.isEmpty() ? new String[0] : t.split("\\s+");
    }
}
