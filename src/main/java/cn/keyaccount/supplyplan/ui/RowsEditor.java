package cn.keyaccount.supplyplan.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.HasValue;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Edits a short list of rows (risks, loads, resources, duties) as rows of fields with add and remove buttons; a
 * column is free text or a choice. Read-only when the plan is not a draft.
 */
class RowsEditor<T> extends VerticalLayout {

    /** A column: its label, how to read it from a row, and its choices (null for free text). */
    record Column<T>(String label, Function<T, String> value, List<String> choices, Function<String, String> caption) {
        static <T> Column<T> text(String label, Function<T, String> value) {
            return new Column<>(label, value, null, null);
        }
    }

    private final List<Column<T>> columns;
    private final Function<List<String>, T> build;
    private final VerticalLayout rows = new VerticalLayout();
    private final List<List<HasValue<?, String>>> fields = new ArrayList<>();
    private final Button add;
    private boolean readOnly;

    RowsEditor(String title, List<Column<T>> columns, Function<List<String>, T> build) {
        this.columns = columns;
        this.build = build;
        setPadding(false);
        setSpacing(false);
        rows.setPadding(false);
        add = new Button(VaadinIcon.PLUS.create(), e -> addRow(null));
        add.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add.setAriaLabel(getTranslation("common.add"));
        HorizontalLayout head = new HorizontalLayout(new H4(title), add);
        head.setAlignItems(FlexComponent.Alignment.BASELINE);
        add(head, rows);
    }

    void setRows(List<T> items, boolean editable) {
        this.readOnly = !editable;
        add.setVisible(editable);
        rows.removeAll();
        fields.clear();
        items.forEach(this::addRow);
    }

    List<T> getRows() {
        return fields.stream().map(row -> build.apply(row.stream().map(f -> f.getValue() == null ? "" : f.getValue())
                .toList())).toList();
    }

    /** Marks the cells of one column that fail the check, with the message; returns whether any failed. */
    boolean markInvalid(int column, java.util.function.Predicate<String> valid, String message) {
        boolean any = false;
        for (List<HasValue<?, String>> row : fields) {
            HasValue<?, String> cell = row.get(column);
            boolean bad = !valid.test(cell.getValue() == null ? "" : cell.getValue());
            if (cell instanceof com.vaadin.flow.component.HasValidation v) {
                v.setErrorMessage(bad ? message : null);
                v.setInvalid(bad);
            }
            any |= bad;
        }
        return any;
    }

    /** The field of a cell (for tests). */
    HasValue<?, String> cell(int row, int column) {
        return fields.get(row).get(column);
    }

    int rowCount() {
        return fields.size();
    }

    private void addRow(T item) {
        List<HasValue<?, String>> row = new ArrayList<>();
        HorizontalLayout line = new HorizontalLayout();
        line.setWidthFull();
        for (Column<T> c : columns) {
            String value = item == null ? "" : c.value().apply(item);
            Component field;
            if (c.choices() != null) {
                Select<String> select = new Select<>();
                select.setItems(c.choices());
                select.setItemLabelGenerator(c.caption()::apply);
                select.setValue(value == null || value.isEmpty() ? c.choices().getFirst() : value);
                select.setReadOnly(readOnly);
                select.setPlaceholder(c.label());
                row.add(select);
                field = select;
            } else {
                TextField text = new TextField();
                text.setPlaceholder(c.label());
                text.setValue(value == null ? "" : value);
                text.setReadOnly(readOnly);
                text.setWidthFull();
                row.add(text);
                field = text;
            }
            line.add(field);
        }
        if (!readOnly) {
            Button remove = new Button(VaadinIcon.TRASH.create(), e -> {
                fields.remove(row);
                rows.remove(line);
            });
            remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
            remove.setAriaLabel(getTranslation("common.delete"));
            line.add(remove);
        }
        fields.add(row);
        rows.add(line);
    }
}
