package cn.keyaccount.portrait.ui;

import cn.keyaccount.portrait.TagCount;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import java.util.Locale;
import java.util.function.Consumer;

/** The columns of the tag counts on the segments screen: category, tag, customers, and the list's actions. */
final class TagListColumns {

    private TagListColumns() {
    }

    static void addTo(Grid<TagCount> grid, Consumer<TagCount> onNotice) {
        grid.addColumn(t -> grid.getTranslation("portrait.tag-category." + t.category().name()))
                .setHeader(grid.getTranslation("portrait.lists.category")).setAutoWidth(true);
        grid.addColumn(t -> english(grid) ? t.labelEn() : t.labelZh())
                .setHeader(grid.getTranslation("portrait.lists.tag")).setFlexGrow(2);
        grid.addColumn(TagCount::customers).setHeader(grid.getTranslation("portrait.lists.customers"))
                .setAutoWidth(true);
        grid.addComponentColumn(t -> new HorizontalLayout(
                        new Anchor("customers?tag=" + t.code(), grid.getTranslation("portrait.lists.open")),
                        exportLink(grid, t), new Button(grid.getTranslation("portrait.lists.notice"),
                                e -> onNotice.accept(t))))
                .setHeader(grid.getTranslation("portrait.lists.actions")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
    }

    private static Anchor exportLink(Grid<TagCount> grid, TagCount t) {
        Anchor a = new Anchor("api/portrait/tags/" + t.code() + "/customers.xlsx",
                grid.getTranslation("portrait.lists.export"));
        a.getElement().setAttribute("download", true);
        return a;
    }

    private static boolean english(Grid<?> grid) {
        return Locale.ENGLISH.getLanguage().equals(UI.getCurrent().getLocale().getLanguage());
    }
}
