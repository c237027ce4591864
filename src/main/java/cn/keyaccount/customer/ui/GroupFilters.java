package cn.keyaccount.customer.ui;

import cn.keyaccount.customer.CustomerGroups;
import cn.keyaccount.customer.CustomerSearch;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.router.QueryParameters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer list's filters that other features define ({@link CustomerGroups}: segment, tag), one box each with
 * the groups of the viewer's customers; a box with nothing to choose is left out. {@code ?tag=…} or {@code ?segment=…}
 * in the address preselects it (the segments screen links here).
 */
final class GroupFilters {

    private final Map<String, ComboBox<CustomerGroups.Choice>> boxes = new LinkedHashMap<>();

    GroupFilters(Iterable<CustomerGroups> groups, Viewer viewer) {
        UI ui = UI.getCurrent();
        for (CustomerGroups g : groups) {
            List<CustomerGroups.Choice> choices = g.choices(viewer, ui.getLocale());
            if (choices.isEmpty()) {
                continue;
            }
            ComboBox<CustomerGroups.Choice> box = new ComboBox<>(ui.getTranslation(g.labelKey()));
            box.setItems(choices);
            box.setItemLabelGenerator(CustomerGroups.Choice::label);
            box.setClearButtonVisible(true);
            box.setId("customer-filter-" + g.name());
            boxes.put(g.name(), box);
        }
    }

    List<ComboBox<CustomerGroups.Choice>> boxes() {
        return new ArrayList<>(boxes.values());
    }

    /** The search with the chosen groups. */
    CustomerSearch apply(CustomerSearch search) {
        CustomerSearch s = search;
        for (Map.Entry<String, ComboBox<CustomerGroups.Choice>> e : boxes.entrySet()) {
            if (e.getValue().getValue() != null) {
                s = s.withGroup(e.getKey(), e.getValue().getValue().value());
            }
        }
        return s;
    }

    /** Chooses the groups the address names; a value not among the choices leaves its box empty. */
    void select(QueryParameters parameters) {
        boxes.forEach((name, box) -> parameters.getSingleParameter(name).ifPresent(value ->
                box.getListDataView().getItems().filter(c -> c.value().equals(value)).findFirst()
                        .ifPresent(box::setValue)));
    }
}
