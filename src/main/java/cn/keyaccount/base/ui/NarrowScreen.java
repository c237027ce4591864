package cn.keyaccount.base.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.function.ValueProvider;
import com.vaadin.flow.shared.Registration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A list screen on a phone: below {@link #NARROW_PX} browser width a grid shows one card per row (its key facts,
 * stacked) instead of its columns, and the filters fold away behind a "筛选" toggle; at desktop width the columns
 * and the filter bar come back. The width comes from the browser when the view is attached and on every resize
 * (the grid's own columns cannot be hidden by CSS, so the switch is made here). Only components every page's
 * frontend bundle holds are used (a grid column, buttons, divs), so no bundle rebuild is needed.
 * <pre>{@code
 * NarrowScreen narrow = NarrowScreen.of(this);
 * add(narrow.foldable(filterBar), grid);
 * narrow.cards(grid, r -> NarrowScreen.card(r.name(), r.accountNo(), r.managerName()));
 * }</pre>
 */
public final class NarrowScreen {

    /** Below this browser width (CSS pixels) lists become cards. */
    public static final int NARROW_PX = 700;

    private final List<Grid<?>> grids = new ArrayList<>();
    private final Map<Grid<?>, Grid.Column<?>> cardColumns = new IdentityHashMap<>();
    private final Map<Grid.Column<?>, Boolean> hiddenForCards = new IdentityHashMap<>();
    private final List<Folder> filters = new ArrayList<>();
    private boolean narrow;

    private NarrowScreen() {
    }

    /** Follows the browser width while {@code view} is attached. */
    public static NarrowScreen of(Component view) {
        NarrowScreen screen = new NarrowScreen();
        Registration[] resize = new Registration[1];
        view.addAttachListener(e -> {
            UI ui = e.getUI();
            ui.getPage().retrieveExtendedClientDetails(d -> screen.apply(d.getWindowInnerWidth()));
            resize[0] = ui.getPage().addBrowserWindowResizeListener(r -> screen.apply(r.getWidth()));
        });
        view.addDetachListener(e -> {
            if (resize[0] != null) {
                resize[0].remove();
            }
        });
        return screen;
    }

    /** Gives the grid a card per row for narrow screens; the card is made of the row's key facts. */
    public <T> NarrowScreen cards(Grid<T> grid, ValueProvider<T, Component> card) {
        Grid.Column<T> column = grid.addComponentColumn(card).setKey("narrow-card").setFlexGrow(1);
        column.setVisible(false);
        grids.add(grid);
        cardColumns.put(grid, column);
        grid.addClassName("narrow-cards-ready");
        show(grid);
        return this;
    }

    /**
     * The filter bar with a "筛选" toggle above it: at desktop width the bar shows and the toggle does not; on a phone
     * the bar is folded away until the toggle opens it. (A button, not a Details: every page's bundle has buttons.)
     */
    public Div foldable(Component filterBar) {
        Button toggle = new Button(UI.getCurrent() == null ? "Filters"
                : UI.getCurrent().getTranslation("common.filters"), VaadinIcon.FILTER.create());
        toggle.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        toggle.addClassName("narrow-filters-toggle");
        Div folder = new Div(toggle, filterBar);
        folder.addClassName("narrow-filters");
        folder.setWidthFull();
        toggle.addClickListener(e -> {
            filterBar.setVisible(!filterBar.isVisible());
            toggle.getElement().setAttribute("aria-expanded", Boolean.toString(filterBar.isVisible()));
        });
        filters.add(new Folder(toggle, filterBar));
        show(filters.getLast());
        return folder;
    }

    /** Whether the filters are in view (always at desktop width; on a phone once the toggle opened them). */
    public boolean filtersShown() {
        return filters.stream().allMatch(f -> f.bar().isVisible());
    }

    /** Switches to cards below {@link #NARROW_PX}, to columns above (also called by tests with a width). */
    public void apply(int widthPx) {
        if (widthPx <= 0) {
            return;
        }
        boolean nowNarrow = widthPx < NARROW_PX;
        if (nowNarrow == narrow) {
            return;
        }
        narrow = nowNarrow;
        grids.forEach(this::show);
        filters.forEach(this::show);
    }

    public boolean isNarrow() {
        return narrow;
    }

    private void show(Grid<?> grid) {
        Grid.Column<?> card = cardColumns.get(grid);
        for (Grid.Column<?> column : grid.getColumns()) {
            if (column == card) {
                continue;
            }
            if (narrow && column.isVisible()) {
                hiddenForCards.put(column, true);
                column.setVisible(false);
            } else if (!narrow && hiddenForCards.remove(column) != null) {
                column.setVisible(true);
            }
        }
        card.setVisible(narrow);
        grid.getElement().getClassList().set("narrow-cards", narrow);
    }

    private void show(Folder folder) {
        folder.toggle().setVisible(narrow);
        folder.bar().setVisible(!narrow);
        folder.toggle().getElement().setAttribute("aria-expanded", Boolean.toString(!narrow));
    }

    private record Folder(Button toggle, Component bar) {
    }

    /** A card: the row's name in bold on its first line, the other facts below, separated by " · ". */
    public static Div card(String title, String... facts) {
        Span head = new Span(title == null ? "" : title);
        head.addClassName("narrow-card-title");
        Span rest = new Span(Arrays.stream(facts).filter(Objects::nonNull).filter(f -> !f.isBlank())
                .collect(Collectors.joining(" · ")));
        rest.addClassName("narrow-card-facts");
        Div card = new Div(head, rest);
        card.addClassName("narrow-card");
        return card;
    }
}
