package cn.keyaccount.workbench.ui;

import cn.keyaccount.security.Viewer;
import cn.keyaccount.workbench.SectionSummary;

/**
 * A section that a feature contributes to the workbench. Implementations are CDI beans ({@code @ApplicationScoped})
 * in the contributing feature's ui package, as {@code customer/ui/CustomerTab}s are: the workbench needs no knowledge
 * of visits, plans, outages or notices, and a new feature adds its section without touching it.
 * <p>
 * A section reads what it shows through its feature's services, scoped to the viewer, with a count and a short list
 * each in one statement; the count is the one the linked page shows.
 */
public interface WorkbenchSection {

    /** Where the section goes; smaller first. */
    int order();

    /** Whether this viewer's workbench has the section (usually by role). */
    boolean shownTo(Viewer viewer);

    /** What the section shows to this viewer, its texts translated with {@code texts}. */
    SectionSummary summarise(Viewer viewer, Texts texts);

    /** The user's language: a view's {@code getTranslation}. */
    @FunctionalInterface
    interface Texts {
        String getTranslation(String key, Object... params);
    }
}
