package cn.keyaccount.customer.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import java.util.function.Consumer;

/**
 * An action on the customer card, already translated: it opens the feature's own dialog or form, or shows the
 * feature's tab with the action at hand ({@link CustomerPage}).
 */
public record CardAction(String id, String label, VaadinIcon icon, Consumer<CustomerPage> run) {
}
