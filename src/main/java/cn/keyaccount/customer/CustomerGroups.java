package cn.keyaccount.customer;

import cn.keyaccount.security.Viewer;
import java.util.List;
import java.util.Locale;

/**
 * A way another feature groups customers that the customer list filters by (the portrait's segments and tags), as a
 * CDI bean in that feature: the customer package knows no feature that groups its customers, and the group's table
 * stays that feature's. A list filtered by a group adds the group's condition to the search's other conditions; a list
 * without one is read exactly as before.
 */
public interface CustomerGroups {

    /** The filter's name: the customer list's REST query parameter ({@code segment}, {@code tag}). */
    String name();

    /** Where the filter stands among the list's filters, and the translation key of its label. */
    String labelKey();

    /**
     * The HQL condition on the customer {@code c} (its id {@code c.id}) that keeps a group's members, the group bound
     * as the parameter named {@code parameter}.
     */
    String condition(String parameter);

    /** The group {@code value} as the condition binds it; a value that cannot name a group is refused (422). */
    Object parameter(String value);

    /** The groups to choose from, with their labels in the given language (none: the list shows no such filter). */
    List<Choice> choices(Viewer viewer, Locale locale);

    /** A group to choose: its value as the query parameter takes it, and its label. */
    record Choice(String value, String label) {
    }
}
