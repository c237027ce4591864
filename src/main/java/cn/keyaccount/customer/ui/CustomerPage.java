package cn.keyaccount.customer.ui;

/** What a card action may do with the customer page it was started from. */
public interface CustomerPage {

    long customerId();

    /** Shows the tab with this title key ({@link CustomerTab#titleKey}) and returns it, or null when absent. */
    com.vaadin.flow.component.Component showTab(String titleKey);

    /** Builds the page again (after a change the header shows). */
    void reload();
}
