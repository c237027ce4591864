package cn.keyaccount.customer.ui;

import cn.keyaccount.customer.CustomerDetails;
import cn.keyaccount.security.Viewer;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The customer page's header as a record card: name, 户号 and tier; the facts people look for first (capacity and
 * voltage, manager, and what the features contribute: last and next visit, health score …); the open items; and the
 * actions at hand. Tiles wrap, so that on a phone the card folds into two columns instead of running off the edge.
 */
class CustomerCard extends Div {

    final List<CardFact> facts = new ArrayList<>();
    final List<Button> actions = new ArrayList<>();

    CustomerCard(CustomerDetails d, Viewer viewer, List<CustomerCardPart> parts, CustomerPage page) {
        setId("customer-card");
        setWidthFull();
        getStyle().set("display", "flex").set("flex-direction", "column").set("gap", "var(--lumo-space-s)")
                .set("padding-bottom", "var(--lumo-space-s)")
                .set("border-bottom", "1px solid var(--lumo-contrast-10pct)");
        add(title(d));
        facts.add(CardFact.fact("card-capacity", getTranslation("customer.card.capacity"),
                getTranslation("customer.card.capacity-value", kva(d.contractCapacityKva()),
                        kva(d.operatingCapacityKva())), "customer.tab.profile"));
        facts.add(CardFact.fact("card-voltage", getTranslation("customer.card.voltage"),
                kva(d.voltageKv()) + " kV", "customer.tab.lines"));
        facts.add(CardFact.fact("card-manager", getTranslation("customer.manager"), d.managerName() == null
                        ? getTranslation("customer.card.no-manager")
                        : d.backupManagerName() == null ? d.managerName()
                        : getTranslation("customer.card.manager-value", d.managerName(), d.backupManagerName()),
                "customer.tab.assignments"));
        List<CardFact> openItems = new ArrayList<>();
        for (CustomerCardPart part : parts) {
            for (CardFact f : part.facts(viewer, d)) {
                (f.openItem() ? openItems : facts).add(f);
            }
            for (CardAction a : part.actions(viewer, d)) {
                Button b = new Button(a.label(), a.icon().create(), e -> a.run().accept(page));
                b.setId(a.id());
                actions.add(b);
            }
        }
        FlexLayout tiles = new FlexLayout();
        tiles.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        tiles.getStyle().set("gap", "var(--lumo-space-s) var(--lumo-space-l)");
        facts.forEach(f -> tiles.add(tile(f.id(), f.label(), value(f, page))));
        Div open = tile("card-open-items", getTranslation("customer.card.open-items"), openItems(openItems, page));
        open.getStyle().set("max-width", "none").set("flex-basis", "100%");
        facts.addAll(openItems);
        add(tiles, open);
        if (!actions.isEmpty()) {
            FlexLayout bar = new FlexLayout(actions.toArray(Component[]::new));
            bar.setId("customer-card-actions");
            bar.setFlexWrap(FlexLayout.FlexWrap.WRAP);
            bar.getStyle().set("gap", "var(--lumo-space-s)");
            add(bar);
        }
    }

    private Component title(CustomerDetails d) {
        H2 name = new H2(d.name());
        name.setId("customer-name");
        name.getStyle().set("margin", "0").set("font-size", "var(--lumo-font-size-xl)");
        Span account = new Span(getTranslation("customer.account-no") + " " + d.accountNo());
        account.setId("customer-account-no");
        account.getStyle().set("color", "var(--lumo-secondary-text-color)");
        Span tier = TierBadge.of(d.tier());
        tier.setId("card-tier");
        tier.getElement().setAttribute("title", getTranslation("customer.card.tier"));
        FlexLayout title = new FlexLayout(name, tier, account);
        title.setFlexWrap(FlexLayout.FlexWrap.WRAP);
        title.setAlignItems(FlexLayout.Alignment.BASELINE);
        title.getStyle().set("gap", "var(--lumo-space-xs) var(--lumo-space-m)");
        if (!d.editable()) {
            Span readOnly = new Span(getTranslation("customer.read-only"));
            readOnly.getElement().getThemeList().add("badge contrast");
            title.add(readOnly);
        }
        return title;
    }

    private static Div tile(String id, String label, Component value) {
        Span caption = new Span(label);
        caption.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
        Div tile = new Div(caption, value);
        tile.setId(id);
        tile.getStyle().set("display", "flex").set("flex-direction", "column").set("flex", "1 1 9.5rem")
                .set("min-width", "9.5rem").set("max-width", "20rem");
        return tile;
    }

    private Component value(CardFact f, CustomerPage page) {
        Span v = new Span(f.value());
        v.addClassName("card-fact-value");
        v.getStyle().set("font-weight", "600");
        link(v, f, page);
        return v;
    }

    private Component openItems(List<CardFact> items, CustomerPage page) {
        Div list = new Div();
        list.getStyle().set("display", "flex").set("flex-wrap", "wrap").set("gap", "var(--lumo-space-xs)");
        if (items.isEmpty()) {
            Span none = new Span(getTranslation("customer.card.no-open-items"));
            none.getStyle().set("font-weight", "600");
            list.add(none);
        }
        for (CardFact f : items) {
            Span chip = new Span(f.label() + " " + f.value());
            chip.setId(f.id());
            chip.getElement().getThemeList().add("badge error");
            chip.getStyle().set("white-space", "normal");
            link(chip, f, page);
            list.add(chip);
        }
        return list;
    }

    private static void link(Span s, CardFact f, CustomerPage page) {
        if (f.tabKey() != null) {
            s.getStyle().set("cursor", "pointer");
            s.addClickListener(e -> page.showTab(f.tabKey()));
        } else if (f.route() != null) {
            s.getStyle().set("cursor", "pointer");
            s.addClickListener(e -> s.getUI().ifPresent(ui -> ui.navigate(f.route())));
        }
    }

    static String kva(BigDecimal value) {
        if (value == null) {
            return "-";
        }
        return new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
