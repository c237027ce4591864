package cn.keyaccount.customer.ui;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.security.Viewer;
import java.util.List;

/**
 * A feature's contribution to the customer page's header (the record card): the facts people look for first, the
 * open items that wait, and the actions at hand. Implementations are CDI beans ({@code @ApplicationScoped}) in the
 * contributing feature's ui package, as {@link CustomerTab}s are, so that the customer page knows none of them.
 * Each call runs when the page is built: read in one or two statements, and return nothing rather than fail when the
 * feature has nothing to say.
 */
public interface CustomerCardPart {

    /** Where the part's facts and actions go; smaller first. */
    int order();

    /** Facts and open items about the customer the viewer sees (already access-checked). */
    default List<CardFact> facts(Viewer viewer, CustomerDetails customer) {
        return List.of();
    }

    /** Actions the viewer may take on this customer: offer only what the viewer's role and reach allow. */
    default List<CardAction> actions(Viewer viewer, CustomerDetails customer) {
        return List.of();
    }
}
