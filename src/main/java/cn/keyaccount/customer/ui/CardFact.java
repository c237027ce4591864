package cn.keyaccount.customer.ui;

/**
 * One fact on the customer card, already translated. An open item ({@code openItem}) is something waiting to be
 * handled (open visit tasks, failed notices …): the card lists those together and only when there are any.
 *
 * @param id     the element id (for tests and links), e.g. {@code card-last-visit}
 * @param tabKey the customer-page tab where it is handled (its title key), or null
 * @param route  else the application route where it is handled (e.g. {@code plans}), or null
 */
public record CardFact(String id, String label, String value, boolean openItem, String tabKey, String route) {

    public static CardFact fact(String id, String label, String value, String tabKey) {
        return new CardFact(id, label, value, false, tabKey, null);
    }

    public static CardFact openItem(String id, String label, String value, String tabKey) {
        return new CardFact(id, label, value, true, tabKey, null);
    }

    public static CardFact openItemAt(String id, String label, String value, String route) {
        return new CardFact(id, label, value, true, null, route);
    }
}
