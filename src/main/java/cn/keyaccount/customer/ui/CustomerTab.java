package cn.keyaccount.customer.ui;

import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.Component;

/**
 * A tab that another feature contributes to the customer page. Implementations are CDI beans
 * ({@code @ApplicationScoped}) in the contributing feature's ui package, so that the dependency points from the
 * feature to the customer package and the customer page needs no knowledge of visits, energy, notices and so on.
 */
public interface CustomerTab {

    /** Where the tab goes among the contributed tabs; smaller first. The customer's own tabs come before all. */
    int order();

    /** The i18n key of the tab's title. */
    String titleKey();

    /**
     * The tab's content for one customer that the viewer may see.
     *
     * @param editable whether the viewer may change this customer (a manager of another customer may only read)
     */
    Component create(Viewer viewer, long customerId, boolean editable);
}
