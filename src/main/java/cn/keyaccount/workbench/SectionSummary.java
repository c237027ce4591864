package cn.keyaccount.workbench;

import java.util.List;

/**
 * What one workbench section shows: an id (for tests and styles), its title, how many items there are in all (the
 * count the linked page shows), the page where they are handled with the words of that link, the first few items,
 * the sentence shown when there is none ("今天没有走访"), and what the count counts when the title does not say it
 * ("漏访"; empty otherwise). Texts arrive translated.
 */
public record SectionSummary(String id, String title, long count, String link, String linkText,
                             List<SectionRow> rows, String empty, String countNote) {

    public SectionSummary {
        rows = List.copyOf(rows);
    }

    /** A section whose title says what the count counts. */
    public SectionSummary(String id, String title, long count, String link, String linkText, List<SectionRow> rows,
                          String empty) {
        this(id, title, count, link, linkText, rows, empty, "");
    }
}
